import { isTransferError } from "./brand.js";
import { tooManyUsersPattern } from "./busy-text.js";
import {
  permanentSshDisconnects,
  retryableFtpRanges,
  retryableSftpStatuses,
  retryableSystemCodes,
  retryableWinsockErrors,
} from "./retryable-codes.js";
import { readErrorShape, safeGet, safeString } from "./safe.js";

function retryableByCode(code: number | string, level: string | undefined): boolean {
  if (typeof code === "string") return retryableSystemCodes.includes(code);
  // ssh2 marks connection-level errors with `level`: a number there is a disconnect reason.
  if (level) return !permanentSshDisconnects.includes(code);
  if (code <= 31) return retryableSftpStatuses.includes(code);
  if (code >= 10_000) return retryableWinsockErrors.includes(code);
  return retryableFtpRanges.some(([first, last]) => code >= first && code <= last);
}

/**
 * Whether repeating the failed operation can succeed. For a TransferError, its `retryable`; for
 * any other value, a best effort from its shape: its code (FTP reply, SFTP status, SSH disconnect
 * reason, Node system code), and a server that says it has too many users. The full reading of
 * the server's text is the adapters' `toTransferError`. Never throws.
 */
export function isRetryable(value: unknown): boolean {
  try {
    if (isTransferError(value)) return safeGet(value, "retryable") === true;
    const { code, message } = readErrorShape(value);
    if (code === undefined || (typeof code === "number" && !Number.isInteger(code))) return false;
    if (typeof code === "number" && message && tooManyUsersPattern.test(message.slice(0, 512))) {
      return true;
    }
    return retryableByCode(code, safeString(value, "level"));
  } catch {
    return false;
  }
}
