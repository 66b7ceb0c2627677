// @transfer-errors/core/registry: the raw tables, as data. Everything the package says is derived
// from these: explanations, the CLI's output, the reference site.
export { classify, codeSpaceOf } from "./classify.js";
export {
  type CodeName,
  type FtpReplyCode,
  type FtpReplyName,
  ftpReplyNames,
  type SftpStatusName,
  type SshDisconnectName,
  sftpStatusNames,
  sshDisconnectNames,
  type WinsockName,
  winsockNames,
} from "./code-names.js";
export {
  ftpAreaReasons,
  ftpReplyReasons,
  sftpStatusReasons,
  sshDisconnectReasonOf,
  systemCodeReasons,
  tlsCodePattern,
  transientSystemCodes,
  winsockReasons,
} from "./code-reasons.js";
export { ftpAreas, ftpAreaTexts, ftpKinds, ftpKindTexts, isFtpReplyCode } from "./ftp-digits.js";
export { ftpReplies } from "./ftp-replies.js";
export { ambiguousReasons, reasonRetry, reconnectReasons, signalWhy } from "./reason-policy.js";
export { reasonTexts } from "./reason-texts.js";
export { explain, listCodes } from "./registry.js";
export { sftpStatuses } from "./sftp-statuses.js";
export { findingReasons, findings, signalPolicy, signals } from "./signals.js";
export { sshDisconnectReasons } from "./ssh-disconnect-reasons.js";
export { type TextRule, textRules } from "./text-rules.js";
export type {
  CodeInfo,
  CodeText,
  FtpArea,
  FtpKind,
  SftpStatusText,
  SystemCodeInfo,
} from "./types.js";
export { winsockErrors } from "./winsock-errors.js";
