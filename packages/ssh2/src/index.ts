// @transfer-errors/ssh2: ssh2's SFTP errors (and node-ssh's) as typed, explained TransferErrors.

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
export { connectSftp, type SftpOf, type SftpSession, type SshClientLike } from "./connect.js";
export {
  type ErrorContext,
  isRetryable,
  readError,
  toTransferError,
  withRetry,
} from "./read-error.js";
export { needsReconnect, type WrapOptions, wrapClient } from "./wrap-client.js";
