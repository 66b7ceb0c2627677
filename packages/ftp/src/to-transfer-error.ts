import {
  bindAdapter,
  createTransferError,
  isTransferError,
  type TransferError,
} from "@transfer-errors/core/adapter";
import type { ErrorContext, FailureContext } from "./context.js";
import { readFtpError } from "./read-error.js";

/**
 * Turns anything node-ftp or promise-ftp raised (or any other value) into a TransferError: reply
 * code and server text, reason, retry hint and explanation. A TransferError is returned as it is.
 * Never throws.
 */
export function toTransferError(error: unknown, context?: ErrorContext | null): TransferError {
  return fromFailure(error, context ?? {});
}

/** toTransferError with what wrapClient knows about the client (internal). */
export function fromFailure(error: unknown, context: FailureContext = {}): TransferError {
  if (isTransferError(error)) return error;
  try {
    return createTransferError(readFtpError(error, context));
  } catch {
    // Only a bug of ours lands here: the caller still gets a TransferError keeping the original.
    return createTransferError({ protocol: "ftp", cause: error, secrets: context.secrets });
  }
}

/** node-ftp's and promise-ftp's errors read by this adapter, then the core's decision and retries. */
export const { isRetryable, withRetry } = bindAdapter((error) => toTransferError(error));
