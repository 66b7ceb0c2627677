// The one place that reads a failure's retry hint: every integration asks `decide`.
import { isRetryable, isTransferError, type TransferError } from "@transfer-errors/core";

export interface DecideOptions {
  /**
   * Also retry operations that may already have taken effect (`retry.ambiguous`: an append or a
   * rename whose connection dropped before the reply). Default false.
   */
  retryAmbiguous?: boolean | undefined;
  /**
   * Turns what was thrown into a TransferError: pass an adapter's `toTransferError` when the
   * client is not wrapped. Default: a TransferError is read as it is; any other value is
   * judged by the core's `isRetryable` (its code, read by shape).
   */
  normalize?: ((error: unknown) => unknown) | undefined;
}

/** What to do after one failed attempt. */
export interface RetryDecision {
  /** Repeat the operation. */
  retry: boolean;
  /** Open the connection again before the next attempt. */
  reconnect: boolean;
  /** The least wait the server asked for, in milliseconds. */
  delayMs: number | undefined;
  /** The operation may have taken effect although it failed. */
  ambiguous: boolean;
  /** The TransferError's `reason`, `"unknown"` for anything else: a low-cardinality label. */
  reason: string;
  /** The error the decision was made on: the TransferError when there is one. */
  error: unknown;
  /** The TransferError, when the failure is one. */
  transferError: TransferError | undefined;
}

function normalized(thrown: unknown, normalize: DecideOptions["normalize"]): unknown {
  if (!normalize || isTransferError(thrown)) return thrown;
  try {
    return normalize(thrown);
  } catch {
    return thrown;
  }
}

/** Reads the retry hint of `thrown` (any value). Never throws. */
export function decide(thrown: unknown, options: DecideOptions = {}): RetryDecision {
  const error = normalized(thrown, options.normalize);
  if (isTransferError(error)) {
    const hint = error.retry;
    const ambiguous = hint.ambiguous === true;
    return {
      retry: hint.retryable || (ambiguous && options.retryAmbiguous === true),
      reconnect: hint.reconnect,
      delayMs: typeof hint.delayMs === "number" && hint.delayMs > 0 ? hint.delayMs : undefined,
      ambiguous,
      reason: error.reason,
      error,
      transferError: error,
    };
  }
  return {
    retry: isRetryable(error),
    reconnect: false,
    delayMs: undefined,
    ambiguous: false,
    reason: "unknown",
    error,
    transferError: undefined,
  };
}

/** Opens the connection again; it gets the error that made the reconnect necessary. */
export type Reconnect = (error: unknown) => unknown;

/**
 * Wraps `fn` so that, after a failure whose hint says the connection is gone, the next call
 * first awaits `reconnect`. For retry libraries whose hooks are not awaited (async-retry,
 * cockatiel): the reconnect runs inside the next attempt, and its failure fails that attempt.
 */
export function reconnectingBeforeRetry<A extends unknown[], T>(
  fn: (...args: A) => T | PromiseLike<T>,
  reconnect: Reconnect | undefined,
  options: DecideOptions = {},
): (...args: A) => Promise<T> {
  let pending: { error: unknown } | undefined;
  return async (...args: A) => {
    if (pending && reconnect) {
      const { error } = pending;
      pending = undefined;
      try {
        await reconnect(error);
      } catch (failure) {
        // Still gone: the attempt after this one reconnects again.
        if (decide(failure, options).reconnect) pending = { error: failure };
        throw failure;
      }
    }
    try {
      return await fn(...args);
    } catch (failure) {
      const decision = decide(failure, options);
      if (decision.reconnect) pending = { error: decision.error };
      throw failure;
    }
  };
}
