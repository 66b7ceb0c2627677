import type { TransferError } from "./error.js";
import { withRetry as coreWithRetry, type RetryOptions } from "./retry.js";

/** What every adapter exports on top of its reader, made the same way for each. */
export interface AdapterFunctions {
  /** The adapter's `toTransferError(x).retryable`: one decision, whichever door. Never throws. */
  isRetryable(value: unknown): boolean;
  /** The core's `withRetry`, reading raw client errors with the adapter's `toTransferError`. */
  withRetry<T>(fn: (attempt: number) => T | PromiseLike<T>, options?: RetryOptions): Promise<T>;
}

/**
 * `decide`: toTransferError for isRetryable alone, whose error no one sees (the adapters make
 * it without a stack).
 */
export function bindAdapter(
  toTransferError: (error: unknown) => TransferError,
  decide: (error: unknown) => TransferError = toTransferError,
): AdapterFunctions {
  const normalize = (error: unknown) => toTransferError(error);
  return {
    isRetryable(value) {
      try {
        return decide(value).retryable === true;
      } catch {
        return false;
      }
    },
    withRetry(fn, options = {}) {
      return coreWithRetry(fn, { normalize, ...options });
    },
  };
}
