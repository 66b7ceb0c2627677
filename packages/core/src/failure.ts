import type { Reason } from "./reasons.js";
import type { ReplyCatalog } from "./reply-catalog.js";
import type { Finding, Signal } from "./signals.js";
import type { TextRule } from "./text-rules.js";
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
  /** The client library's own code (`"ERR_NOT_CONNECTED"`): its message rules say what it means. */
  | "library";

/** What an adapter knows about the operation that failed: its table of operations, as data. */
export interface OperationTraits {
  /**
   * Repeating it after it took effect changes nothing (a download, an upload that overwrites).
   * Default true. False for an append or a rename: after an ambiguous loss they are not retried.
   */
  idempotent?: boolean | undefined;
  /** It opens the connection or logs in: a failure leaves no usable connection. */
  connects?: boolean | undefined;
  /** The FTP commands or SFTP requests it sends (`["RETR"]`): the catalogs' replies are per command. */
  commands?: readonly string[] | undefined;
}

/** Texts an adapter adds to an explanation, keyed by one of its rule ids, a signal or a reason. */
export type Advice = Readonly<Partial<Record<string, string>>>;

/**
 * The facts of one failure, as an adapter read them from its client's error. The core alone
 * decides from them (reason, retry hint), explains and redacts.
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
  /** What the adapter's table says about `operation`. */
  traits?: OperationTraits | undefined;
  /** The remote path involved. */
  path?: string | undefined;
  /**
   * The SFTP request that got the failing status (`"READ"`), when the adapter saw which one did
   * (`RequestWatch`): one method sends several, and a server can mean different things by the
   * same status to each. The catalogs' replies keyed to requests are then read for it alone.
   */
  request?: string | undefined;
  /**
   * The server's first line, which names its software: its SSH identification string
   * (`SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10`) or the first line of its FTP 220 greeting
   * (`220 ProFTPD Server (Debian) [::ffff:10.0.0.5]`). Where it names a catalogued product, a
   * reply that product reads otherwise than most servers ("Failure" to MKDIR from OpenSSH) is
   * read as that product means it. Only its first line, up to 255 characters, is read.
   */
  serverGreeting?: string | undefined;
  /** FTPS, or the failure happened on a TLS connection. */
  tls?: boolean | undefined;
  /** What only the adapter saw (the client closed itself, a local file failed ...). */
  signals?: readonly Signal[] | undefined;
  /** What a follow-up check of the paths found (an opt-in probe after a generic refusal). */
  finding?: Finding | undefined;
  /** The adapter's message rules, in the core's format: tried on `message` before the core's own. */
  rules?: readonly TextRule[] | undefined;
  /** Replies known from the servers' sources (`@transfer-errors/core/catalog`), matched first. */
  catalog?: ReplyCatalog | undefined;
  /** The adapter's advice texts for the explanation. */
  advice?: Advice | undefined;
  /**
   * An application's own reading of a failure it makes itself. Adapters leave it out: they say
   * what they saw (signals, rules) and the core decides. A value that is not a Reason is ignored.
   */
  reason?: Reason | undefined;
  /** The original error, kept untouched as `cause`. */
  cause?: unknown;
  /** Exact strings to scrub from every text (the password, passphrase of this connection). */
  secrets?: readonly unknown[] | undefined;
}
