import { withRetry as coreWithRetry, type RetryOptions } from "@transfer-errors/core";
import { toTransferError } from "./to-transfer-error.js";

function normalize(error: unknown): unknown {
  return toTransferError(error);
}

/**
 * Core's withRetry, with basic-ftp's errors read by this adapter: an error of the raw Client
 * becomes a TransferError before the retry decision (a wrapped client's errors already are).
 */
export function withRetry<T>(
  fn: (attempt: number) => T | PromiseLike<T>,
  options: RetryOptions = {},
): Promise<T> {
  return coreWithRetry(fn, { normalize, ...options });
}
