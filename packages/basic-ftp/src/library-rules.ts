// What basic-ftp (5.x and 6.x) writes into its errors, as message rules in the core's format: the
// reason each of its own messages stands for, and what else it tells. These texts are not a
// documented API of basic-ftp: the integration tests run against the real library and guard them.
import type { Signal, TextRule } from "@transfer-errors/core/adapter";

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

type Reason = TextRule["reason"];

/** [id, reason, pattern of basic-ftp's own message, what else it tells]; any code. */
const messages: [string, Reason, RegExp, Signal[]?][] = [
  ["socket-timeout-data", "timeout", at("Timeout \\(data socket\\)$"), ["client-timeout"]],
  ["socket-timeout-control", "timeout", at("Timeout \\(control socket\\)$"), ["client-timeout"]],
  [
    "listing-too-large",
    "protocol-error",
    at("StringWriter: Maximum bytes exceeded"),
    ["client-closed"],
  ],
  [
    "server-closed",
    "connection-lost",
    at(
      "(?:Server sent FIN packet unexpectedly|Server closed connection unexpectedly|Socket closed due to transmission error)",
    ),
    ["server-closed"],
  ],
  [
    "control-disconnected",
    "connection-lost",
    at("Control socket is disconnected"),
    ["client-closed"],
  ],
  [
    "closed-by-application",
    "client-misuse",
    at("User closed client(?: during task)?$"),
    ["closed-by-application"],
  ],
  // A later, well-behaved call on a client that closed for two earlier calls at once.
  [
    "closed-after-misuse",
    "connection-lost",
    /^Client is closed: an earlier call started while another was still running/,
    ["client-closed"],
  ],
  [
    "concurrent-task",
    "client-misuse",
    at("User launched a task while another one is still running"),
    ["misuse", "client-closed"],
  ],
  ["control-characters", "invalid-name", at("Invalid command: Contains control characters\\.")],
  [
    "passive-open-failed",
    "data-connection-failed",
    at("Can't open data connection in passive mode: "),
  ],
  [
    "data-connect-timeout",
    "data-connection-failed",
    at("Timeout when trying to open data connection to "),
  ],
  [
    "passive-other-host",
    "data-connection-failed",
    at("PASV returned another host"),
    ["data-connection-config"],
  ],
  // A 3xx reply during a transfer (the server wants more, e.g. an account): basic-ftp closes.
  [
    "unexpected-reply",
    "protocol-error",
    at("Unexpected FTP response is requesting an answer: \\d{3}"),
    ["client-closed"],
  ],
  // A passive-mode reply without a complete address: the line was cut off in transit. A
  // complete 227/229 from any server parses; one that really sends none fails again.
  [
    "truncated-passive",
    "connection-lost",
    at(
      "Can't parse (?:response to '(?:EPSV|PASV)'|EPSV response|PASV response)[^:\\n]{0,200}: 22[79][ -][^)\\n]*$",
    ),
  ],
  [
    "unreadable-reply",
    "protocol-error",
    at(
      "(?:Can't parse response to |Can't parse EPSV response|Can't parse PASV response|This library only supports MLSD, Unix- or DOS-style directory listing|FTP control response exceeded maximum allowed size)",
    ),
  ],
  // basic-ftp 6.1+: the local file changed size while it was being uploaded.
  [
    "local-file-changed",
    "local-file-error",
    at('Local file "[^"\\n]{0,4096}" changed while it was being uploaded'),
    ["local-file-changed"],
  ],
  // Internal invariants of basic-ftp's transfer code ("should not happen", seen after 125 replies).
  ["no-data-connection", "data-connection-failed", /no data connection/],
];

export const libraryRules: readonly TextRule[] = [
  ...messages.map(
    ([id, reason, pattern, signals]): TextRule => ({
      id,
      reason,
      pattern,
      anyCode: true,
      ...(signals ? { signals } : {}),
    }),
  ),
  {
    // basic-ftp ignores the MKD error and reports the CWD that follows it (basic-ftp issue #218).
    id: "ensure-dir",
    reason: "file-unavailable",
    pattern: /^/,
    ftp: [550],
    operations: ["ensureDir"],
  },
];
