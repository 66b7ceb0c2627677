import type { Reason } from "./reasons.js";
import { table } from "./table.js";

// Classification as data: the reason each code stands for when its text says nothing more.
// Kept apart from the explanation texts so that `isRetryable` alone stays small.

/** FTP replies whose reason is more precise than their digits say. */
export const ftpReplyReasons: Readonly<Partial<Record<number, Reason>>> = {
  120: "service-unavailable",
  421: "service-unavailable",
  425: "data-connection-failed",
  426: "transfer-aborted",
  430: "auth-failed",
  // "Need some unavailable resource to process security": in practice, TLS not set up on the server.
  431: "tls-failed",
  434: "service-unavailable",
  450: "file-unavailable",
  451: "server-error",
  452: "no-space",
  500: "bad-request",
  501: "bad-request",
  502: "unsupported",
  503: "bad-sequence",
  504: "unsupported",
  // RFC 959's example answers MKD with 521 "directory already exists"; RFC 1639 uses it for
  // unsupported address families, which no modern client asks for.
  521: "already-exists",
  522: "unsupported",
  530: "auth-failed",
  532: "permission-denied",
  533: "tls-required",
  534: "permission-denied",
  535: "tls-failed",
  536: "unsupported",
  537: "unsupported",
  550: "file-unavailable",
  // RFC 959's "page type unknown" belongs to a page structure no client uses; servers send 551
  // for a failure of their own while processing the request ("Error on input file").
  551: "server-error",
  552: "quota-exceeded",
  553: "invalid-name",
  554: "bad-request",
  555: "bad-request",
};

/** The reason of an FTP negative reply that the registry does not know, from its second digit. */
export const ftpAreaReasons: readonly Reason[] = [
  "bad-request", // x0z syntax
  "server-error", // x1z information
  "service-unavailable", // x2z connections
  "auth-failed", // x3z authentication and accounting
  "server-error", // x4z unspecified
  "file-unavailable", // x5z file system
];

/** SFTP statuses 0 to 31 (index = status); 0 is success and has none. */
export const sftpStatusReasons: readonly (Reason | undefined)[] = [
  undefined, // 0 OK
  "protocol-error", // 1 EOF: reading past the end
  "not-found",
  "permission-denied",
  "server-error", // 4 FAILURE: generic, refined from the text
  "bad-request", // 5 BAD_MESSAGE: OpenSSH sends it for invalid arguments (a name too long)
  "connection-lost", // 6 NO_CONNECTION (local)
  "connection-lost", // 7 CONNECTION_LOST (local)
  "unsupported",
  // 9 INVALID_HANDLE: a handle the server does not know (closed, never opened): the client's
  // mistake, as the bad-handle rule reads the same condition in a FAILURE's text.
  "client-misuse",
  "not-found", // 10 NO_SUCH_PATH
  "already-exists",
  "permission-denied", // 12 WRITE_PROTECT
  "file-unavailable", // 13 NO_MEDIA
  "no-space",
  "quota-exceeded",
  "bad-request", // 16 UNKNOWN_PRINCIPAL
  "file-busy", // 17 LOCK_CONFLICT
  "directory-not-empty",
  "not-a-directory",
  "invalid-name",
  "invalid-name", // 21 LINK_LOOP: the path cannot be resolved as given (ELOOP)
  "permission-denied", // 22 CANNOT_DELETE
  "bad-request", // 23 INVALID_PARAMETER
  "is-a-directory",
  "file-busy", // 25 BYTE_RANGE_LOCK_CONFLICT
  "file-busy", // 26 BYTE_RANGE_LOCK_REFUSED
  "file-busy", // 27 DELETE_PENDING
  "server-error", // 28 FILE_CORRUPT
  "bad-request", // 29 OWNER_INVALID
  "bad-request", // 30 GROUP_INVALID
  "bad-request", // 31 NO_MATCHING_BYTE_RANGE_LOCK
];

/** SSH transport disconnect reasons, RFC 4253 §11.1 (index = reason code). */
export const sshDisconnectReasonOf: readonly (Reason | undefined)[] = [
  undefined,
  "permission-denied", // 1 HOST_NOT_ALLOWED_TO_CONNECT
  "protocol-error",
  "protocol-error", // 3 KEY_EXCHANGE_FAILED: no common algorithm
  "protocol-error", // 4 RESERVED
  "connection-lost", // 5 MAC_ERROR: corruption on the wire
  "protocol-error", // 6 COMPRESSION_ERROR
  "service-unavailable", // 7 SERVICE_NOT_AVAILABLE
  "unsupported", // 8 PROTOCOL_VERSION_NOT_SUPPORTED
  "host-key-rejected", // 9 HOST_KEY_NOT_VERIFIABLE
  "connection-lost", // 10 CONNECTION_LOST
  "connection-lost", // 11 BY_APPLICATION
  "service-unavailable", // 12 TOO_MANY_CONNECTIONS
  "auth-failed", // 13 AUTH_CANCELLED_BY_USER
  "auth-failed", // 14 NO_MORE_AUTH_METHODS_AVAILABLE
  "auth-failed", // 15 ILLEGAL_USER_NAME
];

/** Windows Sockets errors that FTP tools (IIS logs, Windows clients) print as if they were replies. */
export const winsockReasons: Readonly<Partial<Record<number, Reason>>> = {
  10054: "connection-lost",
  10060: "timeout",
  10061: "connection-refused",
  10066: "directory-not-empty",
  10068: "service-unavailable",
};

/** Node.js system and library codes. TLS certificate codes are matched by `tlsCodePattern`. */
export const systemCodeReasons: Readonly<Partial<Record<string, Reason>>> = table({
  ECONNRESET: "connection-lost",
  ECONNABORTED: "connection-lost",
  EPIPE: "connection-lost",
  ERR_SOCKET_CLOSED: "connection-lost",
  ERR_STREAM_DESTROYED: "connection-lost",
  ERR_STREAM_PREMATURE_CLOSE: "connection-lost",
  ERR_STREAM_WRITE_AFTER_END: "connection-lost",
  ECONNREFUSED: "connection-refused",
  ETIMEDOUT: "timeout",
  ESOCKETTIMEDOUT: "timeout",
  ERR_TLS_HANDSHAKE_TIMEOUT: "timeout",
  ENOTFOUND: "host-not-found",
  EAI_AGAIN: "host-not-found",
  EAI_FAIL: "host-not-found",
  EAI_NONAME: "host-not-found",
  EHOSTUNREACH: "host-unreachable",
  EHOSTDOWN: "host-unreachable",
  ENETUNREACH: "host-unreachable",
  ENETDOWN: "host-unreachable",
  EADDRNOTAVAIL: "host-unreachable",
  ENOENT: "not-found",
  EACCES: "permission-denied",
  EPERM: "permission-denied",
  EEXIST: "already-exists",
  ENOTDIR: "not-a-directory",
  EISDIR: "is-a-directory",
  ENOTEMPTY: "directory-not-empty",
  ENOSPC: "no-space",
  EDQUOT: "quota-exceeded",
  ENAMETOOLONG: "invalid-name",
  EBUSY: "file-busy",
  EROFS: "permission-denied",
  EMFILE: "local-file-error",
  ENFILE: "local-file-error",
  // An argument a system call or Node refused: the caller's (an IPv6 address connect() cannot use).
  EINVAL: "client-misuse",
  ERR_INVALID_ARG_TYPE: "client-misuse",
  ERR_INVALID_ARG_VALUE: "client-misuse",
  ERR_OUT_OF_RANGE: "client-misuse",
  ERR_SOCKET_BAD_PORT: "client-misuse",
});

/** System codes whose condition usually clears by itself although their reason does not. */
export const transientSystemCodes: readonly string[] = ["EAI_AGAIN", "EBUSY", "EMFILE", "ENFILE"];

/** OpenSSL and Node TLS codes: certificate problems and handshake failures. */
export const tlsCodePattern =
  /^(?:ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_(?:GET|VERIFY|DECRYPT)_|HOSTNAME_MISMATCH|EPROTO$)/;
