// What ssh2's (and node-ssh's) texts say when their codes say nothing, as message rules in the
// core's format. Pinned to ssh2 1.17 and node-ssh 13.2; each was seen against OpenSSH or read in
// their source. The core decides from the reason and signals each names.
import { messageRules, type RuleRow, ssh2Rows } from "@transfer-errors/core/adapter";

/** The connection is gone; the failure came while connecting or logging in. */
const LOST = "client-closed";
const LOGIN = "connecting";
const ANY = undefined;

// A row on a message (whatever its code), or on one of ssh2's `level`s (read as the code).
// Consecutive rows with the same id are one rule whose pattern is cut to fit a line.
const rows: RuleRow[] = [
  ["auth", "auth-failed", /^/, "client-authentication", LOGIN],
  ["timeout", "timeout", /^/, "client-timeout", LOST], // readyTimeout, keepalive
  ["dns", "host-not-found", /^/, "client-dns", LOGIN],
  ["sftp-protocol", "protocol-error", /^/, "sftp-protocol", LOST],
  ["bad-options", "client-misuse", /^/, "ERR_ASSERTION"], // node-ssh's argument checks
  // Texts, most specific first. A DISCONNECT ("Too many authentication failures") has no level.
  ["auth", "auth-failed", /authentication methods failed|authentication failures?\b/i, ANY, LOGIN],
  // Requests pending when the channel or the connection closes; node-ssh's close before 'ready'.
  ["lost", "connection-lost", /^No response from server|^Not connected\b/, ANY, LOST],
  ["lost", "connection-lost", /^Channel is not open|^Connection lost before handshake/, ANY, LOST],
  // ssh2's messages about the server, the keys and the stream (the core's, as for
  // ssh2-sftp-client's adapter); the key's passphrase comes before the bad options.
  ...ssh2Rows,
  // Bounded: nothing between the words is the server's.
  [
    "no-subsystem",
    "unsupported",
    /^Received (?:exit code|signal) \S{1,20} while establishing SFTP/,
    ANY,
    LOGIN,
  ],
  ["no-channel", "service-unavailable", /Channel open failure|No free channels available/],
  ["bad-options", "client-misuse", /Cannot parse privateKey|privateKey value does not contain/],
  ["bad-options", "client-misuse", /Invalid username|valid agent path|Bad arguments/],
  ["bad-options", "client-misuse", /Client-only method|Cannot parse (?:mode|time)/],
  ["bad-options", "client-misuse", /Unknown flags string|is not a Buffer|out of bounds/],
  ["bad-options", "client-misuse", /extends beyond buffer|null position|missing directory handle/],
  ["corrupt-stream", "protocol-error", /Bad packet length|Invalid MAC|^Inbound: /, ANY, LOST],
  ["corrupt-stream", "protocol-error", /Received packet \d{1,3} instead of/, ANY, LOST],
  ["corrupt-stream", "protocol-error", /Received more data than requested/, ANY, LOST],
  // node-ssh's mkdir
  ["exists", "already-exists", /target already exists and is not a directory/],
  // The wrapper's own answer to a call on a session that needs a new connection.
  ["marked", "connection-lost", /was not sent: the SFTP session needs a new connection/, ANY, LOST],
];

export const libraryRules = messageRules(rows);
