// The connection itself, through both clients: refused, a server that never speaks, a connect that
// never completes, a reply that never comes (the per-call deadline), a reset during a call and
// one while idle (an 'error' no call was waiting for). Real sockets on loopback.
import { type FaultProxy, startFaultProxy } from "@transfer-errors/testkit/fault-proxy";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import {
  closedPort,
  type SilentListener,
  type StalledListener,
  startSilentListener,
  startStalledListener,
} from "@transfer-errors/testkit/net";
import Client from "ftp";
import PromiseFtp from "promise-ftp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isTransferError, type TransferError, wrapClient } from "../../src/index.js";
import { clients } from "../support/clients.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

const names = ["node-ftp", "promise-ftp"] as const;
const host = "127.0.0.1";

describe("no server", () => {
  let silent: SilentListener;
  let stalled: StalledListener;
  beforeAll(async () => {
    silent = await startSilentListener();
    stalled = await startStalledListener();
  });
  afterAll(async () => {
    await silent.close();
    await stalled.close();
  });

  for (const name of names) {
    describe(name, () => {
      it("a closed port: connection-refused, retry after reconnecting", async () => {
        const port = await closedPort();
        const c = clients[name]();
        const e = expectTransferError(await rejectionOf(c.connect({ host, port })), {
          reason: "connection-refused",
          code: "ECONNREFUSED",
          retryable: true,
          reconnect: true,
          operation: "connect",
          path: undefined,
        });
        expect(e.message).toContain("ECONNREFUSED");
      });

      it("a connect that never completes: node-ftp's connTimeout", async () => {
        const c = clients[name]();
        const e = expectTransferError(
          await rejectionOf(c.connect({ host, port: stalled.port, connTimeout: 300 })),
          {
            reason: "timeout",
            code: undefined,
            retryable: true,
            reconnect: true,
            operation: "connect",
            path: undefined,
          },
        );
        expect((e.cause as Error).message).toBe("Timeout while connecting to server");
      });

      it("a server that never greets: connTimeout stops at TCP, the deadline does not", async () => {
        const c = clients[name]({ timeoutMs: 300 });
        const started = Date.now();
        const e = expectTransferError(
          await rejectionOf(c.connect({ host, port: silent.port, connTimeout: 60_000 })),
          {
            reason: "timeout",
            code: undefined,
            retryable: true,
            reconnect: true,
            operation: "connect",
            path: undefined,
          },
        );
        expect(Date.now() - started).toBeLessThan(3_000);
        expect(e.explanation).toContain("timeoutMs");
      });
    });
  }

  it("promise-ftp: past the deadline the connection is closed at once, and connect() works again", async () => {
    const ftp = wrapClient(new PromiseFtp(), { timeoutMs: 300 });
    await rejectionOf(ftp.connect({ host, port: silent.port }));
    await new Promise((r) => setTimeout(r, 50));
    expect(ftp.getConnectionStatus()).toBe("disconnected");
    const again = await rejectionOf(ftp.connect({ host, port: await closedPort() }));
    expect((again as TransferError).reason).toBe("connection-refused");
  });

  it("node-ftp: the caller's 'error' listeners get a TransferError, and removeListener works", async () => {
    const port = await closedPort();
    const client = wrapClient(new Client());
    const seen: unknown[] = [];
    const ignored = (e: unknown) => seen.push(["removed", e]);
    client.on("error", ignored);
    client.removeListener("error", ignored);
    const error = await new Promise<unknown>((resolve) => {
      client.once("error", resolve);
      client.connect({ host, port });
    });
    expect(isTransferError(error)).toBe(true);
    expect((error as TransferError).reason).toBe("connection-refused");
    expect(seen).toEqual([]);
  });
});

describeWithServers("faults on the control connection", () => {
  const handle = useFtpServer("proftpd");
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy({ target: { port: handle.server.port }, holdMs: 5_000 });
  });
  afterEach(() => proxy.setPlan({}));
  afterAll(() => proxy.stop());

  const through = () => handle.options({ host: proxy.host, port: proxy.port });

  for (const name of names) {
    describe(name, () => {
      it("a reset while a call waits: connection-lost, retry after reconnecting", async () => {
        const c = clients[name]();
        await c.connect(through());
        proxy.strikeOpen({ kind: "reset", at: { direction: "up", match: /^PWD/m } });
        expectTransferError(await rejectionOf(c.pwd()), {
          reason: "connection-lost",
          code: "ECONNRESET",
          retryable: true,
          reconnect: true,
          operation: "pwd",
          path: undefined,
        });
        c.destroy();
      });

      it("a reply that never comes: the deadline fails the call, and the next one", async () => {
        const c = clients[name]({ timeoutMs: 500 });
        await c.connect(through());
        proxy.strikeOpen({ kind: "drop", at: { direction: "up", match: /^SIZE/m } });
        const started = Date.now();
        expectTransferError(await rejectionOf(c.size(F.file)), {
          reason: "timeout",
          code: undefined,
          retryable: true,
          reconnect: true,
          operation: "size",
          path: F.file,
        });
        expect(Date.now() - started).toBeLessThan(3_000);
        // The connection was destroyed: the next call fails at once instead of waiting.
        const next = await rejectionOf(c.pwd());
        const { reason, retry } = next as TransferError;
        expect([reason, retry.retryable, retry.reconnect]).toEqual(["connection-lost", true, true]);
      });

      it("a reset while idle: the 'error' no call waited for reaches onError as a TransferError", async () => {
        const reported: TransferError[] = [];
        const c = clients[name]({ onError: (e) => reported.push(e) });
        await c.connect(through());
        proxy.strikeOpen({ kind: "reset", at: { direction: "down", bytes: 0 } });
        const deadline = Date.now() + 5_000;
        while (reported.length === 0 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(reported.map((e) => [e.reason, e.code, e.retryable, e.retry.reconnect])).toEqual([
          ["connection-lost", "ECONNRESET", true, true],
        ]);
        c.destroy();
      });
    });
  }
});
