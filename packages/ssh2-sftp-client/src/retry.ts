import { withRetry as coreWithRetry, type RetryOptions } from "@transfer-errors/core";
import { toTransferError } from "./to-transfer-error.js";

/**
 * The core's `withRetry`, with this adapter's `toTransferError` as `normalize`: an error from an
 * unwrapped ssh2-sftp-client (or ssh2) is read with what this adapter knows (a disconnect
 * reason is not an SFTP status, "No SFTP connection available" means reconnect, a code-less
 * "All configured authentication methods failed" is a failed login) instead of the core's
 * guess from the shape alone. Errors of a wrapped client are TransferErrors already.
 */
export function withRetry<T>(
  fn: (attempt: number) => T | PromiseLike<T>,
  options: RetryOptions = {},
): Promise<T> {
  return coreWithRetry(fn, { normalize: (error: unknown) => toTransferError(error), ...options });
}
