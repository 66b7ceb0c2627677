// @transfer-errors/core: what an application needs. Adapter authors: `@transfer-errors/core/adapter`;
// the raw tables: `@transfer-errors/core/registry`.
export { isTransferError } from "./brand.js";
export type { CodeName } from "./code-names.js";
export { createTransferError, TransferError, type TransferErrorJSON } from "./error.js";
export { isRetryable } from "./is-retryable.js";
export { isReason, type Reason, reasons } from "./reasons.js";
export { redact } from "./redact.js";
export { explain, listCodes } from "./registry.js";
export { type AttemptRecord, type RetryOptions, withRetry } from "./retry.js";
export type { CodeInfo, Protocol, RetryHint, SystemCodeInfo } from "./types.js";
