import { isTransferError } from "./brand.js";
import { decide } from "./classify.js";
import { failureOf } from "./from-unknown.js";
import { safeGet } from "./safe.js";

/**
 * Whether repeating the failed operation can succeed. For a TransferError, its `retryable`; for
 * any other value, the core's one decision over what its shape tells (its code, read as an FTP
 * reply, SFTP status, SSH disconnect reason or Node system code, and its text). An adapter's
 * `isRetryable` reads its client's errors fully. Never throws.
 */
export function isRetryable(value: unknown): boolean {
  try {
    if (isTransferError(value)) return safeGet(value, "retryable") === true;
    return decide(failureOf(value)).retryable;
  } catch {
    return false;
  }
}
