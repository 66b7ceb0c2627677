// An adapter's exported functions, made from its reader alone: every adapter's toTransferError
// reads the same way around its own `readError`, and its isRetryable and withRetry go through it.
import { type AdapterFunctions, bindAdapter } from "./bind-adapter.js";
import { isTransferError } from "./brand.js";
import { makeTransferError, type TransferError } from "./error.js";
import type { Failure } from "./failure.js";
import { safeGet } from "./safe.js";
import { stackOff } from "./stack-start.js";
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

/**
 * What the caller of an adapter's `toTransferError` can say about the failed call, where its
 * wrapper knows more than that: the client method (`"downloadTo"`), the remote path, the secrets
 * to keep out of every text in case the server echoes them ("530 Login incorrect for <password>"),
 * and the server's greeting line (the replies of the product it names are read as that product
 * means them); `wrapClient` passes them.
 */
export type CallerContext = Pick<CallContext, "operation" | "path" | "secrets" | "serverGreeting">;

export interface ReaderFunctions<Caller, Context = Caller> extends AdapterFunctions {
  /**
   * Anything the client threw (or any other value) as a TransferError, read by the adapter's
   * reader with what the caller knows (`context`). A TransferError is returned as it is. Never
   * throws. A new TransferError's stack starts at the caller's frame, not in the core.
   */
  toTransferError(error: unknown, context?: Caller | null): TransferError;
  /**
   * toTransferError for the adapter's wrapper, with the whole context it knows, and the stack where
   * V8 puts it (one capture, the cheapest: the wrapper sets the stack again at its caller's await).
   */
  convert(error: unknown, context?: Context | null): TransferError;
}

/**
 * `toTransferError`, `isRetryable` and `withRetry` of an adapter whose reader is `read`. A reader
 * that throws (only a bug of ours can) still gives a TransferError that keeps the original.
 * `Caller`: the part of the reader's context that `toTransferError`'s type shows (its wrapper
 * passes the whole `Context` to `convert`).
 */
export function adapterFunctions<Context extends Caller, Caller extends CallContext = Context>(
  protocol: Protocol,
  read: (error: unknown, context: Context) => Failure,
): ReaderFunctions<Caller, Context> {
  const failureOf = (error: unknown, context: Context | null | undefined): Failure => {
    try {
      return read(error, context ?? ({} as Context));
    } catch {
      const secrets = safeGet(context, "secrets");
      return { protocol, cause: error, secrets: Array.isArray(secrets) ? secrets : undefined };
    }
  };
  // What a user reads first in the stack of the error they made is their own line: toTransferError
  // makes the error without a stack and captures it from itself, in its own body (stack-start.ts).
  // A wrapper sets the stack again at its caller's await (convert: V8's own capture, the cheapest);
  // isRetryable throws the error away (no stack at all).
  const toTransferError = (error: unknown, context?: Caller | null): TransferError => {
    if (isTransferError(error)) return error;
    const failure = failureOf(error, context as Context | null);
    const limit = stackOff();
    const made = makeTransferError(failure, limit);
    if (limit !== undefined) Error.captureStackTrace(made, toTransferError);
    return made;
  };
  const convert = (error: unknown, context?: Context | null): TransferError =>
    isTransferError(error) ? error : makeTransferError(failureOf(error, context));
  const decide = (error: unknown): TransferError =>
    isTransferError(error) ? error : makeTransferError(failureOf(error, undefined), null);
  return { toTransferError, convert, ...bindAdapter((error) => convert(error), decide) };
}
