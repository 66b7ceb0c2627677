// What the libraries' texts say when their codes say nothing, as message rules in the core's
// format. Pinned to ssh2-sftp-client 12.1 and ssh2 1.17; each was seen against OpenSSH or read in
// their source. The core decides from the reason and signals each names.
import type { Signal, TextRule } from "@transfer-errors/core/adapter";
import { table as lookupTable } from "@transfer-errors/core/adapter";

/** The methods behind ssh2-sftp-client's internal prefixes, so `operation` names a public method. */
export const publicMethodOf: Readonly<Record<string, string | undefined>> = lookupTable({
  getConnection: "connect",
  _xstat: "stat",
  _rename: "rename",
  _posixRename: "posixRename",
  _chmod: "chmod",
  _put: "put",
  _fastPut: "fastPut",
  fastgPut: "fastPut",
  _fastGet: "fastGet",
  _append: "append",
  _mkdir: "mkdir",
  _doMkdir: "mkdir",
  _rcopy: "rcopy",
  uploadFiles: "uploadDir",
  getLocalStatus: "uploadDir",
  getRemoteStatus: "uploadDir",
  downloadFiles: "downloadDir",
  prepareDestination: "downloadDir",
  _prepareDestination: "downloadDir",
});

/** Phrases the library puts between the method names in front of a message. */
export const connectors: readonly string[] = [
  "Re-thrown: ",
  "Write stream error: ",
  "Read stream error: ",
  "Remote host has reset the connection: ",
];

/** The texts OpenSSH and ssh2 give SFTP statuses 1 to 8: a message that is one of them is a status. */
export const sftpStatusTexts: ReadonlySet<string> = new Set([
  "End of file",
  "No such file",
  "No such file or directory",
  "Permission denied",
  "Failure",
  "Bad message",
  "No connection",
  "Connection lost",
  "Operation unsupported",
]);

type Reason = TextRule["reason"];
const ANY = undefined;

/** [id, reason, pattern, the library code it is about (or any code), what else it tells]. */
const table: [string, Reason, RegExp, string | string[] | undefined, Signal?][] = [
  // ssh2's connection-level errors by their `level` (read as the library's code when it has none).
  ["auth", "auth-failed", /^/, "client-authentication"],
  ["timeout", "timeout", /^/, "client-timeout", "client-closed"],
  ["dns", "host-not-found", /^/, "client-dns"],
  // fastGet and rcopy drop the SFTP status and keep only its text.
  ["status-2", "not-found", /^No such file(?: or directory)?$/, "ERR_GENERIC_CLIENT"],
  ["status-3", "permission-denied", /^Permission denied$/, "ERR_GENERIC_CLIENT"],
  ["status-4", "server-error", /^Failure$/, "ERR_GENERIC_CLIENT"],
  ["status-5", "bad-request", /^Bad message$/, "ERR_GENERIC_CLIENT"],
  ["status-6", "connection-lost", /^(?:No connection|Connection lost)$/, "ERR_GENERIC_CLIENT"],
  ["status-8", "unsupported", /^Operation unsupported$/, "ERR_GENERIC_CLIENT"],
  ["status-1", "protocol-error", /^End of file$/, "ERR_GENERIC_CLIENT"],
  // ERR_BAD_PATH: the library's checks before (or instead of) asking the server; _doMkdir turns
  // the server's generic SSH_FX_FAILURE (4) into "permission denied".
  ["mkdir-failure", "server-error", /permission denied$/, "ERR_BAD_PATH"],
  ["parent-missing", "not-found", /parent not a directory or not exist/, "ERR_BAD_PATH"],
  ["exists", "already-exists", /already exists/, "ERR_BAD_PATH"],
  ["append-to-dir", "is-a-directory", /cannot append to a directory/, "ERR_BAD_PATH"],
  ["append-file", "client-misuse", /Cannot append one file to another/, "ERR_BAD_PATH"],
  [
    "missing",
    "not-found",
    /No such (?:file|directory)|Source does not exist|not exist/i,
    "ERR_BAD_PATH",
  ],
  ["not-dir", "not-a-directory", /Not a directory/i, "ERR_BAD_PATH"],
  ["not-file", "is-a-directory", /Not a regular file|Source not a file/i, "ERR_BAD_PATH"],
  // Code-less texts of ssh2 and ssh2-sftp-client, most specific first.
  ["auth", "auth-failed", /All configured authentication methods failed/, ANY, "connecting"],
  ["auth", "auth-failed", /authentication failures?\b|Authentication failed/i, ANY, "connecting"],
  [
    "host-key",
    "host-key-rejected",
    /Host denied \(verification failed\)|Host key does not match|signature verification failed/,
    ANY,
    "connecting",
  ],
  ["handshake-timeout", "timeout", /Timed out while waiting for handshake/, ANY],
  ["keepalive", "timeout", /Keepalive timeout/, ANY],
  ["lost-before-handshake", "connection-lost", /Connection lost before handshake/, ANY],
  [
    "lost",
    "connection-lost",
    /Unexpected (?:end|close) event|No response from server|Not connected\b|Channel is not open/,
    ANY,
  ],
  [
    "no-session",
    "connection-lost",
    /No SFTP connection available|Cannot read properties of undefined \(reading '(?:unlink|realpath|stat|lstat|readdir|open|rename|mkdir|rmdir)'\)/,
    ANY,
  ],
  ["connected-twice", "client-misuse", /An existing SFTP connection is already defined/, ANY],
  ["dns", "host-not-found", /Error while looking up IPv[46] address/, ANY],
  ["no-algorithm", "unsupported", /Handshake failed: no matching/, ANY, "connecting"],
  [
    "no-subsystem",
    "unsupported",
    /Unable to start subsystem: sftp|Received (?:exit code|signal) [^\n]{0,200} while establishing SFTP session|unexpected SFTP session termination/,
    ANY,
    "connecting",
  ],
  ["no-extension", "unsupported", /Server does not support this extended request/, ANY],
  [
    "no-channel",
    "service-unavailable",
    /\(SSH\) Channel open failure|No free channels available/,
    ANY,
  ],
  [
    "key-passphrase",
    "auth-failed",
    /\bbad passphrase\b|\bbad decrypt\b|\bintegrity check failed\b|\bbut no passphrase given\b/,
    ANY,
    "connecting",
  ],
  [
    "bad-options",
    "client-misuse",
    /Cannot parse privateKey|privateKey value does not contain|Invalid username|You must set a valid agent path|Bad arguments|Client-only method|Cannot parse (?:mode|time)|Unknown flags string/,
    ANY,
  ],
  [
    "not-ssh",
    "protocol-error",
    /Invalid identification string|Header line too long|Max greeting lines exceeded|Invalid header: expected newline/,
    ANY,
    "connecting",
  ],
  [
    "corrupt-stream",
    "protocol-error",
    /Bad packet length|Invalid MAC|Inbound: |Received malformed|KEXINIT|Received packet \d+ instead of/,
    ANY,
    "client-closed",
  ],
  [
    "marked",
    "connection-lost",
    /was not sent: the client needs a new connection/,
    ANY,
    "client-closed",
  ],
  ["not-connected", "connection-lost", /^/, "ERR_NOT_CONNECTED"],
  ["auth", "auth-failed", /^/, "ERR_BAD_AUTH"],
];

export const libraryRules: readonly TextRule[] = table.map(([id, reason, pattern, on, signal]) => ({
  id,
  reason,
  pattern,
  ...(on === undefined ? { anyCode: true } : { codes: typeof on === "string" ? [on] : on }),
  ...(signal ? { signals: [signal] } : {}),
}));
