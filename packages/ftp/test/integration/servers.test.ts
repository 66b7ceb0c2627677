// The scenarios of the other adapters, on real ProFTPD, vsftpd, Pure-FTPd and pyftpdlib, through both clients: node-ftp's
// callback Client and promise-ftp, each wrapped. Missing file, permission denied, a denied upload,
// wrong password, control characters, a call after close, a dropped session.
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { describe, expect, it } from "vitest";
import { type TransferError, withRetry } from "../../src/index.js";
import { clients } from "../support/clients.js";
import { type Expected, expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

const refusal = (reason: Expected["reason"], code: number, operation: string, path?: string) =>
  ({ reason, code, retryable: false, reconnect: false, operation, path }) satisfies Expected;

/** What each server answers, the same through both clients. */
const answers = {
  proftpd: {
    missing: refusal("not-found", 550, "get", F.missing),
    private: refusal("permission-denied", 550, "get", F.privateFile),
    privateDir: refusal("permission-denied", 550, "cwd", F.privateDir),
    // ProFTPD resets the data connection instead of answering the STOR: a network failure to see.
    upload: {
      reason: "connection-lost",
      code: "ECONNRESET",
      retryable: true,
      reconnect: true,
      operation: "put",
      path: `${F.readonlyDir}/new.txt`,
    } satisfies Expected,
  },
  vsftpd: {
    missing: refusal("file-unavailable", 550, "get", F.missing),
    private: refusal("file-unavailable", 550, "get", F.privateFile),
    privateDir: refusal("file-unavailable", 550, "cwd", F.privateDir),
    upload: refusal("file-unavailable", 553, "put", `${F.readonlyDir}/new.txt`),
  },
  "pure-ftpd": {
    missing: refusal("not-found", 550, "get", F.missing),
    private: refusal("permission-denied", 550, "get", F.privateFile),
    privateDir: refusal("permission-denied", 550, "cwd", F.privateDir),
    upload: refusal("permission-denied", 553, "put", `${F.readonlyDir}/new.txt`),
  },
  // The OS error's text (strerror), word for word.
  pyftpdlib: {
    missing: refusal("not-found", 550, "get", F.missing),
    private: refusal("permission-denied", 550, "get", F.privateFile),
    privateDir: refusal("permission-denied", 550, "cwd", F.privateDir),
    upload: refusal("permission-denied", 550, "put", `${F.readonlyDir}/new.txt`),
  },
} as const;

/** Each server's text for the missing file, and for a wrong password (Pure-FTPd's after some seconds). */
const texts = {
  proftpd: { missing: `${F.missing}: No such file or directory`, login: "Login incorrect." },
  vsftpd: { missing: "Failed to open file.", login: "Login incorrect." },
  "pure-ftpd": {
    missing: `Can't open ${F.missing}: No such file or directory`,
    login: "Login authentication failed",
  },
  pyftpdlib: { missing: "No such file or directory.", login: "Authentication failed." },
} as const;

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

for (const kind of ["proftpd", "vsftpd", "pure-ftpd", "pyftpdlib"] as const) {
  describeWithServers(kind, () => {
    const handle = useFtpServer(kind);
    for (const name of ["node-ftp", "promise-ftp"] as const) {
      describe(name, () => {
        const a = answers[kind];

        it("missing file, no read permission, no directory permission, a refused upload", async () => {
          const c = clients[name]();
          await c.connect(handle.options());
          const missing = expectTransferError(await rejectionOf(c.get(F.missing)), a.missing);
          expect(missing.serverMessage).toBe(texts[kind].missing);
          expectTransferError(await rejectionOf(c.get(F.privateFile)), a.private);
          expectTransferError(await rejectionOf(c.cwd(F.privateDir)), a.privateDir);
          expectTransferError(
            await rejectionOf(c.put(Buffer.from("x"), `${F.readonlyDir}/new.txt`)),
            a.upload,
          );
          // The control connection is still there: the client goes on.
          expect(await c.size(F.file)).toBe(F.fileText.length);
          c.end();
        });

        it("wrong password: auth-failed, reconnect, the password nowhere, onError told", {
          timeout: 30_000,
        }, async () => {
          const wrong = "Wrong-Passw0rd-123";
          const reported: TransferError[] = [];
          const c = clients[name]({ onError: (e) => reported.push(e) });
          const e = expectTransferError(
            await rejectionOf(c.connect(handle.options({ password: wrong }))),
            {
              reason: "auth-failed",
              code: 530,
              retryable: false,
              reconnect: true,
              operation: "connect",
              path: undefined,
            },
            wrong,
          );
          expect(e.serverMessage).toBe(texts[kind].login);
          if (name === "node-ftp") {
            // No call was pending: onError got the same failure, as a TransferError.
            expect(reported.map((r) => [r.reason, r.code, r.operation])).toEqual([
              ["auth-failed", 530, "connect"],
            ]);
          }
        });

        it("control characters in a path: invalid-name, nothing sent, the client goes on", async () => {
          const c = clients[name]();
          await c.connect(handle.options());
          const path = `${F.fullDir}\r\nDELE ${F.file}`;
          expectTransferError(await rejectionOf(c.cwd(path)), {
            reason: "invalid-name",
            code: undefined,
            retryable: false,
            reconnect: false,
            operation: "cwd",
            path,
          });
          expect(await c.size(F.file)).toBe(F.fileText.length);
          c.end();
        });

        it("a call after end(): client-misuse, not retried (node-ftp alone waits for ever)", async () => {
          const c = clients[name]();
          await c.connect(handle.options());
          c.end();
          await new Promise((r) => setTimeout(r, 100));
          expectTransferError(await rejectionOf(c.pwd()), {
            reason: "client-misuse",
            code: undefined,
            retryable: false,
            reconnect: true,
            operation: "pwd",
            path: undefined,
          });
          for (let i = 0; i < 2; i++) {
            const again = (await rejectionOf(c.pwd())) as TransferError;
            expect([again.reason, again.retryable], "again").toEqual(["client-misuse", false]);
          }
        });

        it("the session dropped by the server: connection-lost, reconnect; connecting again works", async () => {
          const c = clients[name]();
          await c.connect(handle.options());
          let closed = false;
          c.raw.once("close", () => {
            closed = true;
          });
          handle.server.dropSessions();
          await until(() => closed);
          expectTransferError(await rejectionOf(c.pwd()), {
            reason: "connection-lost",
            code: undefined,
            retryable: true,
            reconnect: true,
            operation: "pwd",
            path: undefined,
          });
          await c.connect(handle.options());
          expect(await c.size(F.file)).toBe(F.fileText.length);
          c.end();
        });
      });
    }
  });
}

describeWithServers("ProFTPD resets the data connection when it refuses an upload", () => {
  const handle = useFtpServer("proftpd");
  for (const name of ["node-ftp", "promise-ftp"] as const) {
    it(`${name}: the first reset may be the network; the same again for the path is final`, async () => {
      const c = clients[name]();
      await c.connect(handle.options());
      const path = `${F.readonlyDir}/new.txt`;
      const upload = { reason: "connection-lost", code: "ECONNRESET", reconnect: true } as const;
      const first = expectTransferError(await rejectionOf(c.put(Buffer.from("x"), path)), {
        ...upload,
        retryable: true,
        operation: "put",
        path,
      });
      expect(first.explanation).toMatch(/missing or unreadable, or its directory not writable/);
      const attempts: TransferError[] = [];
      const error = await rejectionOf(
        withRetry(() => c.put(Buffer.from("x"), path), {
          retries: 5,
          minDelayMs: 1,
          onRetry: (e) => {
            attempts.push(e);
          },
        }),
      );
      expectTransferError(error, { ...upload, retryable: false, operation: "put", path });
      expect(attempts).toHaveLength(0);
      // A transfer of the path that works forgets the resets.
      await c.put(Buffer.from("x"), "fresh.txt");
      c.end();
    });
  }
});

describeWithServers("421 from vsftpd (one connection per address)", () => {
  const handle = useFtpServer("vsftpd", { extraConfig: ["max_per_ip=1"] });
  for (const name of ["node-ftp", "promise-ftp"] as const) {
    it(`${name}: the greeting is a 421: service-unavailable, retry after reconnecting`, async () => {
      const first = clients[name]();
      // The setup's greeting probe may still count as a connection for a moment.
      for (let attempt = 0; ; attempt++) {
        const error = await first.connect(handle.options()).then(
          () => undefined,
          (e) => e,
        );
        if (error === undefined) break;
        if (attempt > 20) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
      const second = clients[name]();
      const e = expectTransferError(await rejectionOf(second.connect(handle.options())), {
        reason: "service-unavailable",
        code: 421,
        retryable: true,
        reconnect: true,
        operation: "connect",
        path: undefined,
      });
      expect(e.serverMessage).toBe("There are too many connections from your internet address.");
      first.destroy();
      second.destroy();
      await new Promise((r) => setTimeout(r, 200));
    });
  }
});

describeWithServers("vsftpd requiring TLS", () => {
  const handle = useFtpServer("vsftpd-tls");
  for (const name of ["node-ftp", "promise-ftp"] as const) {
    it(`${name}: a plain login is refused: tls-required, the advice names secure: true`, async () => {
      const c = clients[name]();
      const e = expectTransferError(await rejectionOf(c.connect(handle.options())), {
        reason: "tls-required",
        code: 530,
        retryable: false,
        reconnect: true,
        operation: "connect",
        path: undefined,
      });
      expect(e.explanation).toContain("secure: true");
    });

    it(`${name}: with TLS, a missing file is read as on the plain server`, async () => {
      const c = clients[name]();
      const ca = handle.server.certPem;
      await c.connect(
        handle.options({ secure: true, secureOptions: { ca, servername: "localhost" } }),
      );
      const e = expectTransferError(await rejectionOf(c.size(F.missing)), {
        reason: "file-unavailable",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "size",
        path: F.missing,
      });
      expect(e.tls).toBe(true);
      c.destroy();
    });
  }
});
