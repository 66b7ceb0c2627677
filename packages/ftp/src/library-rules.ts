// What node-ftp (ftp 0.3.10, @icetee/ftp 0.3.15), promise-ftp 1.3.5 and this package's wrapper
// write into their errors, as message rules in the core's format. Not a documented API of those
// libraries: the integration tests run against the real ones and guard them.
import type { TextRule } from "@transfer-errors/core/adapter";

/** Texts node-ftp passes with a reply code (makeError) that are its own, not the server's. */
export const OWN_REPLY_TEXTS = new Set([
  "Unable to secure connection(s)",
  "Password required",
  "Compression not supported",
]);

/** The wrapper's own errors, for what node-ftp leaves hanging (their texts are matched below). */
export const WRAPPER_TEXT = {
  closed: "The connection closed before the call settled",
  notConnected: "Not connected: call connect() first",
  controlChars: "Invalid command: Contains control characters.",
} as const;

const rule = (
  id: string,
  reason: TextRule["reason"],
  pattern: RegExp,
  signals?: TextRule["signals"],
): TextRule =>
  signals
    ? { id, reason, pattern, anyCode: true, signals }
    : { id, reason, pattern, anyCode: true };

export const libraryRules: readonly TextRule[] = [
  rule("connect-timeout", "timeout", /^Timeout while connecting to server$/, ["client-timeout"]),
  rule(
    "data-connect-timeout",
    "data-connection-failed",
    /^Timed out while making data connection$/,
  ),
  rule("data-connect-failed", "data-connection-failed", /^Unable to make data connection/),
  rule("data-socket-error", "transfer-aborted", /^Unexpected data connection error: /),
  rule("pasv-unreadable", "protocol-error", /^Unable to parse PASV server response$/),
  rule("bad-date", "protocol-error", /^Invalid date\/time format from server$/, [
    "unreadable-reply",
  ]),
  // SIZE or MDTM answered 502: node-ftp listed the path instead and found not exactly one entry.
  rule("list-fallback", "not-found", /^File not found$/),
  rule("auth-tls-refused", "unsupported", /^Unable to secure connection\(s\)$/, ["tls-refused"]),
  rule("password-required", "auth-failed", /^Password required$/),
  rule("no-compression", "unsupported", /^Compression not supported$/),
  rule("connection-closed", "connection-lost", /^The connection closed before the call settled$/, [
    "server-closed",
  ]),
  rule("control-characters", "invalid-name", /^Invalid command: Contains control characters\.$/),
  rule("not-connected", "client-misuse", /^Not connected: call connect\(\) first$/, ["misuse"]),
  // promise-ftp (FtpConnectionError): the connection is gone, or was never opened.
  rule(
    "promise-ftp-disconnected",
    "connection-lost",
    /^can't [\w ']{1,40} when connection status is: '?disconnect(?:ed|ing)'?$/,
    ["client-closed"],
  ),
  rule("promise-ftp-state", "client-misuse", /^can't [\w ']{1,40} when connection status is: /, [
    "misuse",
  ]),
];
