// The connection itself: refused, unknown host, a server that never speaks, a server that dies
// or drops the session, 421, and a client used twice at once. Real servers and real sockets.
import { Writable } from "node:stream";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { closedPort, type SilentListener, startSilentListener } from "@transfer-errors/testkit/net";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

/** A destination that calls `onBytes` as data arrives. */
function watcher(onBytes: (total: number) => void) {
  let total = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      onBytes(total);
      done();
    },
  });
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("no server", () => {
  it("a closed port: connection-refused, retry after reconnecting", async () => {
    const port = await closedPort();
    const client = wrapClient(new Client(2_000));
    const e = expectTransferError(await rejectionOf(client.access({ host: "127.0.0.1", port })), {
      path: undefined,
      reason: "connection-refused",
      code: "ECONNREFUSED",
      retryable: true,
      reconnect: true,
      operation: "access",
    });
    expect(e.message).toContain("ECONNREFUSED");
  });

  it("an unknown host: host-not-found", async () => {
    const client = wrapClient(new Client(5_000));
    const error = await rejectionOf(client.access({ host: "no-such-host.invalid" }));
    // Offline resolvers answer EAI_AGAIN ("try again"), which may clear by itself.
    const offline = (error as { code?: unknown }).code === "EAI_AGAIN";
    expectTransferError(error, {
      code: offline ? "EAI_AGAIN" : "ENOTFOUND",
      path: undefined,
      reason: "host-not-found",
      retryable: offline,
      reconnect: true,
      operation: "access",
    });
  });

  describe("a server that accepts and never speaks", () => {
    let silent: SilentListener;
    beforeAll(async () => {
      silent = await startSilentListener();
    });
    afterAll(() => silent.close());

    it("basic-ftp's own timeout: 'Timeout (control socket)'", async () => {
      const client = wrapClient(new Client(300));
      const e = expectTransferError(
        await rejectionOf(client.access({ host: "127.0.0.1", port: silent.port })),
        {
          path: undefined,
          reason: "timeout",
          code: undefined,
          retryable: true,
          reconnect: true,
          operation: "access",
        },
      );
      expect((e.cause as Error).message).toBe("Timeout (control socket)");
    });

    it("new Client(0) waits forever: wrapClient's deadline rejects and closes", async () => {
      const raw = new Client(0);
      let settled = false;
      raw.access({ host: "127.0.0.1", port: silent.port }).then(
        () => (settled = true),
        () => (settled = true),
      );
      const client = wrapClient(new Client(0), { timeoutMs: 300 });
      expectTransferError(
        await rejectionOf(client.access({ host: "127.0.0.1", port: silent.port })),
        {
          code: undefined,
          path: undefined,
          reason: "timeout",
          retryable: true,
          reconnect: true,
          operation: "access",
        },
      );
      // Only the deadline can have ended it: basic-ftp has no timeout here (no clock needed).
      expect(client.closed).toBe(true);
      // The same call without the deadline is still waiting.
      expect(settled).toBe(false);
      raw.close();
    });
  });
});

describeWithServers("the server goes away", () => {
  for (const kind of ["proftpd", "vsftpd", "pure-ftpd", "pyftpdlib"] as const) {
    describe(kind, () => {
      const handle = useFtpServer(kind);

      it("killed during a download: 'Server sent FIN packet', then 'Client is closed because ...'", async () => {
        const server = handle.server;
        const client = wrapClient(new Client(5_000));
        await client.access(handle.options());
        const destination = watcher((total) => {
          if (total > 64 * 1024) server.kill();
        });
        const e = expectTransferError(
          await rejectionOf(client.downloadTo(destination, F.bigFile)),
          {
            code: undefined,
            reason: "connection-lost",
            retryable: true,
            reconnect: true,
            operation: "downloadTo",
            path: F.bigFile,
          },
        );
        expect(e.code).toBeUndefined();
        const next = expectTransferError(await rejectionOf(client.pwd()), {
          path: undefined,
          reason: "connection-lost",
          code: undefined,
          retryable: true,
          reconnect: true,
          operation: "pwd",
        });
        expect((next.cause as Error).message).toMatch(/^Client is closed because /);
        client.close();
      });
    });
  }

  describe("proftpd: the session is dropped while idle", () => {
    const handle = useFtpServer("proftpd");
    it("the next call says the client is closed and must reconnect", async () => {
      const client = wrapClient(new Client(5_000));
      await client.access(handle.options());
      handle.server.dropSessions();
      await until(() => client.closed);
      expectTransferError(await rejectionOf(client.list()), {
        code: undefined,
        path: undefined,
        reason: "connection-lost",
        retryable: true,
        reconnect: true,
        operation: "list",
      });
      // and the same client works again after access()
      await client.access(handle.options());
      expect(await client.size(F.file)).toBe(F.fileText.length);
      client.close();
    });
  });
});

describeWithServers("421 from vsftpd (one connection per address)", () => {
  const handle = useFtpServer("vsftpd", { extraConfig: ["max_per_ip=1"] });
  it("the second connection gets 421: retryable, reconnect, even before basic-ftp sees the close", async () => {
    const first = wrapClient(new Client(5_000));
    // The setup's greeting probe may still count as a connection for a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        await first.access(handle.options());
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const second = wrapClient(new Client(5_000));
    const e = expectTransferError(await rejectionOf(second.access(handle.options())), {
      path: undefined,
      reason: "service-unavailable",
      code: 421,
      retryable: true,
      reconnect: true,
      operation: "access",
    });
    expect(e.serverMessage).toBe("There are too many connections from your internet address.");
    first.close();
    second.close();
  });
});

describeWithServers("misuse of one client", () => {
  const handle = useFtpServer("proftpd");

  it("two operations at once: client-misuse, not retryable, and the client is closed", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    const results = await Promise.allSettled([client.pwd(), client.size(F.file)]);
    const calls = [
      ["pwd", undefined],
      ["size", F.file],
    ] as const;
    expect(results.some((r) => r.status === "rejected")).toBe(true);
    results.forEach((result, i) => {
      if (result.status !== "rejected") return;
      expectTransferError(result.reason, {
        reason: "client-misuse",
        code: undefined,
        retryable: false,
        reconnect: true,
        operation: calls[i]![0],
        path: calls[i]![1],
      });
    });
    expect(client.closed).toBe(true);
  });

  it("a call made alone after two calls at once finds the session gone: connection-lost, not misuse", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    await Promise.allSettled([client.list(), client.list()]);
    expect(client.closed).toBe(true);
    expectTransferError(await rejectionOf(client.pwd()), {
      reason: "connection-lost",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "pwd",
      path: undefined,
    });
  });

  it("close() during a transfer: client-misuse with reconnect", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    const destination = watcher((total) => {
      if (total > 64 * 1024) client.close();
    });
    expectTransferError(await rejectionOf(client.downloadTo(destination, F.bigFile)), {
      code: undefined,
      reason: "client-misuse",
      retryable: false,
      reconnect: true,
      operation: "downloadTo",
      path: F.bigFile,
    });
  });
});
