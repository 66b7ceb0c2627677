// An adapter's exported functions, made from its reader alone: every adapter's toTransferError
// reads the same way around its own `readError`, and its isRetryable and withRetry go through it.
import { type AdapterFunctions, bindAdapter } from "./bind-adapter.js";
import { isTransferError } from "./brand.js";
import { createTransferError, type TransferError } from "./error.js";
import type { Failure } from "./failure.js";
import { safeGet } from "./safe.js";
import type { Protocol } from "./types.js";

/** What the caller knows about a failed call: the base of every adapter's `ErrorContext`. */
export interface CallContext {
  /** The client method that failed (`"get"`, `"connect"`). */
  operation?: string | undefined;
  /** The remote path involved. */
  path?: string | undefined;
  /** Exact strings to keep out of every text: the connection's password, passphrase, key. */
  secrets?: readonly unknown[] | undefined;
  /**
   * The server's greeting line: its SSH identification (`SSH-2.0-OpenSSH_9.2p1`) or the first line
   * of its FTP 220 greeting. The replies of the product it names are read as that product means
   * them. The wrappers pass it by themselves.
   */
  serverGreeting?: string | undefined;
  /** The SFTP request that got the failing status, when the wrapper saw it (`RequestWatch`). */
  request?: string | undefined;
  /** The application ended the client itself (end()): a later call's failure is no loss to retry. */
  ended?: boolean | undefined;
}

export interface ReaderFunctions<Context> extends AdapterFunctions {
  /**
   * Anything the client threw (or any other value) as a TransferError, read by the adapter's
   * reader with what the caller knows (`context`). A TransferError is returned as it is. Never
   * throws. A new TransferError's stack starts at the caller's frame, not in the core.
   */
  toTransferError(error: unknown, context?: Context | null): TransferError;
  /**
   * The same TransferError with the stack it was made with: for a wrapper, which sets the stack
   * itself (the caller's await), so that no stack is captured twice.
   */
  convert(error: unknown, context?: Context | null): TransferError;
}

/**
 * `toTransferError`, `isRetryable` and `withRetry` of an adapter whose reader is `read`. A reader
 * that throws (only a bug of ours can) still gives a TransferError that keeps the original.
 */
export function adapterFunctions<Context extends CallContext>(
  protocol: Protocol,
  read: (error: unknown, context: Context) => Failure,
): ReaderFunctions<Context> {
  const convert = (error: unknown, context?: Context | null): TransferError => {
    if (isTransferError(error)) return error;
    try {
      return createTransferError(read(error, context ?? ({} as Context)));
    } catch {
      const secrets = safeGet(context, "secrets");
      const kept = Array.isArray(secrets) ? secrets : undefined;
      return createTransferError({ protocol, cause: error, secrets: kept });
    }
  };
  // What a user reads first in the stack of the error they made is their own line.
  const toTransferError = (error: unknown, context?: Context | null): TransferError => {
    const made = convert(error, context);
    if (made !== error) Error.captureStackTrace?.(made, toTransferError);
    return made;
  };
  return { toTransferError, convert, ...bindAdapter((error) => convert(error)) };
}
