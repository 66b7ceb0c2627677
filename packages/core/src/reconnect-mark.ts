// What a wrapped client says, on the error it throws, about opening its connection again: a way
// to do it (the wrapper was asked to reconnect by itself), or that it cannot be used again until
// something reconnects it. A `Symbol.for` key, so that any copy of the package reads it.

const key = Symbol.for("transfer-errors.reconnect");

/** How to reconnect the client after this error: a function, or `null` when nothing can. */
export type Reconnector = ((error: import("./error.js").TransferError) => unknown) | null;

/** Marks `error` (non-enumerable: no log, JSON or inspect shows it). Never throws. */
export function markReconnect(error: object, how: Reconnector): void {
  try {
    Object.defineProperty(error, key, { value: how, configurable: true });
  } catch {
    // a frozen error: withRetry falls back to its options
  }
}

/** The mark: a function, `null` (the client is closed and nothing reopens it), or `undefined`. */
export function reconnectorOf(error: unknown): Reconnector | undefined {
  try {
    const how = (error as Record<symbol, unknown>)[key];
    return typeof how === "function" || how === null ? (how as Reconnector) : undefined;
  } catch {
    return undefined;
  }
}
