import {
  bindAdapter,
  createTransferError,
  isTransferError,
  type TransferError,
} from "@transfer-errors/core/adapter";
import { type ErrorContext, readError } from "./read-error.js";

export type { ErrorContext };

/**
 * Turns anything ssh2 or node-ssh threw, passed to a callback or emitted (or any other value)
 * into a `TransferError`: the SFTP status, SSH disconnect reason, Node system code or ssh2
 * `level` it carries, read for what it means. `context` adds what the caller knows (operation,
 * path, secrets to keep out of every text, whether it came from the Client). A TransferError is
 * returned as it is. Never throws.
 */
export function toTransferError(error: unknown, context?: ErrorContext | null): TransferError {
  if (isTransferError(error)) return error;
  try {
    return createTransferError(readError(error, context ?? {}));
  } catch {
    // readError only reads; this is a last guard so that an error handler never throws.
    return createTransferError({ protocol: "sftp", cause: error });
  }
}

/** ssh2's errors read by this adapter, then the core's decision and retry loop. */
export const { isRetryable, withRetry } = bindAdapter((error) => toTransferError(error));
