// What the libraries' texts say when their codes say nothing, as message rules in the core's
// format. Pinned to ssh2-sftp-client 12.1 and ssh2 1.17; each was seen against OpenSSH or read in
// their source. The core decides from the reason and signals each names.
import {
  messageRules,
  type RuleRow,
  sftpStatusTextRows,
  ssh2LevelRows,
  ssh2RebuiltRows,
  ssh2Rows,
  type TextRule,
  table,
} from "@transfer-errors/core/adapter";

/** The methods behind ssh2-sftp-client's internal prefixes ("prefix:method"), so `operation` names a public method. */
export const publicMethodOf: Readonly<Record<string, string | undefined>> = table(
  Object.fromEntries(
    (
      "getConnection:connect _xstat:stat _rename:rename _posixRename:posixRename _chmod:chmod " +
      "_put:put _fastPut:fastPut fastgPut:fastPut _fastGet:fastGet _append:append _mkdir:mkdir " +
      "_doMkdir:mkdir _rcopy:rcopy uploadFiles:uploadDir getLocalStatus:uploadDir " +
      "getRemoteStatus:uploadDir downloadFiles:downloadDir prepareDestination:downloadDir " +
      "_prepareDestination:downloadDir"
    )
      .split(" ")
      .map((pair) => pair.split(":")),
  ),
);

/** Phrases the library puts between the method names in front of a message. */
export const connectors: readonly string[] = [
  "Re-thrown: ",
  "Write stream error: ",
  "Read stream error: ",
  "Remote host has reset the connection: ",
];

/** ssh2-sftp-client's own error codes (its `errorCode` table). */
export const libraryCodes: ReadonlySet<string> = new Set(
  "ERR_NOT_CONNECTED ERR_GENERIC_CLIENT ERR_BAD_PATH ERR_BAD_AUTH".split(" "),
);

const BAD_PATH = "ERR_BAD_PATH";

// Consecutive rows with the same id are one rule whose pattern is cut to fit a line.
const rows: RuleRow[] = [
  // ssh2's connection-level errors by their `level` (read as the library's code when it has none).
  ...ssh2LevelRows,
  // fastGet and rcopy drop the SFTP status and keep only its text.
  ...sftpStatusTextRows("ERR_GENERIC_CLIENT"),
  // ERR_BAD_PATH: the library's checks before (or instead of) asking the server; _doMkdir turns
  // the server's generic SSH_FX_FAILURE (4) into "permission denied".
  ["mkdir-failure", "server-error", /permission denied$/, BAD_PATH],
  ["parent-missing", "not-found", /parent not a directory or not exist/, BAD_PATH],
  ["exists", "already-exists", /already exists/, BAD_PATH],
  ["append-to-dir", "is-a-directory", /cannot append to a directory/, BAD_PATH],
  ["append-file", "client-misuse", /Cannot append one file to another/, BAD_PATH],
  ["missing", "not-found", /No such (?:file|directory)|Source does not exist|not exist/i, BAD_PATH],
  ["not-dir", "not-a-directory", /Not a directory/i, BAD_PATH],
  ["not-file", "is-a-directory", /Not a regular file|Source not a file/i, BAD_PATH],
  // Code-less texts of ssh2 (without the level the library dropped) and ssh2-sftp-client, most
  // specific first.
  ...ssh2RebuiltRows,
  ["lost", "connection-lost", /Unexpected (?:end|close) event|No response from server/],
  ["lost", "connection-lost", /Not connected\b|Channel is not open/],
  ["no-session", "connection-lost", /No SFTP connection available/],
  [
    "no-session",
    "connection-lost",
    /Cannot read properties of undefined \(reading '(?:unlink|realpath|stat|lstat|readdir|open|rename|mkdir|rmdir)'\)/,
  ],
  ["connected-twice", "client-misuse", /An existing SFTP connection is already defined/],
  // ssh2's messages about the login, the server, the keys, the options and the stream, and the
  // wrapper's answer on a client that needs a new connection (the core's, as for ssh2's adapter).
  ...ssh2Rows,
  ["not-connected", "connection-lost", /^/, "ERR_NOT_CONNECTED"],
  ["auth", "auth-failed", /^/, "ERR_BAD_AUTH"],
];

export const libraryRules: readonly TextRule[] = messageRules(rows);
