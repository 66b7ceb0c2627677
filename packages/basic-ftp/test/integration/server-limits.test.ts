// A production server's limits, as real Pure-FTPd answers them (each its own server started with
// the option that sets the limit): too many sessions, a quota, a disk over its threshold, a name
// the server refuses, a file the server keeps. Each is what the condition is, read from the reply.
import { Readable } from "node:stream";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { describe, expect, it } from "vitest";
import { wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, type ServerHandle, useFtpServer } from "../support/servers.js";

/** A wrapped client logged in to `handle`'s server. */
async function loggedIn(handle: ServerHandle): Promise<Client> {
  const client = wrapClient(new Client(5_000));
  await client.access(handle.options());
  return client;
}

describeWithServers("Pure-FTPd's limits", () => {
  describe("sessions per address (-C 1)", () => {
    const handle = useFtpServer("pure-ftpd", { extraConfig: ["-C", "1"] });
    it("the second session: 421, service-unavailable, retry after a reconnect", async () => {
      const first = await loggedIn(handle);
      const second = wrapClient(new Client(5_000));
      const e = expectTransferError(await rejectionOf(second.access(handle.options())), {
        reason: "service-unavailable",
        code: 421,
        retryable: true,
        reconnect: true,
        operation: "access",
        path: undefined,
      });
      expect(e.serverMessage).toBe("Too many connections (1) from this IP");
      first.close();
      second.close();
    });
  });

  describe("sessions in all (-c 1)", () => {
    const handle = useFtpServer("pure-ftpd", { extraConfig: ["-c", "1"] });
    it("one session too many: 421, service-unavailable, retry after a reconnect", async () => {
      const first = await loggedIn(handle);
      const second = wrapClient(new Client(5_000));
      const e = expectTransferError(await rejectionOf(second.access(handle.options())), {
        reason: "service-unavailable",
        code: 421,
        retryable: true,
        reconnect: true,
        operation: "access",
        path: undefined,
      });
      expect(e.serverMessage).toBe("1 users (the maximum) are already logged in, sorry");
      first.close();
      second.close();
    });
  });

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
