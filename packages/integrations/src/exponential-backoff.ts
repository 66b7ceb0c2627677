// exponential-backoff: the `retry` predicate, which the library awaits, so it can reconnect.
import { type DecideOptions, decide, type Reconnect } from "./decide.js";

export interface RetryPredicateOptions extends DecideOptions {
  /** Opens the connection again before a retry whose hint says the connection is gone. */
  reconnect?: Reconnect | undefined;
  /**
   * The `numOfAttempts` given to `backOff` (default 10, as the library's): no reconnect after
   * the last attempt, which the library will not repeat whatever the predicate says.
   */
  numOfAttempts?: number | undefined;
  /** Told of a reconnect that failed (the attempt after it reconnects again). */
  onReconnectError?: ((error: unknown, attemptNumber: number) => void) | undefined;
}

/**
 * exponential-backoff's `retry(error, attemptNumber)`: true when the hint says a retry can
 * succeed; before returning it, reconnects when the connection is gone. Keeps state (a
 * reconnect that failed): make one per `backOff` call.
 */
export function retryTransfer(
  options: RetryPredicateOptions = {},
): (error: unknown, attemptNumber: number) => Promise<boolean> {
  const last = options.numOfAttempts ?? 10;
  let disconnected = false;
  return async (error, attemptNumber) => {
    const decision = decide(error, options);
    if (!decision.retry && !disconnected) return false;
    if (attemptNumber >= last) return false;
    if ((decision.reconnect || disconnected) && options.reconnect) {
      try {
        await options.reconnect(decision.error);
        disconnected = false;
      } catch (failure) {
        disconnected = true;
        options.onReconnectError?.(failure, attemptNumber);
      }
    }
    return true;
  };
}
