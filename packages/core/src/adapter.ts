// @transfer-errors/core/adapter: what an adapter needs to read its client's errors into facts.
// An adapter decides nothing: it fills in a Failure (code, texts, signals) and supplies data (its
// message rules, its operations' traits, its advice texts); the core decides and explains.

// SFTP wrappers
export {
  type AdapterData,
  type Facts,
  failureFrom,
  type Operation,
  pathArgument,
  traitsTable,
} from "./adapter-data.js";
export {
  adapterFunctions,
  type CallContext,
  type CallerContext,
  type ReaderFunctions,
} from "./adapter-functions.js";
export { answerOnce, type OnceAnswer } from "./answer-once.js";
export { type AdapterFunctions, bindAdapter } from "./bind-adapter.js";
export { isTransferError } from "./brand.js";
export { type CallbackCall, callWithCallback, convertingStream } from "./callback-calls.js";
export { type Classification, classify, type Decision, decide } from "./classify.js";
export { tlsCodePattern } from "./code-reasons.js";
export { secretsIn } from "./config-secrets.js";
export { ConnectionLoss, listen, markLossOn } from "./connection-loss.js";
export { convertingMethod } from "./converting-method.js";
export { isResetCode, ResetMemory, readDataReset, sendsDataCommand } from "./data-resets.js";
export {
  DeadlineExceeded,
  deadlineMs,
  isDeadlineExceeded,
  MAX_TIMER_MS,
  mentionsDeadline,
  withDeadline,
} from "./deadline.js";
export { createTransferError, TransferError } from "./error.js";
export type { Advice, CodeSpace, Failure, OperationTraits } from "./failure.js";
export {
  type FreeSpace,
  findCause,
  type ListedEntry,
  type LookedOperation,
  listedFinding,
  type PathLook,
  parentOf,
  shortUpload,
} from "./follow-up.js";
export { type FailureContext, failureOf } from "./from-unknown.js";
export { isFtpReplyCode } from "./ftp-digits.js";
export { watchLibrarySocket, watchSsh2Socket } from "./library-socket.js";
export {
  type MessageParts,
  splitPrefixes,
  splitTextAndPath,
  type TextAndPath,
} from "./message-parts.js";
export {
  type DataSource,
  type GreetingProtocol,
  type GreetingWatch,
  isWrongProtocol,
  protocolOfGreeting,
  WrongProtocol,
  watchGreeting,
} from "./peer-greeting.js";
export {
  type Diagnosis,
  type PromiseCallOptions,
  PromiseCalls,
  promiseCallsOf,
  type Reader,
  type Upload,
} from "./promise-calls.js";
export { markLoss, markReconnect, type Reconnector, reconnectorOf } from "./reconnect-mark.js";
export {
  type Reconnectable,
  type ReconnectableOptions,
  reconnectable,
  retire,
} from "./reconnectable.js";
export { backoffDelay } from "./retry.js";
export { messageRules, type RuleRow } from "./rule-rows.js";
export { type ErrorShape, readErrorShape, safeGet, safeString, safeText } from "./safe.js";
export { secretsOf } from "./secrets.js";
export { greetingLine, MAX_GREETING, sshGreetingIn, sshGreetingOf } from "./server-greeting.js";
export { sftpFreeSpace } from "./sftp-free-space.js";
export {
  failedRequestOf,
  RequestWatch,
  sftpRequestOf,
  sftpStreamMethods,
} from "./sftp-requests.js";
export { sftpStatusTextRows, sftpStatusTexts } from "./sftp-status-texts.js";
export {
  checkedTransfer,
  countedThrough,
  isShortTransfer,
  ShortTransfer,
  shortfall,
  type TransferCheck,
  type TransferCount,
  type TransferKind,
} from "./short-transfer.js";
export { type Finding, findings, isSignal, type Signal, signals } from "./signals.js";
export {
  ssh2Advice,
  ssh2LevelRows,
  ssh2RebuiltAdvice,
  ssh2RebuiltRows,
  ssh2Rows,
} from "./ssh2-messages.js";
export {
  readSsh2Number,
  type Ssh2Failure,
  type Ssh2Shape,
  ssh2Failure,
  ssh2Shape,
} from "./ssh2-reading.js";
export { table } from "./table.js";
export type { TextRule } from "./text-rules.js";
export { tlsSecretsOf } from "./tls-secrets.js";
export { type AnyMethod, isThenable, wrapMethods } from "./wrap-methods.js";

// FTP wrappers

export { type AnyCodeRow, anyCodeRules } from "./any-code-rules.js";
export { type CallArguments, CallRecord, RunningCalls } from "./call-record.js";
export { addStateSignals, type CallState } from "./call-state.js";
export { convertingListeners } from "./error-listeners.js";
export {
  type ConnectionPhase,
  type EventClient,
  EventConnection,
} from "./event-connection.js";
export { ftpAdapterData } from "./ftp-adapter-data.js";
export {
  type FtpCallContext,
  type FtpCallOptions,
  FtpCalls,
  type FtpOperation,
  type TransferCounts,
} from "./ftp-calls.js";
export { splitsFtpCommand } from "./ftp-command.js";
export { oneLine, quotedReply, replyText } from "./ftp-reply-text.js";
export { holdDataReset } from "./ftp-reset-hold.js";
export { connecting, type FtpSession, ftpSession, watchFtpGreeting } from "./ftp-session.js";
export { type DirMove, nextWorkingDir } from "./ftp-working-dir.js";
export { watchPlainGreeting } from "./greeting-watch.js";
export { type CloseHold, holdClose } from "./held-close.js";
export { isLocalFileError } from "./local-file.js";
export { loginSecrets } from "./login-secrets.js";
export { type FailCall, PendingCalls } from "./pending-calls.js";
export { callWithPromise } from "./promise-call.js";
export { readSafely } from "./safe.js";
export type { WrapperOptions } from "./wrapper-options.js";
export { wrapperSignal } from "./wrapper-signals.js";
