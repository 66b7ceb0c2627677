import { isTransferError } from "./brand.js";
import { tooManyUsersPattern } from "./busy-text.js";
import { codeSpaceOf, reasonOfCode, retryableOf } from "./code-class.js";
import { failureOf } from "./from-unknown.js";
import { safeGet } from "./safe.js";

/**
 * Whether repeating the failed operation can succeed. For a TransferError, its `retryable`; for
 * any other value, a best effort from its shape: its code (FTP reply, SFTP status, SSH disconnect
 * reason, Node system code), and a server that says it has too many users. The full reading of
 * the server's text is the adapters' `toTransferError`. Never throws.
 */
export function isRetryable(value: unknown): boolean {
  try {
    if (isTransferError(value)) return safeGet(value, "retryable") === true;
    const { protocol, code, codeSpace, message } = failureOf(value);
    const space = codeSpaceOf(protocol, code, codeSpace);
    if (typeof code === "number" && message && tooManyUsersPattern.test(message.slice(0, 512))) {
      return true;
    }
    return retryableOf(reasonOfCode(space, code), space, code);
  } catch {
    return false;
  }
}
