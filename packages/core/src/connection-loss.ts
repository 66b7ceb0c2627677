// What a wrapper remembers about its client's connection: that it was lost (why, and by which
// failure), or ended by the application. A lost client's further calls are answered at once,
// instead of being sent on a dead connection, where some libraries never answer them.
import { safeGet } from "./safe.js";

export class ConnectionLoss {
  /** Why the client needs a new connection; `undefined` while it is usable. */
  why: string | undefined = undefined;
  /** The failure that made it so: the cause of the calls it refuses. */
  cause: unknown = undefined;
  /** The application ended the connection itself: the close that follows is no loss. */
  ended = false;
  /** What happened when nothing failed (a close without an error, end()): made when it did. */
  #event: Error | undefined = undefined;

  /** Marks the connection lost, unless the application ended it; the first why and cause stay. */
  mark(why: string, cause?: unknown): void {
    if (this.ended) return;
    this.why ??= why;
    if (cause === undefined) this.#event ??= new Error(why);
    else this.cause ??= cause;
  }

  /** The application ended the connection (`how`: its call, "end()"); the stack shows where. */
  end(how: string): void {
    this.ended = true;
    if (this.why !== undefined) return;
    this.#event = new Error(`the application called ${how}`);
  }

  /** A new connection: the client is usable again. */
  reset(): void {
    this.why = undefined;
    this.cause = undefined;
    this.#event = undefined;
  }

  /** The message of a call refused on the lost connection of `what` ("client", "SFTP session"). */
  refusal(operation: string | undefined, what: string, why = this.why): string {
    return `${operation} was not sent: the ${what} needs a new connection (${why})`;
  }

  /**
   * The cause of a refused call: the failure that made the client unusable; when nothing failed
   * (a close without an error, end()), an Error that says what happened (`why` when nothing was
   * seen at all).
   */
  refusedCause(why = this.why): unknown {
    return this.cause ?? this.#event ?? new Error(why);
  }
}

/**
 * Listens to `events` of `emitter` (anything with `on`, read safely; nothing happens otherwise).
 * A listener on 'error' also keeps an error event from crashing the process.
 */
export function listen(
  emitter: unknown,
  events: readonly string[],
  listener: (error?: unknown) => void,
): void {
  const on = safeGet(emitter, "on");
  if (typeof on !== "function") return;
  for (const event of events) on.call(emitter, event, listener);
}

/**
 * Marks `loss` with `why` on any of `events` of `emitter` (see `listen`) while `when()` holds,
 * with the error an event carried as its cause ('close' may carry a flag: no cause).
 */
export function markLossOn(
  emitter: unknown,
  events: readonly string[],
  loss: ConnectionLoss,
  why: string,
  when: () => boolean = () => true,
): void {
  listen(emitter, events, (value) => {
    if (when()) loss.mark(why, typeof value === "object" && value !== null ? value : undefined);
  });
}
