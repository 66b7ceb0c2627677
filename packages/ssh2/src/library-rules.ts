// What ssh2's (and node-ssh's) texts say when their codes say nothing, as message rules in the
// core's format. Pinned to ssh2 1.17 and node-ssh 13.2; each was seen against OpenSSH or read in
// their source. The core decides from the reason and signals each names.
import { messageRules, type RuleRow, ssh2LevelRows, ssh2Rows } from "@transfer-errors/core/adapter";

/** The connection is gone. */
const LOST = "client-closed";
const ANY = undefined;

// A row on a message (whatever its code), or on one of ssh2's `level`s (read as the code).
// Consecutive rows with the same id are one rule whose pattern is cut to fit a line.
const rows: RuleRow[] = [
  ...ssh2LevelRows, // auth, timeout (readyTimeout, keepalive), dns
  ["sftp-protocol", "protocol-error", /^/, "sftp-protocol", LOST],
  ["bad-options", "client-misuse", /^/, "ERR_ASSERTION"], // node-ssh's argument checks
  // Texts, most specific first. Requests pending when the channel or the connection closes;
  // node-ssh's close before 'ready'.
  ["lost", "connection-lost", /^No response from server|^Not connected\b/, ANY, LOST],
  ["lost", "connection-lost", /^Channel is not open|^Connection lost before handshake/, ANY, LOST],
  // node-ssh's mkdir
  ["exists", "already-exists", /target already exists and is not a directory/],
  // ssh2's messages about the login, the server, the keys, the options and the stream, and the
  // wrapper's answer on a session that needs a new connection (the core's, as for
  // ssh2-sftp-client's adapter); the key's passphrase comes before the bad options.
  ...ssh2Rows,
];

export const libraryRules = messageRules(rows);
