// What the libraries' texts say when their codes say nothing, as message rules in the core's
// format. Pinned to ssh2-sftp-client 12.1 and ssh2 1.17; each was seen against OpenSSH or read in
// their source. The core decides from the reason and signals each names.
import type { TextRule } from "@transfer-errors/core/adapter";
import { table } from "@transfer-errors/core/adapter";

/** The methods behind ssh2-sftp-client's internal prefixes, so `operation` names a public method. */
export const publicMethodOf: Readonly<Record<string, string | undefined>> = table({
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

const GENERIC = ["ERR_GENERIC_CLIENT"];
const BAD_PATH = ["ERR_BAD_PATH"];
const lost = ["client-closed"] as const;

export const libraryRules: readonly TextRule[] = [
  // ssh2's connection-level errors by their `level` (read as the library's code when it has no other).
  { id: "auth", reason: "auth-failed", pattern: /^/, codes: ["client-authentication"] },
  { id: "timeout", reason: "timeout", pattern: /^/, codes: ["client-timeout"], signals: lost },
  { id: "dns", reason: "host-not-found", pattern: /^/, codes: ["client-dns"] },
  // fastGet and rcopy drop the SFTP status and keep only its text.
  {
    id: "status-2",
    reason: "not-found",
    pattern: /^No such file(?: or directory)?$/,
    codes: GENERIC,
  },
  { id: "status-3", reason: "permission-denied", pattern: /^Permission denied$/, codes: GENERIC },
  { id: "status-4", reason: "server-error", pattern: /^Failure$/, codes: GENERIC },
  { id: "status-5", reason: "bad-request", pattern: /^Bad message$/, codes: GENERIC },
  {
    id: "status-6",
    reason: "connection-lost",
    pattern: /^(?:No connection|Connection lost)$/,
    codes: GENERIC,
  },
  { id: "status-8", reason: "unsupported", pattern: /^Operation unsupported$/, codes: GENERIC },
  { id: "status-1", reason: "protocol-error", pattern: /^End of file$/, codes: GENERIC },
  // ERR_BAD_PATH: the library's checks before (or instead of) asking the server.
  // _doMkdir turns the server's generic SSH_FX_FAILURE (4) into "permission denied".
  { id: "mkdir-failure", reason: "server-error", pattern: /permission denied$/, codes: BAD_PATH },
  {
    id: "parent-missing",
    reason: "not-found",
    pattern: /parent not a directory or not exist/,
    codes: BAD_PATH,
  },
  { id: "exists", reason: "already-exists", pattern: /already exists/, codes: BAD_PATH },
  {
    id: "append-to-dir",
    reason: "is-a-directory",
    pattern: /cannot append to a directory/,
    codes: BAD_PATH,
  },
  {
    id: "append-file",
    reason: "client-misuse",
    pattern: /Cannot append one file to another/,
    codes: BAD_PATH,
  },
  {
    id: "missing",
    reason: "not-found",
    pattern: /No such (?:file|directory)|Source does not exist|not exist/i,
    codes: BAD_PATH,
  },
  { id: "not-dir", reason: "not-a-directory", pattern: /Not a directory/i, codes: BAD_PATH },
  {
    id: "not-file",
    reason: "is-a-directory",
    pattern: /Not a regular file|Source not a file/i,
    codes: BAD_PATH,
  },
  // Code-less texts of ssh2 and ssh2-sftp-client, most specific first.
  {
    id: "auth",
    reason: "auth-failed",
    pattern: /All configured authentication methods failed/,
    anyCode: true,
    signals: ["connecting"],
  },
  {
    id: "auth",
    reason: "auth-failed",
    pattern: /authentication failures?\b|Authentication failed/i,
    anyCode: true,
    signals: ["connecting"],
  },
  {
    id: "host-key",
    reason: "host-key-rejected",
    pattern:
      /Host denied \(verification failed\)|Host key does not match|signature verification failed/,
    anyCode: true,
    signals: ["connecting"],
  },
  {
    id: "handshake-timeout",
    reason: "timeout",
    pattern: /Timed out while waiting for handshake/,
    anyCode: true,
  },
  { id: "keepalive", reason: "timeout", pattern: /Keepalive timeout/, anyCode: true },
  {
    id: "lost-before-handshake",
    reason: "connection-lost",
    pattern: /Connection lost before handshake/,
    anyCode: true,
  },
  {
    id: "lost",
    reason: "connection-lost",
    pattern:
      /Unexpected (?:end|close) event|No response from server|Not connected\b|Channel is not open/,
    anyCode: true,
  },
  {
    id: "no-session",
    reason: "connection-lost",
    pattern:
      /No SFTP connection available|Cannot read properties of undefined \(reading '(?:unlink|realpath|stat|lstat|readdir|open|rename|mkdir|rmdir)'\)/,
    anyCode: true,
  },
  {
    id: "connected-twice",
    reason: "client-misuse",
    pattern: /An existing SFTP connection is already defined/,
    anyCode: true,
  },
  {
    id: "dns",
    reason: "host-not-found",
    pattern: /Error while looking up IPv[46] address/,
    anyCode: true,
  },
  {
    id: "no-algorithm",
    reason: "unsupported",
    pattern: /Handshake failed: no matching/,
    anyCode: true,
    signals: ["connecting"],
  },
  {
    id: "no-subsystem",
    reason: "unsupported",
    // Bounded: a hostile server controls what stands between the words.
    pattern:
      /Unable to start subsystem: sftp|Received (?:exit code|signal) [^\n]{0,200} while establishing SFTP session|unexpected SFTP session termination/,
    anyCode: true,
    signals: ["connecting"],
  },
  {
    id: "no-extension",
    reason: "unsupported",
    pattern: /Server does not support this extended request/,
    anyCode: true,
  },
  {
    id: "no-channel",
    reason: "service-unavailable",
    pattern: /\(SSH\) Channel open failure|No free channels available/,
    anyCode: true,
  },
  {
    // A credential, not a bad option: the key's passphrase is wrong or missing.
    id: "key-passphrase",
    reason: "auth-failed",
    pattern:
      /\bbad passphrase\b|\bbad decrypt\b|\bintegrity check failed\b|\bbut no passphrase given\b/,
    anyCode: true,
    signals: ["connecting"],
  },
  {
    // A credential, not a bad option: the key's passphrase is wrong or missing.
    id: "key-passphrase",
    reason: "auth-failed",
    pattern:
      /\bbad passphrase\b|\bbad decrypt\b|\bintegrity check failed\b|\bbut no passphrase given\b/,
    anyCode: true,
    signals: ["connecting"],
  },
  {
    id: "bad-options",
    reason: "client-misuse",
    pattern:
      /Cannot parse privateKey|privateKey value does not contain|Invalid username|You must set a valid agent path|Bad arguments|Client-only method|Cannot parse (?:mode|time)|Unknown flags string/,
    anyCode: true,
  },
  {
    id: "not-ssh",
    reason: "protocol-error",
    pattern:
      /Invalid identification string|Header line too long|Max greeting lines exceeded|Invalid header: expected newline/,
    anyCode: true,
    signals: ["connecting"],
  },
  {
    id: "corrupt-stream",
    reason: "protocol-error",
    pattern:
      /Bad packet length|Invalid MAC|Inbound: |Received malformed|KEXINIT|Received packet \d+ instead of/,
    anyCode: true,
    signals: lost,
  },
  {
    // The wrapper's own refusal to send a call on a client that needs a new connection.
    id: "marked",
    reason: "connection-lost",
    pattern: /was not sent: the client needs a new connection/,
    anyCode: true,
    signals: lost,
  },
  { id: "not-connected", reason: "connection-lost", pattern: /^/, codes: ["ERR_NOT_CONNECTED"] },
  { id: "auth", reason: "auth-failed", pattern: /^/, codes: ["ERR_BAD_AUTH"] },
];
