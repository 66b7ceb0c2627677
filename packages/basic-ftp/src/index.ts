// @transfer-errors/basic-ftp: basic-ftp's errors as typed, explained TransferErrors.
export {
  type CodeInfo,
  explain,
  isTransferError,
  type Protocol,
  type Reason,
  type RetryHint,
  type RetryOptions,
  TransferError,
  type TransferErrorJSON,
} from "@transfer-errors/core";
export type { CallerContext as ErrorContext } from "@transfer-errors/core/adapter";
export {
  isRetryable,
  readBasicFtpError as readError,
  toTransferError,
  withRetry,
} from "./read-error.js";
export { reconnect, workingDirOf } from "./reconnect.js";

export { type WrapOptions, wrapClient } from "./wrap-client.js";
