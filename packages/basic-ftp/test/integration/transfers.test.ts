// Transfers on real servers: local file errors (never the server's), ProFTPD's reset of the data
// connection when it refuses a transfer (a download's 550 is read behind it; an upload has only
// the reset), and passive mode refused by vsftpd.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconnect, type TransferError, withRetry, wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

let local: string;
beforeAll(() => {
  local = mkdtempSync(join(tmpdir(), "te-basic-ftp-"));
});
afterAll(() => rmSync(local, { recursive: true, force: true }));

describeWithServers("local file errors during transfers", () => {
  for (const kind of ["proftpd", "vsftpd", "pure-ftpd", "pyftpdlib"] as const) {
    describe(kind, () => {
      const handle = useFtpServer(kind);
      let client: Client;
      beforeAll(async () => {
        client = wrapClient(new Client(5_000));
        await client.access(handle.options());
      });
      afterAll(() => client.close());

      it("downloadTo into a missing local directory: local-file-error, client still open", async () => {
        const target = join(local, "no-such-dir", "x.txt");
        const e = expectTransferError(await rejectionOf(client.downloadTo(target, F.file)), {
          reason: "local-file-error",
          code: "ENOENT",
          retryable: false,
          reconnect: false,
          operation: "downloadTo",
          path: F.file,
        });
        expect(e.explanation).toContain(target);
        expect(client.closed).toBe(false);
      });

      it("downloadTo onto a local directory: local-file-error (EISDIR)", async () => {
        expectTransferError(await rejectionOf(client.downloadTo(local, F.file)), {
          reason: "local-file-error",
          code: "EISDIR",
          retryable: false,
          reconnect: false,
          operation: "downloadTo",
          path: F.file,
        });
      });

      it("uploadFrom a missing local file: local-file-error, nothing sent", async () => {
        const source = join(local, "missing.txt");
        expectTransferError(await rejectionOf(client.uploadFrom(source, "uploaded.txt")), {
          reason: "local-file-error",
          code: "ENOENT",
          retryable: false,
          reconnect: false,
          operation: "uploadFrom",
          path: "uploaded.txt",
        });
        await expect(client.size("uploaded.txt")).rejects.toMatchObject({ code: 550 });
      });

      it("the caller's destination stream fails mid-download: local-file-error, reconnect", async () => {
        const diskFull = Object.assign(new Error("ENOSPC: no space left on device, write"), {
          code: "ENOSPC",
          syscall: "write",
        });
        const destination = new Writable({
          write(_chunk, _encoding, done) {
            done(diskFull);
          },
        });
        const e = expectTransferError(
          await rejectionOf(client.downloadTo(destination, F.bigFile)),
          {
            reason: "local-file-error",
            code: "ENOSPC",
            retryable: false,
            reconnect: true,
            operation: "downloadTo",
            path: F.bigFile,
          },
        );
        expect(e.cause).toBe(diskFull);
        await client.access(handle.options());
      });

      it("the caller's source stream fails mid-upload: local-file-error", async () => {
        let sent = 0;
        const source = new Readable({
          read() {
            sent += 1;
            if (sent > 3) this.destroy(new Error("source broke"));
            else this.push(Buffer.alloc(16 * 1024, 1));
          },
        });
        expectTransferError(await rejectionOf(client.uploadFrom(source, "broken.bin")), {
          code: undefined,
          reason: "local-file-error",
          retryable: false,
          reconnect: true,
          operation: "uploadFrom",
          path: "broken.bin",
        });
        await client.access(handle.options());
      });
    });
  }
});

describeWithServers("ProFTPD resets the data connection when it refuses a transfer", () => {
  const handle = useFtpServer("proftpd");
  const denied = `${F.readonlyDir}/new.txt`;

  const missingFile = {
    reason: "not-found",
    code: 550,
    retryable: false,
    reconnect: false,
    operation: "downloadTo",
    path: F.missing,
  } as const;

  it("download of a missing file: the 550 behind the reset is read, not-found, the session stays", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    const e = expectTransferError(
      await rejectionOf(client.downloadTo(join(local, "m.txt"), F.missing)),
      missingFile,
    );
    expect(e.serverMessage).toBe(`${F.missing}: No such file or directory`);
    // Nothing half-written is left behind for the caller to mistake for the file.
    expect(existsSync(join(local, "m.txt"))).toBe(false);
    expect(client.closed).toBe(false);
    expect(await client.size(F.file)).toBe(F.fileText.length);
    client.close();
  });

  it("download of a missing file into the caller's stream: the same answer as into a path", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    const received: Buffer[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        done();
      },
    });
    // Not the caller's stream failing (local-file-error), although the error came through it.
    expectTransferError(await rejectionOf(client.downloadTo(destination, F.missing)), missingFile);
    expect(received).toEqual([]);
    expect(client.closed).toBe(false);
    client.close();
  });

  it("upload into a read-only directory: the reset says the path may be refused; the repeat is final", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    const first = expectTransferError(
      await rejectionOf(client.uploadFrom(Readable.from(["data"]), denied)),
      {
        reason: "connection-lost",
        code: "ECONNRESET",
        retryable: true,
        reconnect: true,
        operation: "uploadFrom",
        path: denied,
      },
    );
    expect(first.explanation).toMatch(/missing or unreadable, or its directory not writable/);
    await reconnect(client);
    const second = expectTransferError(
      await rejectionOf(client.uploadFrom(Readable.from(["data"]), denied)),
      {
        reason: "connection-lost",
        code: "ECONNRESET",
        retryable: false,
        reconnect: true,
        operation: "uploadFrom",
        path: denied,
      },
    );
    expect(second.retry.why).toMatch(/refuses this file/);
    client.close();
  });

  it("withRetry stops after one repeat instead of retrying a refusal forever", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    const attempts: TransferError[] = [];
    const error = await rejectionOf(
      withRetry(() => client.uploadFrom(Readable.from(["data"]), denied), {
        retries: 10,
        minDelayMs: 1,
        reconnect: () => reconnect(client),
        onRetry: (e) => {
          attempts.push(e);
        },
      }),
    );
    expectTransferError(error, {
      code: "ECONNRESET",
      reason: "connection-lost",
      retryable: false,
      reconnect: true,
      operation: "uploadFrom",
      path: denied,
    });
    expect(attempts).toHaveLength(1);
    client.close();
  });

  it("a successful transfer of the path forgets the earlier reset", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    // STOR into a directory that does not exist (yet): ProFTPD resets the data connection.
    const path = "appears-later/x.txt";
    const upload = () => client.uploadFrom(Readable.from(["now it exists"]), path);
    await rejectionOf(upload());
    await reconnect(client);
    await client.ensureDir("appears-later");
    await client.cd("/");
    await upload();
    await client.remove(path);
    await client.removeEmptyDir("appears-later");
    const e = await rejectionOf(upload());
    expect((e as TransferError).code).toBe("ECONNRESET");
    expect((e as TransferError).retryable).toBe(true);
    client.close();
  });
});

describeWithServers("vsftpd with passive mode disabled", () => {
  const handle = useFtpServer("vsftpd", { extraConfig: ["pasv_enable=NO"] });

  it("'None of the available transfer strategies work': data-connection-failed with the 550", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    const e = expectTransferError(await rejectionOf(client.list()), {
      path: undefined,
      reason: "data-connection-failed",
      code: 550,
      retryable: false,
      reconnect: false,
      operation: "list",
    });
    expect(e.serverMessage).toBe("Permission denied.");
    expect(e.explanation).toContain("passive");
    expect(client.closed).toBe(false);
    client.close();
  });
});
