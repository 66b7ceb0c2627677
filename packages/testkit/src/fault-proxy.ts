// A TCP proxy on 127.0.0.1 that sits between a client and a real server and breaks the traffic on
// purpose: it resets connections, drops them silently, delays bytes, or cuts them mid-stream.
// Which connection gets which fault comes from a seeded random source (the same seed gives the
// same plan), or from faults queued by the test. It only ever talks to loopback addresses, holds
// a bounded number of connections, and releases a silenced connection after a bounded time.
//
// For FTP only the control connection goes through the proxy: the passive data connections go
// from the client straight to the server (the PASV/EPSV reply names the server's own port),
// except under a `data-fin` fault, which relays them (ftp-data-relay.ts).
import { connect, createServer, type Server, type Socket } from "node:net";
import { type DataRelay, rewritePassive, startDataRelay } from "./ftp-data-relay.js";

/** `up`: client to server. `down`: server to client. */
export type Direction = "up" | "down";

/** When a fault strikes, counted from the moment it was given to the connection. */
export interface Trigger {
  direction: Direction;
  /**
   * Strike once this many bytes have passed in `direction`; the chunk that crosses the mark is
   * split there, so a transfer is cut mid-way. 0 strikes as soon as the client connects.
   */
  bytes?: number;
  /**
   * Strike after the first chunk whose text (latin1) matches, once it has been passed on whole:
   * for plain-text protocols, e.g. `/^RNTO /m` on FTP's control connection (the request reaches
   * the server, its reply never reaches the client).
   */
  match?: RegExp;
  /**
   * With `match`: the matching chunk itself is not passed on. On the way down this loses the
   * server's reply to a request it carried out (a `226` after an append).
   */
  swallow?: boolean;
  /** Strike after this many whole chunks (for encrypted protocols: "the next request"). */
  chunks?: number;
}

/** A fault that strikes once; `delayMs` also holds every chunk that long until then. */
interface Strike {
  at: Trigger;
  delayMs?: number;
}

export type Fault =
  /** Pass everything through. */
  | { kind: "none" }
  /** The client gets a TCP reset (ECONNRESET); the server gets an orderly close. */
  | ({ kind: "reset" } & Strike)
  /** The client gets an orderly close mid-stream (an unexpected end); so does the server. */
  | ({ kind: "cut" } & Strike)
  /** Nothing more passes either way and nothing is closed: the client waits for its timeout. */
  | ({ kind: "drop" } & Strike)
  /** Every chunk, both ways, is held this long before it is passed on. */
  | { kind: "delay"; ms: number }
  /**
   * FTP, plain control connection only: the next passive data connection (the server's 227/229
   * reply is rewritten to a port of the proxy) ends with an orderly FIN once `bytes` have passed
   * in `direction` (`down`: a download, `up`: an upload). The receiver sees a clean end of file;
   * the sender's remaining bytes are read and dropped, so the server still reports success. Later
   * data connections go straight to the server. The control connection is never touched.
   * `reset: true`: the receiver gets a TCP reset there instead (a middlebox that drops the flow).
   */
  | { kind: "data-fin"; direction: Direction; bytes: number; reset?: boolean };

export type FaultKind = Fault["kind"];

/** How the seeded source picks each connection's fault. */
export interface FaultPlan {
  /** Rates (0 to 1, summing to at most 1) of the faults that strike; the rest pass untouched. */
  reset?: number;
  cut?: number;
  drop?: number;
  /** The rate of connections whose bytes are delayed, whether a fault strikes them later or not. */
  delay?: number;
  /**
   * Triggers fall uniformly in [0, maxBytes) of their direction: one bound for both, or one per
   * direction (a protocol's requests are often much shorter than its replies). Default 4096.
   */
  maxBytes?: number | Partial<Record<Direction, number>>;
  /** Directions a trigger may count. Default both. */
  directions?: readonly Direction[];
  /** The delay of a `delay` fault. Default 20 ms. */
  delayMs?: number;
}

export interface FaultProxyOptions {
  /** The real server: a loopback address only. */
  target: { host?: string; port: number };
  /** Seed of the random source that applies `plan`. Default 1. */
  seed?: number;
  /** Faults picked at random for each new connection. Default: none. */
  plan?: FaultPlan;
  /** Connections open at once; more are reset at once. Default 32. */
  maxConnections?: number;
  /** How long a dropped connection stays silent before the proxy resets it. Default 30 s. */
  holdMs?: number;
}

export interface FaultRecord {
  /** 1 for the first connection. */
  connection: number;
  fault: Fault;
  /** Whether the fault took effect (a trigger may lie beyond what the connection carried). */
  struck: boolean;
}

export interface FaultProxyStats {
  connections: number;
  /** Connections reset at once because `maxConnections` were open. */
  refused: number;
  /** Faults that took effect, by kind (`delay` counts connections that were delayed). */
  struck: Record<Exclude<FaultKind, "none">, number>;
}

export interface FaultProxy {
  host: string;
  port: number;
  readonly stats: FaultProxyStats;
  /** Every connection's fault so far, in order (the last 1000). */
  readonly records: readonly FaultRecord[];
  /** The next connections take these faults, in order, before the plan picks again. */
  queue(...faults: Fault[]): void;
  /** Gives this fault to every open connection now (triggers count from here); returns how many. */
  strikeOpen(fault: Fault): number;
  /** Replaces the random plan for the connections to come (`{}`: no more random faults). */
  setPlan(plan: FaultPlan): void;
  /** Stops listening and resets every connection. */
  stop(): Promise<void>;
}

const LOOPBACK = "127.0.0.1";

/** A small, fast, seeded PRNG (mulberry32): numbers in [0, 1), the same sequence for a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks one connection's fault from `plan` with `random`. */
export function pickFault(plan: FaultPlan, random: () => number): Fault {
  const roll = random();
  const directions = plan.directions?.length ? plan.directions : (["up", "down"] as const);
  const trigger = (): Trigger => {
    const direction = directions[Math.floor(random() * directions.length)] ?? "down";
    const bound = typeof plan.maxBytes === "object" ? plan.maxBytes[direction] : plan.maxBytes;
    return { direction, bytes: Math.floor(random() * (bound ?? 4096)) };
  };
  const delayed = random() < (plan.delay ?? 0);
  const delayMs = plan.delayMs ?? 20;
  let ceiling = 0;
  for (const kind of ["reset", "cut", "drop"] as const) {
    ceiling += plan[kind] ?? 0;
    if (roll < ceiling) return delayed ? { kind, at: trigger(), delayMs } : { kind, at: trigger() };
  }
  return delayed ? { kind: "delay", ms: delayMs } : { kind: "none" };
}

function delayOf(fault: Fault): number | undefined {
  if (fault.kind === "delay") return fault.ms;
  return "delayMs" in fault ? fault.delayMs : undefined;
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** One client connection and its connection to the server. */
class Link {
  private readonly counted = { up: 0, down: 0 };
  private readonly chunks = { up: 0, down: 0 };
  private silent = false;
  private closed = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** `data-fin`: the server's replies in order while a relay is set up; whether one was given. */
  private replies: Promise<void> = Promise.resolve();
  private relayGiven = false;
  private readonly relays = new Set<DataRelay>();

  constructor(
    readonly client: Socket,
    readonly server: Socket,
    private fault: Fault,
    private readonly record: FaultRecord,
    private readonly onStrike: (kind: Exclude<FaultKind, "none">) => void,
    private readonly holdMs: number,
  ) {}

  start(): void {
    for (const socket of [this.client, this.server]) {
      const other = socket === this.client ? "server-reset" : "client-reset";
      // A silenced connection tells the client nothing of what the server does, until the hold ends.
      const heard = () => !(this.silent && socket === this.server);
      socket.on("error", () => heard() && this.close(other));
      socket.on("close", () => heard() && this.close("graceful"));
      socket.on("end", () => {
        if (!this.silent) this.endQuietly(socket === this.client ? this.server : this.client);
      });
    }
    this.client.on("data", (chunk: Buffer) => this.pass("up", chunk));
    this.server.on("data", (chunk: Buffer) => this.pass("down", chunk));
    this.assign(this.fault);
  }

  /** Gives the connection a new fault; triggers count from now. */
  assign(fault: Fault): void {
    this.fault = fault;
    this.relayGiven = false;
    this.counted.up = this.counted.down = this.chunks.up = this.chunks.down = 0;
    if (delayOf(fault) !== undefined) this.onStrike("delay");
    if ("at" in fault && fault.at.bytes === 0) this.strike();
  }

  private pass(direction: Direction, chunk: Buffer): void {
    if (this.closed || this.silent) return;
    const ms = delayOf(this.fault);
    if (ms === undefined) {
      this.handle(direction, chunk);
      return;
    }
    const { from, to } = this.ends(direction);
    // Paused until the chunk is handled: later chunks keep their order behind it.
    from.pause();
    this.later(ms, () => {
      this.handle(direction, chunk);
      if (!this.closed && !this.silent && !to.writableNeedDrain) from.resume();
    });
  }

  /** Passes a chunk on, or the part of it before the trigger, and strikes there. */
  private handle(direction: Direction, chunk: Buffer): void {
    if (this.closed || this.silent) return;
    const fault = this.fault;
    if (fault.kind === "data-fin" && direction === "down") {
      this.replies = this.replies
        .then(() => this.relayPassive(chunk, fault))
        .catch(() => this.close("both"));
      return;
    }
    if (!("at" in fault) || fault.at.direction !== direction) {
      this.forward(direction, chunk);
      return;
    }
    const at = fault.at;
    const before = this.counted[direction];
    this.counted[direction] += chunk.length;
    this.chunks[direction] += 1;
    if (at.bytes !== undefined && this.counted[direction] >= at.bytes) {
      this.forward(direction, chunk.subarray(0, Math.max(0, at.bytes - before)));
      this.strike();
    } else if (at.match?.test(chunk.toString("latin1"))) {
      if (!at.swallow) this.forward(direction, chunk);
      this.strike();
    } else if (at.chunks !== undefined && this.chunks[direction] >= at.chunks) {
      this.forward(direction, chunk);
      this.strike();
    } else {
      this.forward(direction, chunk);
    }
  }

  /** `data-fin`: the first passive reply names a relay that cuts its data connection. */
  private async relayPassive(
    chunk: Buffer,
    fault: Extract<Fault, { kind: "data-fin" }>,
  ): Promise<void> {
    const text = chunk.toString("latin1");
    const passive = !this.relayGiven && rewritePassive(text, 0);
    if (!passive || this.closed) {
      this.forward("down", chunk);
      return;
    }
    this.relayGiven = true;
    const host = this.server.remoteAddress ?? LOOPBACK;
    const relay = await startDataRelay(host, passive.port, fault, () => {
      this.record.struck = true;
      this.onStrike("data-fin");
    });
    this.relays.add(relay);
    const rewritten = rewritePassive(text, relay.port)?.rewritten ?? text;
    this.forward("down", Buffer.from(rewritten, "latin1"));
  }

  private ends(direction: Direction): { from: Socket; to: Socket } {
    return direction === "up"
      ? { from: this.client, to: this.server }
      : { from: this.server, to: this.client };
  }

  private forward(direction: Direction, chunk: Buffer): void {
    if (chunk.length === 0) return;
    const { from, to } = this.ends(direction);
    // Backpressure: a slow reader slows the writer instead of filling the proxy's memory.
    if (!to.write(chunk)) {
      from.pause();
      to.once("drain", () => from.resume());
    }
  }

  private later(ms: number, work: () => void): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    timer.unref();
    this.timers.add(timer);
    return timer;
  }

  private strike(): void {
    if (this.closed || this.silent || this.fault.kind === "none" || this.fault.kind === "delay") {
      return;
    }
    const kind = this.fault.kind;
    this.record.struck = true;
    this.onStrike(kind);
    if (kind === "drop") {
      this.silent = true;
      this.later(this.holdMs, () => this.close("both"));
      return;
    }
    // The server gets an orderly close, after what was already passed on: a request that went
    // through is read and carried out, and its reply goes nowhere.
    this.endQuietly(this.server);
    // Nothing more passes either way, not even the server's own close.
    this.silent = true;
    if (kind === "reset") resetAfterWrites(this.client);
    else this.endQuietly(this.client);
    // Bounded: whatever does not close by itself is reset.
    this.later(2_000, () => this.close("both"));
  }

  private endQuietly(socket: Socket): void {
    if (!socket.destroyed && socket.writable) socket.end();
  }

  /**
   * Tears the connection down. `graceful` ends both sides after what is already on its way (an
   * orderly close on one side is passed on as such); a reset on one side is passed on as a reset;
   * `both` resets both.
   */
  close(mode: "graceful" | "both" | "client-reset" | "server-reset"): void {
    // `both` also finishes a connection that is already closing (the proxy stops).
    if (this.closed && mode !== "both") return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const relay of this.relays) relay.close();
    if (mode === "graceful") {
      this.endQuietly(this.client);
      this.endQuietly(this.server);
      // Bounded: a side that never closes its end is reset.
      setTimeout(() => this.destroyBoth(), 2_000).unref();
      return;
    }
    const resetClient = mode === "client-reset" || mode === "both";
    const resetServer = mode === "server-reset" || mode === "both";
    if (resetClient) resetAfterWrites(this.client);
    else this.client.destroy();
    if (resetServer) resetAfterWrites(this.server);
    else this.server.destroy();
  }

  private destroyBoth(): void {
    this.client.destroy();
    this.server.destroy();
  }
}

/**
 * Sends a TCP reset a moment after what was written has reached the kernel. A reset while a write
 * is still queued in Node turns into an orderly close, and a reset right behind the last bytes
 * reaches a Node client on loopback as an orderly end more often than not (measured): the pause
 * makes the reset arrive as one.
 */
function resetAfterWrites(socket: Socket): void {
  if (socket.destroyed) return;
  // A socket still connecting has no connection to reset.
  if (socket.readyState === "opening") {
    socket.destroy();
    return;
  }
  const reset = () => setTimeout(() => socket.destroyed || socket.resetAndDestroy(), 20).unref();
  if (socket.writable) socket.write(Buffer.alloc(0), reset);
  else reset();
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, LOOPBACK, () => {
      server.off("error", reject);
      const address = server.address();
      if (address === null || typeof address === "string") {
        reject(new Error("fault proxy: no TCP address"));
        return;
      }
      resolve(address.port);
    });
  });
}

/** Starts a fault proxy on a free port of 127.0.0.1 in front of `options.target`. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const targetHost = options.target.host ?? LOOPBACK;
  if (!isLoopback(targetHost)) {
    throw new Error(`fault proxy: the target must be a loopback address, not ${targetHost}`);
  }
  const maxConnections = options.maxConnections ?? 32;
  const holdMs = options.holdMs ?? 30_000;
  const random = seededRandom(options.seed ?? 1);
  let plan: FaultPlan = options.plan ?? {};
  const queued: Fault[] = [];
  const links = new Set<Link>();
  const records: FaultRecord[] = [];
  const stats: FaultProxyStats = {
    connections: 0,
    refused: 0,
    struck: { reset: 0, cut: 0, drop: 0, delay: 0, "data-fin": 0 },
  };

  const server = createServer((client) => {
    client.on("error", () => {});
    if (links.size >= maxConnections) {
      stats.refused += 1;
      client.resetAndDestroy();
      return;
    }
    stats.connections += 1;
    const fault = queued.shift() ?? pickFault(plan, random);
    const record: FaultRecord = { connection: stats.connections, fault, struck: false };
    records.push(record);
    if (records.length > 1000) records.shift();
    // No data is read from the client until the server side is asked for: nothing is lost.
    const upstream = connect({ host: targetHost, port: options.target.port });
    const link = new Link(client, upstream, fault, record, (k) => stats.struck[k]++, holdMs);
    links.add(link);
    client.on("close", () => links.delete(link));
    link.start();
  });
  const port = await listen(server);

  return {
    host: LOOPBACK,
    port,
    stats,
    records,
    queue: (...faults) => {
      queued.push(...faults);
    },
    strikeOpen(fault) {
      for (const link of links) link.assign(fault);
      return links.size;
    },
    setPlan(next) {
      plan = next;
    },
    async stop() {
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const link of links) link.close("both");
      links.clear();
      await closing;
    },
  };
}
