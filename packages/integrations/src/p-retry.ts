// p-retry: a `shouldRetry` that follows the retry hint, and reconnects before the next attempt.
import { type DecideOptions, decide, type Reconnect } from "./decide.js";

/** The part of p-retry's `RetryContext` this reads (structural: no import of p-retry). */
export interface PRetryContext {
  readonly error: unknown;
  readonly attemptNumber: number;
}

export interface ShouldRetryOptions extends DecideOptions {
  /**
   * Opens the connection again before a retry whose hint says the connection is gone
   * (`retry.reconnect`): `() => reconnect(client)` for basic-ftp, `() => sftp.connect()` for a
   * `createConnection`. Awaited by p-retry before its wait and the next attempt.
   */
  reconnect?: Reconnect | undefined;
  /** Told of a reconnect that failed (the attempt after it reconnects again). */
  onReconnectError?: ((error: unknown, attemptNumber: number) => void) | undefined;
}

/**
 * p-retry's `shouldRetry`: true when the hint says a retry can succeed, after reconnecting when
 * the connection is gone. A permanent failure (`not-found`, `auth-failed`) stops at once, and
 * so does an ambiguous one (an append that may have happened) unless `retryAmbiguous`.
 *
 * It keeps state (a reconnect that failed): make one per `pRetry` call.
 */
export function shouldRetryTransfer(
  options: ShouldRetryOptions = {},
): (context: PRetryContext) => Promise<boolean> {
  // A reconnect failed: the next attempt ran on a closed client, whatever it threw says nothing
  // about the operation.
  let disconnected = false;
  return async ({ error, attemptNumber }) => {
    const decision = decide(error, options);
    if (!decision.retry && !disconnected) return false;
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
