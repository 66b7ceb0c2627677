// A client that tells of its connection by events ('ready', 'error', 'close') and forgets the calls
// still waiting when that connection closes (node-ftp): where its connection stands, the last
// 'error' it emitted, its pending calls (failed by an 'error', else by the close), and a deadline
// for its connect, which the client's own timeout may not cover; and what a reader is told of the
// connection when a call fails. An adapter extends it with what else it keeps of its client.
import type { CallContext } from "./adapter-functions.js";
import type { CallState } from "./call-state.js";
import { DeadlineExceeded, deadlineMs } from "./deadline.js";
import { PendingCalls } from "./pending-calls.js";
import { safeGet } from "./safe.js";
import type { AnyMethod } from "./wrap-methods.js";

/** What EventConnection uses of a client (Node's EventEmitter has it). */
export interface EventClient {
  on(event: string, listener: AnyMethod): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

export type ConnectionPhase = "idle" | "connecting" | "ready" | "closed";

export class EventConnection<C extends EventClient = EventClient> {
  phase: ConnectionPhase = "idle";
  /** The last 'error' since the connect: what the close fails the pending calls with. */
  lastError: unknown;
  /** The calls that wait for an answer: an 'error' fails them, or else the close. */
  readonly pending = new PendingCalls();
  /** What to keep out of every text (the connects' passwords and keys). */
  readonly secrets: unknown[] = [];
  /** The connection is meant to be encrypted. */
  tls = false;
  /** The application ended the connection itself (end(), destroy()). */
  closedByApplication = false;
  /** The server's greeting line (`CallContext.serverGreeting`), once seen. */
  greeting: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Listens to the events of `emitter`, the client (read safely: one without `on` is not heard). A
   * close with no 'error' before it fails the pending calls with an Error of `closedText`.
   */
  constructor(
    readonly emitter: C,
    readonly closedText: string,
  ) {
    if (typeof safeGet(emitter, "on") !== "function") return;
    emitter.on("ready", () => {
      clearTimeout(this.#timer);
      this.phase = "ready";
    });
    emitter.on("error", (error: unknown) => {
      this.lastError = error;
      if (this.pending.size > 0) this.pending.failAll(error);
      else this.unclaimed(error);
    });
    emitter.on("close", () => {
      clearTimeout(this.#timer);
      this.phase = "closed";
      this.pending.failAll(this.lastError ?? new Error(this.closedText));
    });
  }

  /**
   * A connect starts: the last error and the application's end are past; past `timeoutMs` (none:
   * no deadline), while it is still connecting, it fails with a DeadlineExceeded (`fail`).
   */
  connecting(timeoutMs: unknown, close: () => void): void {
    this.phase = "connecting";
    this.lastError = undefined;
    this.closedByApplication = false;
    clearTimeout(this.#timer);
    const ms = deadlineMs(timeoutMs);
    if (ms === undefined) return;
    this.#timer = setTimeout(() => {
      if (this.phase !== "connecting") return;
      this.fail(new DeadlineExceeded("connect", ms), close);
      this.phase = "closed";
    }, ms);
  }

  /** Fails the connection: `close` runs, then the client emits `error` as its own 'error'. */
  fail(error: unknown, close: () => void): void {
    close();
    this.emitter.emit("error", error);
  }

  /**
   * What a reader is told of a failure of `operation` on `path` (`connects`: the operation
   * connects). A failure of no call while connecting (an 'error' event) is the connect's.
   */
  context(operation?: string, path?: string, connects?: boolean): CallContext & CallState {
    const connecting = this.phase === "connecting";
    return {
      operation: operation ?? (connecting ? "connect" : undefined),
      path,
      closed: this.phase === "closed",
      closedByApplication: this.closedByApplication,
      connecting: connecting || connects,
      tls: this.tls,
      secrets: this.secrets,
      serverGreeting: this.greeting,
    };
  }

  /**
   * Why a call cannot be sent now, where the client would never answer it (it queues calls until
   * it connects, or loses them on a closed connection): `"lost"`, the connection closed without
   * the application ending it; `"not-connected"`, it never opened, or the application ended it.
   */
  unusable(): "lost" | "not-connected" | undefined {
    if (this.phase === "connecting" || this.phase === "ready") return undefined;
    return this.phase === "closed" && !this.closedByApplication ? "lost" : "not-connected";
  }

  /** An 'error' no call waited for (it may throw it, as an unheard 'error' event would be). */
  protected unclaimed(_error: unknown): void {}
}
