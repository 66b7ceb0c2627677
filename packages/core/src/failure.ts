import type { Reason } from "./reasons.js";
import type { Protocol } from "./types.js";

/**
 * Which number system a numeric `code` belongs to. The same number means unrelated things in
 * each: 2 is SSH_FX_NO_SUCH_FILE as an SFTP status and PROTOCOL_ERROR as an SSH disconnect reason.
 */
export type CodeSpace =
  /** An FTP reply code, 100 to 699. */
  | "ftp-reply"
  /** An SFTP status code (`SSH_FX_*`), 0 to 31. */
  | "sftp-status"
  /** An SSH transport disconnect reason (RFC 4253 §11.1), 1 to 15. */
  | "ssh-disconnect"
  /** A Windows Sockets error number (10054 ...), as some FTP tools print them. */
  | "winsock"
  /** A Node.js / OpenSSL error code string (`"ECONNRESET"`, `"CERT_HAS_EXPIRED"`). */
  | "system"
  /** The client library's own code (`"ERR_NOT_CONNECTED"`): the adapter decides what it means. */
  | "library";

/**
 * What an adapter knows about one failure. The core classifies it (reason, retry hint),
 * explains it and redacts it; an adapter only fills in what it read from its client's error.
 */
export interface Failure {
  protocol: Protocol;
  /** The original code as the source gave it. */
  code?: number | string | undefined;
  /**
   * The number system of `code`. Default: a number is an FTP reply for `ftp` and an SFTP status
   * for `sftp`; a string is a system code.
   */
  codeSpace?: CodeSpace | undefined;
  /** The server's own text (FTP reply text without the code; SFTP status message). */
  serverMessage?: string | undefined;
  /** The client's message, when there is no server text (or in addition to it). */
  message?: string | undefined;
  /** The client method that failed (`"downloadTo"`, `"get"`). */
  operation?: string | undefined;
  /** The remote path involved. */
  path?: string | undefined;
  /** FTPS, or the failure happened on a TLS connection. */
  tls?: boolean | undefined;
  /** Set when the adapter knows better than the code (a local file error, a library code). */
  reason?: Reason | undefined;
  /** Set when the adapter knows the connection is closed or unusable. */
  reconnect?: boolean | undefined;
  /** Overrides the computed decision (use sparingly, with `why`). */
  retryable?: boolean | undefined;
  /** Why the adapter overrode the decision. */
  why?: string | undefined;
  /** Extra sentence for the explanation, from what only the adapter can know. */
  hint?: string | undefined;
  /** The original error, kept untouched as `cause`. */
  cause?: unknown;
  /** Exact strings to scrub from every text (the password, passphrase of this connection). */
  secrets?: readonly unknown[] | undefined;
}
