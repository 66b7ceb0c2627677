import { isTransferError } from "./brand.js";
import { decider } from "./decision.js";
import { failureOf } from "./from-unknown.js";
import { safeGet } from "./safe.js";

// The core's one decision, as `decide` makes it, without the reply catalog's reader: a failure
// read from an unknown value carries no catalog (only an adapter's data has one), so the reader
// would find nothing, and isRetryable alone leaves its code out of the bundle.
const decide = decider();

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
