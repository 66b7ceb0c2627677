import { isTransferError } from "./brand.js";
import { classify } from "./classify.js";
import { failureOf } from "./from-unknown.js";
import { safeGet } from "./safe.js";

/**
 * Whether repeating the failed operation can succeed. For a TransferError, its `retryable`; for
 * any other value, a best effort from its shape (Node system codes, FTP reply codes, SFTP
 * statuses). Never throws.
 */
export function isRetryable(value: unknown): boolean {
  try {
    if (isTransferError(value)) return safeGet(value, "retryable") === true;
    return classify(failureOf(value)).retry.retryable;
  } catch {
    return false;
  }
}
