export type {
  CodeInfo,
  Protocol,
  Reason,
  RetryHint,
  RetryOptions,
  TransferErrorJSON,
} from "@transfer-errors/core";
export { explain, isRetryable, isTransferError, TransferError } from "@transfer-errors/core";
export type { ErrorContext } from "./context.js";
export { reconnect, workingDirOf } from "./reconnect.js";
export { withRetry } from "./retry.js";
export { toTransferError } from "./to-transfer-error.js";
export { type WrapOptions, wrapClient } from "./wrap-client.js";
