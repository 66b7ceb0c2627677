// What basic-ftp (5.x and 6.x) writes into its errors, as message rules in the core's format: the
// reason each of its own messages stands for, and what else it tells. These texts are not a
// documented API of basic-ftp: the integration tests run against the real library and guard them.
import { type AnyCodeRow, anyCodeRules, type TextRule } from "@transfer-errors/core/adapter";

/** basic-ftp repeats the closing error in every later call: "Client is closed because ...". */
export const CLIENT_CLOSED = "Client is closed because ";
const at = (text: string) => new RegExp(`^(?:${CLIENT_CLOSED}){0,3}${text}`);

/** What a call meets on a client that two earlier calls at once made basic-ftp close. */
export const AFTER_MISUSE =
  "Client is closed: an earlier call started while another was still running, and basic-ftp closed the client then";

/** basic-ftp appends one of these to every error of a socket it owns. */
export function socketOf(message: string): "control" | "data" | undefined {
  if (message.endsWith(" (data socket)")) return "data";
  if (message.endsWith(" (control socket)")) return "control";
  return undefined;
}

/** Neither EPSV nor PASV worked on the first transfer; the last error follows, quoted. */
export const NO_STRATEGY =
  /^None of the available transfer strategies work\. Last error response was '([\s\S]*)'\.?$/;
/** basic-ftp's messages that quote a reply. */
export const QUOTED_REPLY = /^FTPError: (\d{3})(?:[ -]([\s\S]*))?$/;
export const UNEXPECTED_REPLY =
  /^Unexpected FTP response is requesting an answer: (\d{3})(?:[ -]([\s\S]*))?$/;

const serverClosed =
  "(?:Server sent FIN packet unexpectedly|Server closed connection unexpectedly|Socket closed due to transmission error)";
// A passive-mode reply without a complete address: the line was cut off in transit. A complete
// 227/229 from any server parses; one that really sends none fails again.
const truncatedPassive =
  "Can't parse (?:response to '(?:EPSV|PASV)'|EPSV response|PASV response)[^:\\n]{0,200}: 22[79][ -][^)\\n]*$";
const unreadable =
  "(?:Can't parse response to |Can't parse EPSV response|Can't parse PASV response|This library only supports MLSD, Unix- or DOS-style directory listing|FTP control response exceeded maximum allowed size)";

// biome-ignore format: a table, one rule a line
const rows: AnyCodeRow[] = [
  ["socket-timeout-data", "timeout", at("Timeout \\(data socket\\)$"), "client-timeout"],
  ["socket-timeout-control", "timeout", at("Timeout \\(control socket\\)$"), "client-timeout"],
  ["listing-too-large", "protocol-error", at("StringWriter: Maximum bytes exceeded"), "client-closed"],
  ["server-closed", "connection-lost", at(serverClosed), "server-closed"],
  ["control-disconnected", "connection-lost", at("Control socket is disconnected"), "client-closed"],
  ["closed-by-application", "client-misuse", at("User closed client(?: during task)?$"), "closed-by-application"],
  // A later, well-behaved call on a client that closed for two earlier calls at once.
  ["closed-after-misuse", "connection-lost", /^Client is closed: an earlier call started while another was still running/, "client-closed"],
  ["concurrent-task", "client-misuse", at("User launched a task while another one is still running"), "misuse", "client-closed"],
  ["control-characters", "invalid-name", at("Invalid command: Contains control characters\\.")],
  ["passive-open-failed", "data-connection-failed", at("Can't open data connection in passive mode: ")],
  ["data-connect-timeout", "data-connection-failed", at("Timeout when trying to open data connection to ")],
  ["passive-other-host", "data-connection-failed", at("PASV returned another host"), "data-connection-config"],
  // A 3xx reply during a transfer (the server wants more, e.g. an account): basic-ftp closes.
  ["unexpected-reply", "protocol-error", at("Unexpected FTP response is requesting an answer: \\d{3}"), "client-closed"],
  ["truncated-passive", "connection-lost", at(truncatedPassive)],
  ["unreadable-reply", "protocol-error", at(unreadable)],
  // basic-ftp 6.1+: the local file changed size while it was being uploaded.
  ["local-file-changed", "local-file-error", at('Local file "[^"\\n]{0,4096}" changed while it was being uploaded'), "local-file-changed"],
  // Internal invariants of basic-ftp's transfer code ("should not happen", seen after 125 replies).
  ["no-data-connection", "data-connection-failed", /no data connection/],
];

export const libraryRules: readonly TextRule[] = [
  ...anyCodeRules(rows),
  // basic-ftp ignores the MKD error and reports the CWD that follows it (basic-ftp issue #218).
  {
    id: "ensure-dir",
    reason: "file-unavailable",
    pattern: /^/,
    ftp: [550],
    operations: ["ensureDir"],
  },
];
