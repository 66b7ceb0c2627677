// The opt-in look after a refusal that says too little, on the real servers: ProFTPD resets the
// data connection as it refuses a download of a missing file (its 550 is read when it comes
// within the grace; the look is for when it does not), vsftpd answers a missing and an unreadable
// file alike with "550 Failed to open file.".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFaultProxy } from "@transfer-errors/testkit/fault-proxy";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRetry, wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

let local: string;
beforeAll(() => {
  local = mkdtempSync(join(tmpdir(), "te-diagnose-"));
});
afterAll(() => rmSync(local, { recursive: true, force: true }));

describeWithServers("diagnose: a look at the path after an unclear refusal", () => {
  describe("ProFTPD: a download of a missing file", () => {
    const handle = useFtpServer("proftpd");

    it("is not-found, not retryable, at the first attempt (its 550, read behind the reset)", async () => {
      const client = wrapClient(new Client(5_000), { diagnose: true });
      await client.access(handle.options());
      let attempts = 0;
      const error = await rejectionOf(
        withRetry(
          () => {
            attempts++;
            return client.downloadTo(join(local, "m.txt"), F.missing);
          },
          { retries: 3, minDelayMs: 1 },
        ),
      );
      expectTransferError(error, {
        reason: "not-found",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "downloadTo",
        path: F.missing,
      });
      expect(attempts).toBe(1);
      // The reply said enough: no look.
      expect((error as { explanation: string }).explanation).not.toMatch(/follow-up look/);
      client.close();
    });

    it("a 550 that comes after the grace: the reset, looked into, is not-found", async () => {
      // The control connection through a proxy that holds each chunk 300 ms: the reset of the
      // data connection (which goes straight to the server) comes long before the reply.
      const proxy = await startFaultProxy({ target: { port: handle.server.port } });
      const client = wrapClient(new Client(5_000), { diagnose: true });
      await client.access(handle.options({ host: proxy.host, port: proxy.port }));
      proxy.strikeOpen({ kind: "delay", ms: 300 });
      const e = expectTransferError(
        await rejectionOf(client.downloadTo(join(local, "m2.txt"), F.missing)),
        {
          reason: "not-found",
          code: "ECONNRESET",
          retryable: false,
          reconnect: true,
          operation: "downloadTo",
          path: F.missing,
        },
      );
      expect(e.explanation).toMatch(/no such entry/);
      client.close();
      await proxy.stop();
    });

    it("a file that exists downloads with no look at all", async () => {
      const client = wrapClient(new Client(5_000), { diagnose: true });
      await client.access(handle.options());
      await client.downloadTo(join(local, "ok.txt"), F.file);
      client.close();
    });
  });

  describe("vsftpd: 550 Failed to open file.", () => {
    const handle = useFtpServer("vsftpd");
    let client: Client;
    beforeAll(async () => {
      client = wrapClient(new Client(5_000), { diagnose: true });
      await client.access(handle.options());
    });
    afterAll(() => client.close());

    it("for a missing file: not-found", async () => {
      const e = expectTransferError(
        await rejectionOf(client.downloadTo(join(local, "a.txt"), F.missing)),
        {
          reason: "not-found",
          code: 550,
          retryable: false,
          reconnect: false,
          operation: "downloadTo",
          path: F.missing,
        },
      );
      expect(e.serverMessage).toBe("Failed to open file.");
    });

    it("for a file this user may not read: permission-denied", async () => {
      const e = expectTransferError(
        await rejectionOf(client.downloadTo(join(local, "b.txt"), F.privateFile)),
        {
          reason: "permission-denied",
          code: 550,
          retryable: false,
          reconnect: false,
          operation: "downloadTo",
          path: F.privateFile,
        },
      );
      expect(e.serverMessage).toBe("Failed to open file.");
    });

    it("without the option, the same reply stays file-unavailable", async () => {
      const plain = wrapClient(new Client(5_000));
      await plain.access(handle.options());
      expectTransferError(await rejectionOf(plain.downloadTo(join(local, "c.txt"), F.missing)), {
        reason: "file-unavailable",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "downloadTo",
        path: F.missing,
      });
      plain.close();
    });
  });

  describe("pyftpdlib: SIZE's 550 <path> is not retrievable.", () => {
    const handle = useFtpServer("pyftpdlib");
    let client: Client;
    beforeAll(async () => {
      client = wrapClient(new Client(5_000), { diagnose: true });
      await client.access(handle.options());
    });
    afterAll(() => client.close());

    // pyftpdlib says the same for anything that is not a regular file: the look tells which.
    it("for a missing file: not-found (size() as an existence check works)", async () => {
      const e = expectTransferError(await rejectionOf(client.size(F.missing)), {
        reason: "not-found",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "size",
        path: F.missing,
      });
      expect(e.serverMessage).toBe(`/${F.missing} is not retrievable.`);
    });

    it("for a directory: is-a-directory", async () => {
      expectTransferError(await rejectionOf(client.size(F.fullDir)), {
        reason: "is-a-directory",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "size",
        path: F.fullDir,
      });
    });
  });
});
