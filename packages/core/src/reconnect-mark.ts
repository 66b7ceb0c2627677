// What a wrapped client says, on the error it throws, about opening its connection again: a way
// to do it (the wrapper was asked to reconnect by itself), or that it cannot be used again until
// something reconnects it. A `Symbol.for` key, so that any copy of the package reads it.

import type { TransferError } from "./error.js";
import { isShortTransfer } from "./short-transfer.js";

const key = Symbol.for("transfer-errors.reconnect");

/** How to reconnect the client after this error: a function, or `null` when nothing can. */
export type Reconnector = ((error: TransferError) => unknown) | null;

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

/**
 * Marks a failure whose hint says to reconnect with how withRetry can: `reopen`, or null when
 * nothing may (the application closed the client). A short transfer on a session still `open`
 * lost only its data connection: the next attempt reopens only if the session closed meanwhile.
 */
export function markLoss(
  error: TransferError,
  reopen: (() => unknown) | null,
  open: () => boolean,
): TransferError {
  if (!error.retry.reconnect) return error;
  if (isShortTransfer(error.originalError) && open()) {
    markReconnect(error, () => (reopen && !open() ? reopen() : undefined));
  } else markReconnect(error, reopen);
  return error;
}
