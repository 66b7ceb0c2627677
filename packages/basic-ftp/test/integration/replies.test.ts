// Server replies (FTPError) from real ProFTPD, vsftpd, Pure-FTPd and pyftpdlib: the code, the server's text without the
// code, and the reason refined by that text and by the operation.
import { Readable, Writable } from "node:stream";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toTransferError, wrapClient } from "../../src/index.js";
import { type Expected, expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, type ServerHandle, useFtpServer } from "../support/servers.js";

const sink = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

type Step = [title: string, run: (client: Client) => Promise<unknown>, expected: Expected];

function connected(handle: ServerHandle) {
  let client: Client;
  beforeAll(async () => {
    client = wrapClient(new Client(5_000));
    await client.access(handle.options());
  });
  afterAll(() => client.close());
  return () => client;
}

/** Each step on a wrapped client, back in the home directory before each. */
function runSteps(handle: ServerHandle, steps: Step[]) {
  const client = connected(handle);
  for (const [title, run, expected] of steps) {
    it(title, async () => {
      if (client().closed) await client().access(handle.options());
      await client().cd("/");
      expectTransferError(await rejectionOf(run(client())), expected);
    });
  }
}

const refusal = (reason: Expected["reason"], code: number, operation: string, path?: string) =>
  ({ reason, code, retryable: false, reconnect: false, operation, path }) satisfies Expected;

describeWithServers("FTP replies from ProFTPD", () => {
  const handle = useFtpServer("proftpd");
  runSteps(handle, [
    [
      "size of a missing file",
      (c) => c.size(F.missing),
      refusal("not-found", 550, "size", F.missing),
    ],
    [
      "cd into a missing directory",
      (c) => c.cd(F.missing),
      refusal("not-found", 550, "cd", F.missing),
    ],
    [
      "cd into a directory without rights",
      (c) => c.cd(F.privateDir),
      refusal("permission-denied", 550, "cd", F.privateDir),
    ],
    [
      "remove a file in a read-only directory",
      (c) => c.remove(F.readonlyFile),
      refusal("permission-denied", 550, "remove", F.readonlyFile),
    ],
    [
      "removeEmptyDir of a non-empty directory",
      (c) => c.removeEmptyDir(F.fullDir),
      refusal("directory-not-empty", 550, "removeEmptyDir", F.fullDir),
    ],
    [
      "MKD of an existing directory",
      (c) => c.send(`MKD ${F.fullDir}`),
      refusal("already-exists", 550, "send"),
    ],
    ["cd into a file", (c) => c.cd(F.file), refusal("not-a-directory", 550, "cd", F.file)],
    [
      "size of a directory",
      (c) => c.size(F.fullDir),
      refusal("is-a-directory", 550, "size", F.fullDir),
    ],
    // ProFTPD's "<cmd> not understood" is its answer to a command it does not implement
    // (src/main.c): unsupported, as vsftpd's "Unknown command." below (it was bad-request, from the
    // 500 alone, before the catalogs).
    ["an unknown command", (c) => c.send("BOGUS"), refusal("unsupported", 500, "send")],
    ["RNTO without RNFR", (c) => c.send("RNTO x"), refusal("bad-sequence", 503, "send")],
    // A 4xx is transient by its digits, but the text says the path does not exist.
    [
      "list of a missing directory (450)",
      (c) => c.list(F.missing),
      refusal("not-found", 450, "list", F.missing),
    ],
    // ensureDir hides the failed MKD and reports the CWD after it ("No such file or directory").
    [
      "ensureDir inside a read-only directory",
      (c) => c.ensureDir(`/${F.readonlyDir}/sub/deeper`),
      refusal("file-unavailable", 550, "ensureDir", `/${F.readonlyDir}/sub/deeper`),
    ],
  ]);

  it("keeps the server's text without the code", async () => {
    const client = new Client(5_000);
    await client.access(handle.options());
    const raw = await rejectionOf(client.size(F.missing));
    client.close();
    const e = toTransferError(raw, { operation: "size", path: F.missing });
    expect(e.serverMessage).toBe(`${F.missing}: No such file or directory`);
    expect(e.cause).toBe(raw);
  });
});

describeWithServers("FTP replies from vsftpd", () => {
  const handle = useFtpServer("vsftpd");
  runSteps(handle, [
    // vsftpd does not say why: not found and no access read the same.
    [
      "size of a missing file",
      (c) => c.size(F.missing),
      refusal("file-unavailable", 550, "size", F.missing),
    ],
    [
      "download of a missing file",
      (c) => c.downloadTo(sink(), F.missing),
      refusal("file-unavailable", 550, "downloadTo", F.missing),
    ],
    [
      "download of a file without rights",
      (c) => c.downloadTo(sink(), F.privateFile),
      refusal("file-unavailable", 550, "downloadTo", F.privateFile),
    ],
    [
      "cd into a missing directory",
      (c) => c.cd(F.missing),
      refusal("file-unavailable", 550, "cd", F.missing),
    ],
    [
      "upload into a read-only directory (553)",
      (c) => c.uploadFrom(Readable.from(["x"]), `${F.readonlyDir}/new.txt`),
      refusal("file-unavailable", 553, "uploadFrom", `${F.readonlyDir}/new.txt`),
    ],
    [
      "removeEmptyDir of a non-empty directory",
      (c) => c.removeEmptyDir(F.fullDir),
      refusal("file-unavailable", 550, "removeEmptyDir", F.fullDir),
    ],
    ["an unknown command", (c) => c.send("BOGUS"), refusal("unsupported", 500, "send")],
    ["RNTO without RNFR", (c) => c.send("RNTO x"), refusal("bad-sequence", 503, "send")],
  ]);

  it("the retry hint's why quotes the reply, not the rule that read it", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    const e = expectTransferError(
      await rejectionOf(client.uploadFrom(Readable.from(["x"]), `${F.readonlyDir}/new.txt`)),
      refusal("file-unavailable", 553, "uploadFrom", `${F.readonlyDir}/new.txt`),
    );
    client.close();
    expect(e.serverMessage).toBe("Could not create file.");
    expect(e.retry.why).toMatch(
      /^FTP reply 553 \("Could not create file\."\) is file-unavailable: /,
    );
    expect(e.retry.why).not.toMatch(/in its text/);
  });

  it("the client stays usable after a refusal", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    await rejectionOf(client.size(F.missing));
    expect(client.closed).toBe(false);
    expect(await client.size(F.file)).toBe(F.fileText.length);
    client.close();
  });
});

describeWithServers("FTP replies from Pure-FTPd", () => {
  const handle = useFtpServer("pure-ftpd");
  runSteps(handle, [
    // SIZE and MDTM: "Can't check for file existence" after a failed stat() (ftpd.c); in the
    // user's own tree that is a missing file, so that a size() existence check works here too.
    [
      "size of a missing file",
      (c) => c.size(F.missing),
      refusal("not-found", 550, "size", F.missing),
    ],
    [
      "lastMod of a missing file",
      (c) => c.lastMod(F.missing),
      refusal("not-found", 550, "lastMod", F.missing),
    ],
    [
      "download of a missing file",
      (c) => c.downloadTo(sink(), F.missing),
      refusal("not-found", 550, "downloadTo", F.missing),
    ],
    [
      "download of a file without rights",
      (c) => c.downloadTo(sink(), F.privateFile),
      refusal("permission-denied", 550, "downloadTo", F.privateFile),
    ],
    [
      "cd into a missing directory",
      (c) => c.cd(F.missing),
      refusal("not-found", 550, "cd", F.missing),
    ],
    [
      "cd into a directory without rights",
      (c) => c.cd(F.privateDir),
      refusal("permission-denied", 550, "cd", F.privateDir),
    ],
    ["cd into a file", (c) => c.cd(F.file), refusal("not-a-directory", 550, "cd", F.file)],
    [
      "size of a directory",
      (c) => c.size(F.fullDir),
      refusal("is-a-directory", 550, "size", F.fullDir),
    ],
    [
      "remove a missing file",
      (c) => c.remove(F.missing),
      refusal("not-found", 550, "remove", F.missing),
    ],
    [
      "remove a file in a read-only directory",
      (c) => c.remove(F.readonlyFile),
      refusal("permission-denied", 550, "remove", F.readonlyFile),
    ],
    [
      "upload into a read-only directory (553)",
      (c) => c.uploadFrom(Readable.from(["x"]), `${F.readonlyDir}/new.txt`),
      refusal("permission-denied", 553, "uploadFrom", `${F.readonlyDir}/new.txt`),
    ],
    [
      "removeEmptyDir of a non-empty directory",
      (c) => c.removeEmptyDir(F.fullDir),
      refusal("directory-not-empty", 550, "removeEmptyDir", F.fullDir),
    ],
    [
      "MKD of an existing directory",
      (c) => c.send(`MKD ${F.fullDir}`),
      refusal("already-exists", 550, "send"),
    ],
    [
      "MKD in a read-only directory",
      (c) => c.send(`MKD ${F.readonlyDir}/sub`),
      refusal("permission-denied", 550, "send"),
    ],
    [
      "rename of a missing file",
      (c) => c.rename(F.missing, "renamed.txt"),
      refusal("not-found", 550, "rename", F.missing),
    ],
    // A 4xx is transient by its digits; "Permission denied" (the rename(2) error) is not.
    [
      "rename into a read-only directory (451)",
      (c) => c.rename(F.file, `${F.readonlyDir}/moved.txt`),
      refusal("permission-denied", 451, "rename", F.file),
    ],
    ["an unknown command", (c) => c.send("BOGUS"), refusal("unsupported", 500, "send")],
    ["RNTO without RNFR", (c) => c.send("RNTO x"), refusal("bad-sequence", 503, "send")],
    [
      "ensureDir inside a read-only directory",
      (c) => c.ensureDir(`/${F.readonlyDir}/sub/deeper`),
      refusal("file-unavailable", 550, "ensureDir", `/${F.readonlyDir}/sub/deeper`),
    ],
  ]);
});

describeWithServers("FTP replies from pyftpdlib", () => {
  const handle = useFtpServer("pyftpdlib");
  runSteps(handle, [
    // SIZE and MDTM: "<path> is not retrievable" for anything that is not a regular file (missing
    // or a directory alike, ftp_SIZE): the file is unavailable, which one it is the text does not
    // say (wrapClient's `diagnose` look tells them apart: diagnose.test.ts).
    [
      "size of a missing file",
      (c) => c.size(F.missing),
      refusal("file-unavailable", 550, "size", F.missing),
    ],
    [
      "lastMod of a missing file",
      (c) => c.lastMod(F.missing),
      refusal("file-unavailable", 550, "lastMod", F.missing),
    ],
    [
      "size of a directory",
      (c) => c.size(F.fullDir),
      refusal("file-unavailable", 550, "size", F.fullDir),
    ],
    // Everything else carries the OS error's text (strerror): what happened, word for word.
    [
      "download of a missing file",
      (c) => c.downloadTo(sink(), F.missing),
      refusal("not-found", 550, "downloadTo", F.missing),
    ],
    [
      "download of a file without rights",
      (c) => c.downloadTo(sink(), F.privateFile),
      refusal("permission-denied", 550, "downloadTo", F.privateFile),
    ],
    [
      "cd into a missing directory",
      (c) => c.cd(F.missing),
      refusal("not-found", 550, "cd", F.missing),
    ],
    [
      "cd into a directory without rights",
      (c) => c.cd(F.privateDir),
      refusal("permission-denied", 550, "cd", F.privateDir),
    ],
    ["cd into a file", (c) => c.cd(F.file), refusal("not-a-directory", 550, "cd", F.file)],
    [
      "list of a missing directory",
      (c) => c.list(F.missing),
      refusal("not-found", 550, "list", F.missing),
    ],
    [
      "list of a directory without rights",
      (c) => c.list(F.privateDir),
      refusal("permission-denied", 550, "list", F.privateDir),
    ],
    [
      "remove a missing file",
      (c) => c.remove(F.missing),
      refusal("not-found", 550, "remove", F.missing),
    ],
    [
      "remove a file in a read-only directory",
      (c) => c.remove(F.readonlyFile),
      refusal("permission-denied", 550, "remove", F.readonlyFile),
    ],
    [
      "upload into a read-only directory",
      (c) => c.uploadFrom(Readable.from(["x"]), `${F.readonlyDir}/new.txt`),
      refusal("permission-denied", 550, "uploadFrom", `${F.readonlyDir}/new.txt`),
    ],
    [
      "removeEmptyDir of a non-empty directory",
      (c) => c.removeEmptyDir(F.fullDir),
      refusal("directory-not-empty", 550, "removeEmptyDir", F.fullDir),
    ],
    [
      "MKD of an existing directory",
      (c) => c.send(`MKD ${F.fullDir}`),
      refusal("already-exists", 550, "send"),
    ],
    [
      "MKD in a read-only directory",
      (c) => c.send(`MKD ${F.readonlyDir}/sub`),
      refusal("permission-denied", 550, "send"),
    ],
    [
      "rename of a missing file",
      (c) => c.rename(F.missing, "renamed.txt"),
      refusal("not-found", 550, "rename", F.missing),
    ],
    [
      "rename into a read-only directory",
      (c) => c.rename(F.file, `${F.readonlyDir}/moved.txt`),
      refusal("permission-denied", 550, "rename", F.file),
    ],
    ["an unknown command", (c) => c.send("BOGUS"), refusal("unsupported", 500, "send")],
    ["RNTO without RNFR", (c) => c.send("RNTO x"), refusal("bad-sequence", 503, "send")],
    [
      "ensureDir inside a read-only directory",
      (c) => c.ensureDir(`/${F.readonlyDir}/sub/deeper`),
      refusal("file-unavailable", 550, "ensureDir", `/${F.readonlyDir}/sub/deeper`),
    ],
  ]);
});

describeWithServers("login refused", () => {
  // Pure-FTPd answers a wrong password after some seconds (against guessing): the client's
  // timeout and the test's are longer there.
  const login = {
    proftpd: { text: "Login incorrect.", ms: 5_000 },
    vsftpd: { text: "Login incorrect.", ms: 5_000 },
    "pure-ftpd": { text: "Login authentication failed", ms: 20_000 },
    pyftpdlib: { text: "Authentication failed.", ms: 5_000 },
  } as const;
  for (const kind of ["proftpd", "vsftpd", "pure-ftpd", "pyftpdlib"] as const) {
    describe(kind, () => {
      const handle = useFtpServer(kind);
      const { text, ms } = login[kind];
      it("530 is auth-failed; the half-open connection is closed; no password anywhere", {
        timeout: ms + 10_000,
      }, async () => {
        const wrong = "Wrong-Passw0rd-123";
        const client = wrapClient(new Client(ms));
        const error = await rejectionOf(client.access(handle.options({ password: wrong })));
        const e = expectTransferError(
          error,
          {
            reason: "auth-failed",
            code: 530,
            retryable: false,
            reconnect: true,
            operation: "access",
            path: undefined,
          },
          wrong,
        );
        expect(e.serverMessage).toBe(text);
        expect(client.closed).toBe(true);
      });

      it("basic-ftp alone leaves that connection open (what wrapClient closes)", {
        timeout: ms + 10_000,
      }, async () => {
        const client = new Client(ms);
        await rejectionOf(client.access(handle.options({ password: "Wrong-Passw0rd-123" })));
        expect(client.closed).toBe(false);
        client.close();
      });
    });
  }
});
