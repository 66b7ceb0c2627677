// The fault proxy itself: its seeded plan, each fault's effect on the bytes, its bounds. Against a
// small local server first (exact byte counts), then in front of the real vsftpd and sshd with the
// raw clients (no adapter), so that the later tests rest on a proxy known to do what it says.
import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";
import {
  type Fault,
  type FaultProxy,
  pickFault,
  seededRandom,
  startFaultProxy,
} from "@transfer-errors/testkit/fault-proxy";
import { ftpFixtures } from "@transfer-errors/testkit/ftp";
import { Client as FtpClient } from "basic-ftp";
import SftpClient from "ssh2-sftp-client";
import { afterEach, describe, expect, it } from "vitest";
import { MemorySink } from "../src/memory-sink.ts";
import { ftpUnavailable, sftpSetup, useVsftpd } from "./servers.ts";

const STREAM_BYTES = 64 * 1024;

/** A server that sends STREAM_BYTES on connect and echoes what it reads after that. */
async function startStreamServer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => {});
    socket.write(Buffer.alloc(STREAM_BYTES, 7));
    socket.pipe(socket);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { server, port: address.port, sockets };
}

/** Polls `condition` until it holds (the test's timeout ends a wait that never does). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

interface Outcome {
  bytes: number;
  /** "end" for an orderly close, the error code for a reset, "open" when still open. */
  ending: string;
  ms: number;
}

/**
 * Connects through the proxy and reads until the connection ends or `waitMs` passes; with
 * `openAfter`, until that many bytes have come and the connection is still open a moment later
 * (so that a busy machine, slow to deliver them, makes no difference).
 */
function readThrough(
  port: number,
  waitMs: number,
  { send, openAfter }: { send?: string; openAfter?: number } = {},
): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let bytes = 0;
    let settled = false;
    const done = (ending: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ bytes, ending, ms: Date.now() - started });
    };
    const timer = setTimeout(() => done("open"), waitMs);
    socket.on("connect", () => send && socket.write(send));
    socket.on("data", (chunk) => {
      bytes += chunk.length;
      if (openAfter !== undefined && bytes >= openAfter) setTimeout(() => done("open"), 50);
    });
    socket.on("end", () => done("end"));
    socket.on("error", (error: NodeJS.ErrnoException) => done(error.code ?? "error"));
  });
}

describe("the seeded plan", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 20 }, seededRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const value of draw(7)) expect(value).toBeGreaterThanOrEqual(0);
    for (const value of draw(7)) expect(value).toBeLessThan(1);
  });

  it("picks each fault at about its rate, delays independently, triggers inside maxBytes", () => {
    const random = seededRandom(3);
    const plan = { reset: 0.1, cut: 0.2, drop: 0.05, delay: 0.15, maxBytes: 500 };
    const counts: Record<string, number> = { none: 0, reset: 0, cut: 0, drop: 0, delay: 0 };
    let delayed = 0;
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const fault = pickFault(plan, random);
      counts[fault.kind] = (counts[fault.kind] ?? 0) + 1;
      if (fault.kind === "delay" || ("delayMs" in fault && fault.delayMs !== undefined)) {
        delayed += 1;
      }
      if ("at" in fault) {
        expect(fault.at.bytes).toBeGreaterThanOrEqual(0);
        expect(fault.at.bytes).toBeLessThan(500);
      }
    }
    const untouched = 1 - 0.1 - 0.2 - 0.05;
    const expected = {
      reset: 0.1,
      cut: 0.2,
      drop: 0.05,
      // Connections that no fault strikes: delayed only, or untouched.
      delay: untouched * 0.15,
      none: untouched * 0.85,
    };
    for (const [kind, rate] of Object.entries(expected)) {
      expect(Math.abs((counts[kind] ?? 0) / draws - rate)).toBeLessThan(0.015);
    }
    expect(Math.abs(delayed / draws - 0.15)).toBeLessThan(0.015);
  });

  it("refuses a target that is not on loopback", async () => {
    await expect(startFaultProxy({ target: { host: "192.0.2.1", port: 21 } })).rejects.toThrow(
      /loopback/,
    );
  });
});

describe("each fault, on a local byte stream", () => {
  let proxy: FaultProxy | undefined;
  let stream: Awaited<ReturnType<typeof startStreamServer>> | undefined;
  afterEach(async () => {
    await proxy?.stop();
    stream?.server.close();
    for (const socket of stream?.sockets ?? []) socket.destroy();
  });

  async function through(fault: Fault, options: { holdMs?: number } = {}): Promise<FaultProxy> {
    stream = await startStreamServer();
    proxy = await startFaultProxy({ target: { port: stream.port }, ...options });
    proxy.queue(fault);
    return proxy;
  }

  it("passes everything through without a fault", async () => {
    const p = await through({ kind: "none" });
    const outcome = await readThrough(p.port, 10_000, { openAfter: STREAM_BYTES });
    expect(outcome).toMatchObject({ bytes: STREAM_BYTES, ending: "open" });
    expect(p.records).toEqual([{ connection: 1, fault: { kind: "none" }, struck: false }]);
  });

  it("cuts the stream at exactly the byte asked for, with an orderly close", async () => {
    const p = await through({ kind: "cut", at: { direction: "down", bytes: 12_345 } });
    const outcome = await readThrough(p.port, 10_000);
    expect(outcome).toMatchObject({ bytes: 12_345, ending: "end" });
    expect(p.stats.struck.cut).toBe(1);
  });

  it("resets the client mid-stream", async () => {
    const p = await through({ kind: "reset", at: { direction: "down", bytes: 20_000 } });
    const outcome = await readThrough(p.port, 10_000);
    expect(outcome.ending).toBe("ECONNRESET");
    // A reset may discard what the client had not read yet; never more than the mark.
    expect(outcome.bytes).toBeLessThanOrEqual(20_000);
    expect(p.stats.struck.reset).toBe(1);
  });

  it("resets at connect time when the mark is 0", async () => {
    const p = await through({ kind: "reset", at: { direction: "down", bytes: 0 } });
    const outcome = await readThrough(p.port, 10_000);
    expect(outcome).toMatchObject({ bytes: 0, ending: "ECONNRESET" });
  });

  it("strikes after a chunk that matches, counting what the client sends", async () => {
    const p = await through({ kind: "cut", at: { direction: "up", match: /^RNTO /m } });
    const socket = connect(p.port, "127.0.0.1");
    let received = 0;
    const sent = (text: string) => new Promise((resolve) => socket.write(text, resolve));
    socket.on("data", (chunk) => {
      received += chunk.length;
    });
    const ended = once(socket, "end");
    // Wait for the whole stream, so that only the echo of what is sent can follow.
    await until(() => received >= STREAM_BYTES);
    await sent("RNFR a\r\n");
    // The echo of a request that does not match comes back.
    await until(() => received >= STREAM_BYTES + "RNFR a\r\n".length);
    expect(received).toBe(STREAM_BYTES + "RNFR a\r\n".length);
    await sent("RNTO b\r\n");
    await ended;
    // The matching request reached the server; its echo never came back.
    expect(received).toBe(STREAM_BYTES + "RNFR a\r\n".length);
    expect(p.stats.struck.cut).toBe(1);
    socket.destroy();
  });

  it("drops silently: nothing more arrives and nothing closes until the hold ends", async () => {
    const p = await through(
      { kind: "drop", at: { direction: "down", bytes: 1000 } },
      {
        holdMs: 800,
      },
    );
    // The 1000 bytes before the drop come; then nothing, and the connection stays open.
    const early = await readThrough(p.port, 10_000, { openAfter: 1000 });
    expect(early).toMatchObject({ bytes: 1000, ending: "open" });
    p.queue({ kind: "drop", at: { direction: "down", bytes: 1000 } });
    // Until the hold ends: then the reset.
    const held = await readThrough(p.port, 10_000);
    expect(held.bytes).toBe(1000);
    expect(held.ending).toBe("ECONNRESET");
    expect(held.ms).toBeGreaterThanOrEqual(700);
  });

  it("delays every chunk", async () => {
    const p = await through({ kind: "delay", ms: 150 });
    const outcome = await new Promise<number>((resolve) => {
      const socket = connect(p.port, "127.0.0.1");
      const started = Date.now();
      socket.once("data", () => {
        socket.destroy();
        resolve(Date.now() - started);
      });
    });
    expect(outcome).toBeGreaterThanOrEqual(140);
    expect(p.stats.struck.delay).toBe(1);
  });

  it("resets connections past maxConnections", async () => {
    stream = await startStreamServer();
    proxy = await startFaultProxy({ target: { port: stream.port }, maxConnections: 1 });
    const first = connect(proxy.port, "127.0.0.1");
    await once(first, "data");
    const second = await readThrough(proxy.port, 10_000);
    first.destroy();
    expect(second.ending).toBe("ECONNRESET");
    expect(proxy.stats.refused).toBe(1);
  });

  it("gives faults to open connections on demand", async () => {
    const p = await through({ kind: "none" });
    const socket = connect(p.port, "127.0.0.1");
    let received = 0;
    socket.on("data", (chunk) => {
      received += chunk.length;
    });
    await until(() => received >= STREAM_BYTES);
    const ended = once(socket, "end");
    expect(p.strikeOpen({ kind: "cut", at: { direction: "down", bytes: 0 } })).toBe(1);
    await ended;
    expect(received).toBe(STREAM_BYTES);
    socket.destroy();
  });

  it("applies the same seeded plan to the same connections", async () => {
    stream = await startStreamServer();
    const plan = { reset: 0.3, cut: 0.3, drop: 0, delay: 0.1, delayMs: 5, maxBytes: 30_000 };
    const kinds: string[][] = [];
    for (const seed of [9, 9, 10]) {
      const p = await startFaultProxy({ target: { port: stream.port }, seed, plan });
      for (let i = 1; i <= 12; i++) {
        await readThrough(p.port, 50);
        // A busy machine may close the client before the proxy took the connection: wait for it.
        await until(() => p.records.length >= i);
      }
      kinds.push(p.records.map((r) => JSON.stringify(r.fault)));
      await p.stop();
    }
    expect(kinds[0]).toEqual(kinds[1]);
    expect(kinds[0]).not.toEqual(kinds[2]);
  });
});

describe.skipIf(ftpUnavailable() !== undefined)("in front of vsftpd, with basic-ftp itself", () => {
  const vsftpd = useVsftpd();
  let proxy: FaultProxy | undefined;
  const clients: FtpClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await proxy?.stop();
    proxy = undefined;
  });

  async function login(timeoutMs = 3_000): Promise<FtpClient> {
    const server = vsftpd.current;
    proxy ??= await startFaultProxy({ target: { port: server.port } });
    const client = new FtpClient(timeoutMs);
    clients.push(client);
    await client.access({
      host: proxy.host,
      port: proxy.port,
      user: server.user,
      password: server.password,
    });
    return client;
  }

  it("passes a session through: only the control connection goes via the proxy", async () => {
    const client = await login();
    const names = (await client.list()).map((entry) => entry.name);
    expect(names).toContain(ftpFixtures.file);
    const sink = new MemorySink();
    await client.downloadTo(sink, ftpFixtures.file);
    expect(sink.text()).toBe(ftpFixtures.fileText);
    // The passive data connections of LIST and RETR went straight to the server.
    expect(proxy?.stats.connections).toBe(1);
  });

  it("cuts the login: the greeting is reset half-way", async () => {
    proxy = await startFaultProxy({ target: { port: vsftpd.current.port } });
    proxy.queue({ kind: "reset", at: { direction: "down", bytes: 10 } });
    await expect(login()).rejects.toMatchObject({ code: "ECONNRESET" });
    // The next connection is not faulted.
    const client = await login();
    expect(await client.size(ftpFixtures.file)).toBe(ftpFixtures.fileText.length);
  });

  it("cuts the control connection once RETR has reached the server", async () => {
    const client = await login();
    proxy?.strikeOpen({ kind: "cut", at: { direction: "up", match: /^RETR /m } });
    const sink = new MemorySink();
    await expect(client.downloadTo(sink, ftpFixtures.bigFile)).rejects.toThrow();
    expect(client.closed).toBe(true);
    expect(proxy?.stats.struck.cut).toBe(1);
  });

  it("drops the connection silently: the client's own timeout ends the wait", async () => {
    proxy = await startFaultProxy({ target: { port: vsftpd.current.port }, holdMs: 5_000 });
    proxy.queue({ kind: "drop", at: { direction: "down", bytes: 0 } });
    const started = Date.now();
    await expect(login(500)).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });
});

const sftp = sftpSetup();

describe.skipIf(sftp.unavailable !== undefined)("in front of sshd, with ssh2-sftp-client", () => {
  let proxy: FaultProxy | undefined;
  const clients: SftpClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end().catch(() => {});
    await proxy?.stop();
  });

  async function connectVia(p: FaultProxy, readyTimeout = 3_000): Promise<SftpClient> {
    const client = new SftpClient();
    clients.push(client);
    await client.connect({
      host: p.host,
      port: p.port,
      username: sftp.username,
      password: sftp.password,
      readyTimeout,
    });
    return client;
  }

  it("passes a session through", async () => {
    proxy = await startFaultProxy({ target: { port: sftp.port } });
    const client = await connectVia(proxy);
    expect(String(await client.get(sftp.file))).toBe(sftp.fileContent);
    expect(proxy.stats.connections).toBe(1);
  });

  it("cuts a download mid-way", async () => {
    proxy = await startFaultProxy({ target: { port: sftp.port } });
    const client = await connectVia(proxy);
    proxy.strikeOpen({ kind: "cut", at: { direction: "down", bytes: 300_000 } });
    await expect(client.get(sftp.bigFile)).rejects.toThrow();
    expect(proxy.stats.struck.cut).toBe(1);
  });

  it("drops the handshake silently: readyTimeout ends the wait", async () => {
    proxy = await startFaultProxy({ target: { port: sftp.port }, holdMs: 5_000 });
    proxy.queue({ kind: "drop", at: { direction: "down", bytes: 100 } });
    await expect(connectVia(proxy, 800)).rejects.toThrow(/timed out/i);
    expect(proxy.stats.struck.drop).toBe(1);
  });
});
