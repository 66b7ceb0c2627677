// A client that tells of its connection by events ('ready', 'error', 'close') and forgets the calls
// still waiting when that connection closes (node-ftp): where its connection stands, the last
// 'error' it emitted, its pending calls (failed by an 'error', else by the close), and a deadline
// for its connect, which the client's own timeout may not cover. An adapter extends it with what
// else it keeps of its client.
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
   * A connect starts: the last error is forgotten; past `timeoutMs` (none: no deadline), while it
   * is still connecting, `close` runs and the client emits a DeadlineExceeded as its 'error'.
   */
  connecting(timeoutMs: unknown, close: () => void): void {
    this.phase = "connecting";
    this.lastError = undefined;
    clearTimeout(this.#timer);
    const ms = deadlineMs(timeoutMs);
    if (ms === undefined) return;
    this.#timer = setTimeout(() => {
      if (this.phase !== "connecting") return;
      close();
      this.emitter.emit("error", new DeadlineExceeded("connect", ms));
      this.phase = "closed";
    }, ms);
  }

  /** An 'error' no call waited for (it may throw it, as an unheard 'error' event would be). */
  protected unclaimed(_error: unknown): void {}
}
