import type { Reason } from "@transfer-errors/core";

// What the libraries' texts say when their codes say nothing. Pinned to ssh2-sftp-client 12.1
// and ssh2 1.17; each entry was seen against OpenSSH or read in their source.

export interface MessageRule {
  pattern: RegExp;
  reason: Reason;
  /** The connection is gone or unusable after this. */
  reconnect?: boolean;
  /** One sentence for the explanation: what only this message tells. */
  hint?: string;
}

/** The methods behind ssh2-sftp-client's internal prefixes, so `operation` names a public method. */
export const publicMethodOf: Readonly<Record<string, string>> = {
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
};

/** The texts OpenSSH and ssh2 give SFTP statuses 1 to 8 (the status number each stands for). */
export const sftpStatusTexts: ReadonlyMap<string, number> = new Map([
  ["End of file", 1],
  ["No such file", 2],
  ["No such file or directory", 2],
  ["Permission denied", 3],
  ["Failure", 4],
  ["Bad message", 5],
  ["No connection", 6],
  ["Connection lost", 7],
  ["Operation unsupported", 8],
]);

/** ssh2's connection-level errors by their `level` (ssh2-sftp-client drops the level: see below). */
export const levelReasons: Readonly<Record<string, MessageRule | undefined>> = {
  "client-authentication": {
    pattern: /./,
    reason: "auth-failed",
    hint: "The server accepted none of the credentials offered (user name, password, key).",
  },
  "client-timeout": { pattern: /./, reason: "timeout", reconnect: true },
  "client-dns": { pattern: /./, reason: "host-not-found" },
};

const AUTH_HINT =
  "The server accepted none of the credentials offered: check the user name and password (or key), and whether the server wants keyboard-interactive authentication (ssh2's tryKeyboard).";

/** Code-less texts of ssh2 and ssh2-sftp-client, most specific first. */
export const messageRules: readonly MessageRule[] = [
  {
    pattern: /All configured authentication methods failed/,
    reason: "auth-failed",
    hint: AUTH_HINT,
  },
  {
    pattern: /authentication failures?\b|Authentication failed/i,
    reason: "auth-failed",
    hint: AUTH_HINT,
  },
  {
    pattern:
      /Host denied \(verification failed\)|Host key does not match|signature verification failed/,
    reason: "host-key-rejected",
    hint: "The host key the server showed was refused (by hostVerifier, or it does not match): this can be a changed key or someone in between.",
  },
  {
    pattern: /Timed out while waiting for handshake/,
    reason: "timeout",
    reconnect: true,
    hint: "The server did not complete the SSH handshake and login within readyTimeout.",
  },
  {
    pattern: /Keepalive timeout/,
    reason: "timeout",
    reconnect: true,
    hint: "The server stopped answering keepalive requests: the connection is dead.",
  },
  {
    pattern: /Connection lost before handshake/,
    reason: "connection-lost",
    reconnect: true,
    hint: "The server closed the connection before it sent its SSH greeting (a busy sshd drops connections beyond MaxStartups).",
  },
  {
    pattern:
      /Unexpected (?:end|close) event|No response from server|Not connected\b|Channel is not open/,
    reason: "connection-lost",
    reconnect: true,
  },
  {
    pattern:
      /No SFTP connection available|Cannot read properties of undefined \(reading '(?:unlink|realpath|stat|lstat|readdir|open|rename|mkdir|rmdir)'\)/,
    reason: "connection-lost",
    reconnect: true,
    hint: "The client has no open SFTP session: it was never connected, or the connection was lost.",
  },
  {
    pattern: /An existing SFTP connection is already defined/,
    reason: "client-misuse",
    hint: "connect() was called on a client that is already connected: end() it, or better, make a new client.",
  },
  {
    pattern: /Error while looking up IPv[46] address/,
    reason: "host-not-found",
  },
  {
    pattern: /Handshake failed: no matching/,
    reason: "unsupported",
    hint: "The client and the server have no SSH algorithm in common (key exchange, host key, cipher, MAC or compression).",
  },
  {
    pattern:
      /Unable to start subsystem: sftp|Received (?:exit code|signal) .* while establishing SFTP session|unexpected SFTP session termination/,
    reason: "unsupported",
    hint: "The SSH login worked but the server did not start its SFTP subsystem (no `Subsystem sftp` line, or SFTP is disabled for this user).",
  },
  {
    pattern: /Server does not support this extended request/,
    reason: "unsupported",
  },
  {
    pattern: /\(SSH\) Channel open failure|No free channels available/,
    reason: "service-unavailable",
    hint: "The server refused to open another channel (often its MaxSessions limit).",
  },
  {
    pattern:
      /Cannot parse privateKey|privateKey value does not contain|Invalid username|You must set a valid agent path|Bad arguments|Client-only method|Cannot parse (?:mode|time)|Unknown flags string/,
    reason: "client-misuse",
    hint: "The connect options or arguments are invalid (a private key that does not parse is often a missing or wrong passphrase).",
  },
  {
    pattern:
      /Invalid identification string|Header line too long|Max greeting lines exceeded|Invalid header: expected newline/,
    reason: "protocol-error",
    hint: "What answered on that port does not speak SSH-2 (another service, or a very old server).",
  },
  {
    pattern:
      /Bad packet length|Invalid MAC|Inbound: |Received malformed|KEXINIT|Received packet \d+ instead of/,
    reason: "protocol-error",
    reconnect: true,
    hint: "The SSH stream was corrupted or out of step (seen when one ssh2-sftp-client instance is reconnected: use a fresh client).",
  },
];

/** Code-less messages a rule above knows, or `undefined`. */
export function ruleForMessage(message: string): MessageRule | undefined {
  return messageRules.find((rule) => rule.pattern.test(message));
}
