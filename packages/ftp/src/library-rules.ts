// What node-ftp (ftp 0.3.10, @icetee/ftp 0.3.15), promise-ftp 1.3.5 and this package's wrapper
// write into their errors, as message rules in the core's format. Not a documented API of those
// libraries: the integration tests run against the real ones and guard them.
import { type AnyCodeRow, anyCodeRules, type TextRule } from "@transfer-errors/core/adapter";

/** Texts node-ftp passes with a reply code (makeError) that are its own, not the server's. */
export const OWN_REPLY_TEXTS = new Set([
  "Unable to secure connection(s)",
  "Password required",
  "Compression not supported",
]);

/** The wrapper's own errors, for what node-ftp leaves waiting (matched by the rules below). */
export const WRAPPER_TEXT = {
  closed: "The connection closed before the call settled",
  notConnected: "Not connected: call connect() first",
  controlChars: "Invalid command: Contains control characters.",
} as const;

/** promise-ftp's FtpConnectionError ("can't perform 'get' command when connection status is: "). */
const status = "^can't [\\w ']{1,40} when connection status is: ";

// biome-ignore format: a table, one rule a line
const rows: AnyCodeRow[] = [
  ["connect-timeout", "timeout", /^Timeout while connecting to server$/, "client-timeout"],
  ["data-connect-timeout", "data-connection-failed", /^Timed out while making data connection$/],
  ["data-connect-failed", "data-connection-failed", /^Unable to make data connection/],
  ["data-socket-error", "transfer-aborted", /^Unexpected data connection error: /],
  ["pasv-unreadable", "protocol-error", /^Unable to parse PASV server response$/],
  ["bad-date", "protocol-error", /^Invalid date\/time format from server$/, "unreadable-reply"],
  // SIZE or MDTM answered 502: node-ftp listed the path instead and found not exactly one entry.
  ["list-fallback", "not-found", /^File not found$/],
  ["auth-tls-refused", "unsupported", /^Unable to secure connection\(s\)$/, "tls-refused"],
  ["password-required", "auth-failed", /^Password required$/],
  ["no-compression", "unsupported", /^Compression not supported$/],
  ["connection-closed", "connection-lost", /^The connection closed before the/, "server-closed"],
  ["control-characters", "invalid-name", /^Invalid command: Contains control characters\.$/],
  ["not-connected", "client-misuse", /^Not connected: call connect\(\) first$/, "misuse"],
  // "disconnecting" is set by end() and destroy(): the app's own end, but also the wrapper's destroy
  // after a deadline, which the next call meets before the close: read as lost, like "disconnected".
  ["disconnected", "connection-lost", new RegExp(`${status}'?disconnect`), "client-closed"],
  ["connection-state", "client-misuse", new RegExp(status), "misuse"],
];

export const libraryRules: readonly TextRule[] = anyCodeRules(rows);
