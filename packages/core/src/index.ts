export { isTransferError, transferErrorBrand } from "./brand.js";
export { type Classification, type ClassifyInput, classify, codeSpaceOf } from "./classify.js";
export { ftpReplyNames, sftpStatusNames, sshDisconnectNames, winsockNames } from "./code-names.js";
export { createTransferError, TransferError, type TransferErrorJSON } from "./error.js";
export type { CodeSpace, Failure } from "./failure.js";
export { type FailureContext, failureOf } from "./from-unknown.js";
export { ftpAreas, ftpAreaTexts, ftpKinds, ftpKindTexts, isFtpReplyCode } from "./ftp-digits.js";
export { ftpReplies } from "./ftp-replies.js";
export { isRetryable } from "./is-retryable.js";
export { nonIdempotentOperations, reasonRetry } from "./reason-policy.js";
export { reasonTexts } from "./reason-texts.js";
export { isReason, type Reason, reasons } from "./reasons.js";
export { redact } from "./redact.js";
export { explain, listCodes } from "./registry.js";
export { backoffDelay, type RetryOptions, withRetry } from "./retry.js";
export { type ErrorShape, readErrorShape, safeGet, safeString } from "./safe.js";
export { sftpStatuses } from "./sftp-statuses.js";
export { sshDisconnectReasons } from "./ssh-disconnect-reasons.js";
export { type TextRule, textRules } from "./text-rules.js";
export type {
  CodeInfo,
  CodeText,
  FtpArea,
  FtpKind,
  Protocol,
  RetryHint,
  SftpStatusText,
} from "./types.js";
export { winsockErrors } from "./winsock-errors.js";
