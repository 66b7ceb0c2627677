// What basic-ftp (5.x and 6.x) writes into its errors, as message rules in the core's format: the
// reason each of its own messages stands for, and what else it tells. These texts are not a
// documented API of basic-ftp: the integration tests run against the real library and guard them.
import type { TextRule } from "@transfer-errors/core/adapter";

/** basic-ftp repeats the closing error in every later call: "Client is closed because ...". */
const closedBecause = "^(?:Client is closed because ){0,3}";
const at = (text: string) => new RegExp(`${closedBecause}${text}`);

export const CLIENT_CLOSED = "Client is closed because ";

/** The class name basic-ftp gives its reply errors. */
export const FTP_ERROR_NAME = "FTPError";

/** basic-ftp appends one of these to every error of a socket it owns. */
export function socketOf(message: string): "control" | "data" | undefined {
  if (message.endsWith(" (data socket)")) return "data";
  if (message.endsWith(" (control socket)")) return "control";
  return undefined;
}

/** Neither EPSV nor PASV worked on the first transfer; the last error follows, quoted. */
export const NO_TRANSFER_STRATEGY =
  /^None of the available transfer strategies work\. Last error response was '([\s\S]*)'\.?$/;

export const libraryRules: readonly TextRule[] = [
  {
    id: "socket-timeout-data",
    reason: "timeout",
    pattern: at("Timeout \\(data socket\\)$"),
    anyCode: true,
    signals: ["client-timeout"],
  },
  {
    id: "socket-timeout-control",
    reason: "timeout",
    pattern: at("Timeout \\(control socket\\)$"),
    anyCode: true,
    signals: ["client-timeout"],
  },
  {
    id: "listing-too-large",
    reason: "protocol-error",
    pattern: at("StringWriter: Maximum bytes exceeded"),
    anyCode: true,
    signals: ["client-closed"],
  },
  {
    id: "server-closed",
    reason: "connection-lost",
    pattern: at(
      "(?:Server sent FIN packet unexpectedly|Server closed connection unexpectedly|Socket closed due to transmission error)",
    ),
    anyCode: true,
    signals: ["server-closed"],
  },
  {
    id: "control-disconnected",
    reason: "connection-lost",
    pattern: at("Control socket is disconnected"),
    anyCode: true,
    signals: ["client-closed"],
  },
  {
    id: "closed-by-application",
    reason: "client-misuse",
    pattern: at("User closed client(?: during task)?$"),
    anyCode: true,
    signals: ["closed-by-application"],
  },
  {
    // A later, well-behaved call on a client that closed for two earlier calls at once.
    id: "closed-after-misuse",
    reason: "connection-lost",
    pattern: /^Client is closed: an earlier call started while another was still running/,
    anyCode: true,
    signals: ["client-closed"],
  },
  {
    id: "concurrent-task",
    reason: "client-misuse",
    pattern: at("User launched a task while another one is still running"),
    anyCode: true,
    signals: ["misuse", "client-closed"],
  },
  {
    id: "control-characters",
    reason: "invalid-name",
    pattern: at("Invalid command: Contains control characters\\."),
    anyCode: true,
  },
  {
    id: "passive-open-failed",
    reason: "data-connection-failed",
    pattern: at("Can't open data connection in passive mode: "),
    anyCode: true,
  },
  {
    id: "data-connect-timeout",
    reason: "data-connection-failed",
    pattern: at("Timeout when trying to open data connection to "),
    anyCode: true,
  },
  {
    id: "passive-other-host",
    reason: "data-connection-failed",
    pattern: at("PASV returned another host"),
    anyCode: true,
    signals: ["data-connection-config"],
  },
  {
    // A 3xx reply during a transfer (the server wants more, e.g. an account): basic-ftp closes.
    id: "unexpected-reply",
    reason: "protocol-error",
    pattern: at("Unexpected FTP response is requesting an answer: \\d{3}"),
    anyCode: true,
    signals: ["client-closed"],
  },
  {
    // A passive-mode reply without a complete address: the line was cut off in transit. A
    // complete 227/229 from any server parses; one that really sends none fails again.
    id: "truncated-passive",
    reason: "connection-lost",
    pattern: at(
      "Can't parse (?:response to '(?:EPSV|PASV)'|EPSV response|PASV response)[^:\\n]{0,200}: 22[79][ -][^)\\n]*$",
    ),
    anyCode: true,
  },
  {
    id: "unreadable-reply",
    reason: "protocol-error",
    pattern: at(
      "(?:Can't parse response to |Can't parse EPSV response|Can't parse PASV response|This library only supports MLSD, Unix- or DOS-style directory listing|FTP control response exceeded maximum allowed size)",
    ),
    anyCode: true,
  },
  {
    // basic-ftp 6.1+: the local file changed size while it was being uploaded.
    id: "local-file-changed",
    reason: "local-file-error",
    pattern: at('Local file "[^"\\n]{0,4096}" changed while it was being uploaded'),
    anyCode: true,
    signals: ["local-file-changed"],
  },
  {
    // Internal invariants of basic-ftp's transfer code ("should not happen", seen after 125 replies).
    id: "no-data-connection",
    reason: "data-connection-failed",
    pattern: /no data connection/,
    anyCode: true,
  },
  {
    // basic-ftp ignores the MKD error and reports the CWD that follows it (basic-ftp issue #218).
    id: "ensure-dir",
    reason: "file-unavailable",
    pattern: /^/,
    ftp: [550],
    operations: ["ensureDir"],
  },
];
