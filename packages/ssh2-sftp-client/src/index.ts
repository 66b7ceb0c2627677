// @transfer-errors/ssh2-sftp-client: ssh2-sftp-client's errors as typed, explained TransferErrors.

// What a user needs from the core, so that an app imports this package only.
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
export type {
  SftpClientLike,
  SftpConnectConfig,
  SftpFileInfo,
  SftpFileStats,
} from "./client-types.js";
export { type ConnectionOptions, createConnection, type SftpConnection } from "./connection.js";
export {
  type ErrorContext,
  isRetryable,
  readError,
  toTransferError,
  withRetry,
} from "./read-error.js";
export { needsReconnect, type WrapOptions, wrapClient } from "./wrap-client.js";
