// A production server's limits, as real Pure-FTPd, ProFTPD, vsftpd and pyftpdlib answer them (each its own
// server started with the option that sets the limit): too many sessions, a quota, a disk over
// its threshold, a size limit, a name the server refuses, writing switched off, a file the server
// keeps, an idle session closed. Each is what the condition is, read from the reply.
import { Readable } from "node:stream";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { describe, expect, it } from "vitest";
import { isTransferError, wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, type ServerHandle, useFtpServer } from "../support/servers.js";

/**
 * A wrapped client logged in to `handle`'s server. The test kit's probe of the server's greeting
 * is a session too, which a limit of one counts until it has ended: the first login waits for it.
 */
async function loggedIn(handle: ServerHandle): Promise<Client> {
  for (let attempt = 1; ; attempt++) {
    const client = wrapClient(new Client(15_000));
    try {
      await client.access(handle.options());
      return client;
    } catch (error) {
      client.close();
      if (attempt >= 50 || !isTransferError(error) || error.reason !== "service-unavailable")
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The second session of the test user, past a limit on sessions: what the server answered. */
async function secondSession(handle: ServerHandle) {
  const first = await loggedIn(handle);
  const second = wrapClient(new Client(15_000));
  const error = await rejectionOf(second.access(handle.options()));
  first.close();
  second.close();
  return error;
}

// A session past a limit: the server is full, which a later attempt can pass (ProFTPD says so
// with 530, the code of a refused login).
const busy = (code: number) =>
  ({
    reason: "service-unavailable",
    code,
    retryable: true,
    reconnect: true,
    operation: "access",
    path: undefined,
  }) as const;

describeWithServers("Pure-FTPd's limits", () => {
  for (const [option, text, what] of [
    ["-C", "Too many connections (1) from this IP", "sessions per address"],
    ["-c", "1 users (the maximum) are already logged in, sorry", "sessions in all"],
  ] as const) {
    describe(`${what} (${option} 1)`, () => {
      const handle = useFtpServer("pure-ftpd", { extraConfig: [option, "1"] });
      it("the second session: 421, service-unavailable, retry after a reconnect", async () => {
        const e = expectTransferError(await secondSession(handle), busy(421));
        expect(e.serverMessage).toBe(text);
      });
    });
  }

  describe("a quota of one file (-n 1:1)", () => {
    const handle = useFtpServer("pure-ftpd", { extraConfig: ["-n", "1:1"] });
    it("the upload past it: 552, quota-exceeded, not retried; the session goes on", async () => {
      const client = await loggedIn(handle);
      await client.uploadFrom(Readable.from(["x".repeat(10_000)]), "first.bin");
      const e = expectTransferError(
        await rejectionOf(client.uploadFrom(Readable.from(["y".repeat(5_000)]), "second.bin")),
        {
          reason: "quota-exceeded",
          code: 552,
          retryable: false,
          reconnect: false,
          operation: "uploadFrom",
          path: "second.bin",
        },
      );
      expect(e.serverMessage).toBe("Quota exceeded: [second.bin] won't be saved");
      expect(await client.size(F.file)).toBe(F.fileText.length);
      client.close();
    });
  });

  describe("a disk past its threshold (-k 1: 1 % used at most)", () => {
    const handle = useFtpServer("pure-ftpd", { extraConfig: ["-k", "1"] });
    // The server says "later": space may be freed; the code's 5 is overruled by the text.
    it("an upload: 552 'Disk full - please upload later', no-space, retryable", async () => {
      const client = await loggedIn(handle);
      const e = expectTransferError(
        await rejectionOf(client.uploadFrom(Readable.from(["x"]), "k.txt")),
        {
          reason: "no-space",
          code: 552,
          retryable: true,
          reconnect: false,
          operation: "uploadFrom",
          path: "k.txt",
        },
      );
      expect(e.serverMessage).toBe("Disk full - please upload later");
      client.close();
    });
  });

  describe("no writing of dot files (-x)", () => {
    const handle = useFtpServer("pure-ftpd", { extraConfig: ["-x"] });
    it("an upload of '.hidden': 553, invalid-name, not retried", async () => {
      const client = await loggedIn(handle);
      const e = expectTransferError(
        await rejectionOf(client.uploadFrom(Readable.from(["x"]), ".hidden")),
        {
          reason: "invalid-name",
          code: 553,
          retryable: false,
          reconnect: false,
          operation: "uploadFrom",
          path: ".hidden",
        },
      );
      expect(e.serverMessage).toBe("Prohibited file name: .hidden");
      client.close();
    });
  });

  describe("every file kept (-K)", () => {
    const handle = useFtpServer("pure-ftpd", { extraConfig: ["-K"] });
    it("a delete: 550 'Operation not permitted', permission-denied", async () => {
      const client = await loggedIn(handle);
      const e = expectTransferError(await rejectionOf(client.remove(F.file)), {
        reason: "permission-denied",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "remove",
        path: F.file,
      });
      expect(e.serverMessage).toBe(`Could not delete ${F.file}: Operation not permitted`);
      client.close();
    });
  });
});

describeWithServers("ProFTPD's limits", () => {
  for (const [directive, text] of [
    [
      "MaxClientsPerHost 1",
      "Sorry, the maximum number of clients (1) from your host are already connected.",
    ],
    ["MaxClients 1", "Sorry, the maximum number of allowed clients (1) are already connected."],
    [
      "MaxClientsPerUser 1",
      "Sorry, the maximum number of clients (1) for this user are already connected.",
    ],
  ] as const) {
    describe(directive, () => {
      const handle = useFtpServer("proftpd", { extraConfig: [directive] });
      it("the second session: 530, service-unavailable (not auth-failed), retry after a reconnect", async () => {
        const e = expectTransferError(await secondSession(handle), busy(530));
        expect(e.serverMessage).toBe(text);
      });
    });
  }

  describe("MaxStoreFileSize 1 Kb", () => {
    const handle = useFtpServer("proftpd", { extraConfig: ["MaxStoreFileSize 1 Kb"] });
    it("an upload past the size: 552, quota-exceeded, not retried", async () => {
      const client = await loggedIn(handle);
      const e = expectTransferError(
        await rejectionOf(client.uploadFrom(Readable.from(["x".repeat(5_000)]), "big.txt")),
        {
          reason: "quota-exceeded",
          code: 552,
          retryable: false,
          reconnect: false,
          operation: "uploadFrom",
          path: "big.txt",
        },
      );
      expect(e.serverMessage).toBe("Transfer aborted. File too large");
      client.close();
    });
  });
});

describeWithServers("vsftpd's limits", () => {
  describe("max_clients=1", () => {
    const handle = useFtpServer("vsftpd", { extraConfig: ["max_clients=1"] });
    it("the second session: 421, service-unavailable, retry after a reconnect", async () => {
      const e = expectTransferError(await secondSession(handle), busy(421));
      expect(e.serverMessage).toBe("There are too many connected users, please try later.");
    });
  });

  describe("write_enable=NO", () => {
    const handle = useFtpServer("vsftpd", { extraConfig: ["write_enable=NO"] });
    it("an upload and a delete: 550 'Permission denied.', permission-denied", async () => {
      const client = await loggedIn(handle);
      const refused = (operation: string, path: string) => ({
        reason: "permission-denied" as const,
        code: 550,
        retryable: false,
        reconnect: false,
        operation,
        path,
      });
      expectTransferError(
        await rejectionOf(client.uploadFrom(Readable.from(["x"]), "new.txt")),
        refused("uploadFrom", "new.txt"),
      );
      expectTransferError(await rejectionOf(client.remove(F.file)), refused("remove", F.file));
      client.close();
    });
  });
});

describeWithServers("pyftpdlib's limits", () => {
  for (const [setting, text] of [
    ["max_cons_per_ip=1", "Too many connections from the same IP address."],
    // pyftpdlib counts its listening socket among the connections: 2 is one session.
    ["max_cons=2", "Too many connections. Service temporarily unavailable."],
  ] as const) {
    describe(setting, () => {
      const handle = useFtpServer("pyftpdlib", { extraConfig: [setting] });
      it("the second session: 421, service-unavailable, retry after a reconnect", async () => {
        const e = expectTransferError(await secondSession(handle), busy(421));
        expect(e.serverMessage).toBe(text);
      });
    });
  }

  describe("a read-only user (perm=elr)", () => {
    const handle = useFtpServer("pyftpdlib", { extraConfig: ["perm=elr"] });
    it("an upload and a delete: 550 'Not enough privileges.', permission-denied", async () => {
      const client = await loggedIn(handle);
      const refused = (operation: string, path: string) => ({
        reason: "permission-denied" as const,
        code: 550,
        retryable: false,
        reconnect: false,
        operation,
        path,
      });
      const e = expectTransferError(
        await rejectionOf(client.uploadFrom(Readable.from(["x"]), "new.txt")),
        refused("uploadFrom", "new.txt"),
      );
      expect(e.serverMessage).toBe("Not enough privileges.");
      expectTransferError(await rejectionOf(client.remove(F.file)), refused("remove", F.file));
      client.close();
    });
  });

  describe("an idle session closed by the server (timeout=1)", () => {
    const handle = useFtpServer("pyftpdlib", { extraConfig: ["timeout=1"] });
    it("the next call: connection-lost, retry after a reconnect; connecting again works", async () => {
      const client = await loggedIn(handle);
      // The server's "421 Control connection timed out." comes while no command is waiting.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      // basic-ftp drops a reply that no command waits for: what is left is the closed connection.
      expectTransferError(await rejectionOf(client.list()), {
        reason: "connection-lost",
        code: undefined,
        retryable: true,
        reconnect: true,
        operation: "list",
        path: undefined,
      });
      await client.access(handle.options());
      expect(await client.size(F.file)).toBe(F.fileText.length);
      client.close();
    });
  });
});
