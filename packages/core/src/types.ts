import type { FtpReplyName, SftpStatusName } from "./code-names.js";
import type { Reason } from "./reasons.js";

export type Protocol = "ftp" | "sftp";

/** What a retry should do: the decision, and why it was taken. */
export interface RetryHint {
  /** Repeating the same operation can succeed without changing anything. */
  retryable: boolean;
  /** The connection is gone or unusable: open it again before retrying. */
  reconnect: boolean;
  /** The least time to wait before retrying, when the server said how long (or a busy server). */
  delayMs?: number;
  /**
   * The operation may have taken effect although it failed (the connection dropped before the
   * reply). Set only for operations that are not safe to repeat: `retryable` is then false, and
   * `withRetry` repeats them only with `retryAmbiguous: true`.
   */
  ambiguous?: boolean;
  /** One sentence: why this decision. */
  why: string;
}

/** The first digit of an FTP reply (RFC 959 §4.2.1; 6yz from RFC 2228). */
export type FtpKind =
  | "positive-preliminary"
  | "positive-completion"
  | "positive-intermediate"
  | "transient-negative"
  | "permanent-negative"
  | "protected";

/** The second digit of an FTP reply (RFC 959 §4.2.1). */
export type FtpArea =
  | "syntax"
  | "information"
  | "connections"
  | "authentication"
  | "unspecified"
  | "file-system";

/** A registry entry: one FTP reply code or one SFTP status code. */
export interface CodeInfo {
  protocol: Protocol;
  code: number;
  /** `"FILE_UNAVAILABLE"`, `"SSH_FX_NO_SUCH_FILE"`; `"UNKNOWN_<code>"` for an FTP code no RFC defines. */
  name: FtpReplyName | SftpStatusName | `UNKNOWN_${number}`;
  /** The official text of the defining document. */
  text: string;
  /** Plain English: what it means in practice. */
  meaning: string;
  /** What to do about it. */
  action: string;
  /** The defining document: `"RFC 959"`, `"draft-ietf-secsh-filexfer-13"`. */
  source: string;
  /** For negative outcomes: what went wrong, independent of protocol. */
  reason?: Reason;
  /** The default hint for this code alone (the server's text and the operation can refine it). */
  retryable: boolean;
  /** False when the entry was read from the digits alone. */
  known: boolean;
  /** FTP only: the first digit. */
  kind?: FtpKind;
  /** FTP only: the second digit. */
  area?: FtpArea;
  /** SFTP only: the protocol version that introduced the status (3 to 6). */
  version?: number;
}

/**
 * A Node.js system or library code (`"ECONNRESET"`, `"ERR_STREAM_PREMATURE_CLOSE"`), which a
 * TransferError carries as `code` when the failure was below FTP and SFTP: `explain` reads it
 * too. It belongs to neither protocol.
 */
export interface SystemCodeInfo {
  protocol: undefined;
  code: string;
  /** The code itself. */
  name: string;
  /** The standard text (strerror, getaddrinfo or Node's own message). */
  text: string;
  meaning: string;
  action: string;
  source: string;
  reason: Reason;
  /** The default hint for this code alone. */
  retryable: boolean;
  /** The connection must be opened again before a retry. */
  reconnect: boolean;
  known: true;
  system: true;
}

/** The texts of one registry entry: the data that `ftp-replies.ts` and `sftp-statuses.ts` hold. */
export interface CodeText {
  code: number;
  name: CodeInfo["name"];
  text: string;
  meaning: string;
  action: string;
  source: string;
}

export interface SftpStatusText extends CodeText {
  /** The protocol version that introduced the status (3 to 6). */
  version: 3 | 4 | 5 | 6;
}
