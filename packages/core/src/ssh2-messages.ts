// ssh2's own messages (ssh2 1.17), met the same way by every adapter of a client built on it
// (ssh2-sftp-client, ssh2's SFTPWrapper, node-ssh): message rows for `messageRules`, and the
// advice for what they and the SFTP wrappers' shared signals mean. Each was seen against OpenSSH
// or read in ssh2's source. An adapter adds its own rows around them, and its own advice.
import type { Advice } from "./failure.js";
import type { RuleRow } from "./rule-rows.js";

const LOGIN = "connecting";
const LOST = "client-closed";
const ANY = undefined;

/**
 * The rows of ssh2's messages about the login, the server, the keys, the options and the stream,
 * whatever the code, and of a wrapper's refusal on a lost connection. A key that does not parse
 * for want of its passphrase ("Cannot parse privateKey: ... but no passphrase given") is a
 * credential, not a bad option: its row comes first. An adapter puts its own messages before or
 * after them.
 */
// biome-ignore format: a table, one rule a line
export const ssh2Rows: readonly RuleRow[] = [
  // A DISCONNECT ("Too many authentication failures") has no level.
  ["auth", "auth-failed", /authentication (?:methods failed|failures?\b|failed)/i, ANY, LOGIN],
  ["host-key", "host-key-rejected", /Host denied \(verification failed\)/, ANY, LOGIN],
  ["host-key", "host-key-rejected", /Host key does not match/, ANY, LOGIN],
  ["host-key", "host-key-rejected", /signature verification failed/, ANY, LOGIN],
  ["no-algorithm", "unsupported", /Handshake failed: no matching/, ANY, LOGIN],
  ["no-subsystem", "unsupported", /Unable to start subsystem: sftp/, ANY, LOGIN],
  ["no-subsystem", "unsupported", /unexpected SFTP session termination/, ANY, LOGIN],
  ["no-extension", "unsupported", /Server does not support this extended request/],
  ["key-passphrase", "auth-failed", /\bbad passphrase\b|\bbad decrypt\b/i, ANY, LOGIN],
  ["key-passphrase", "auth-failed", /\bintegrity check failed\b|\bbut no passphrase given\b/, ANY, LOGIN],
  // bcrypt_pbkdf refused the passphrase given (an empty one).
  ["key-passphrase", "auth-failed", /Failed to generate information to decrypt key/, ANY, LOGIN],
  ["not-ssh", "protocol-error", /Invalid identification string|Header line too long/, ANY, LOGIN],
  ["not-ssh", "protocol-error", /Max greeting lines exceeded/, ANY, LOGIN],
  ["not-ssh", "protocol-error", /Invalid header: expected newline/, ANY, LOGIN],
  ["corrupt-stream", "protocol-error", /Received malformed|KEXINIT/, ANY, LOST],
  // Bounded: nothing between the words is the server's.
  ["no-subsystem", "unsupported", /Received (?:exit code|signal) \S{1,20} while establishing SFTP/, ANY, LOGIN],
  ["no-channel", "service-unavailable", /Channel open failure|No free channels available/],
  // ssh2's (and its SFTPWrapper's) checks of the options and arguments.
  ["bad-options", "client-misuse", /Cannot parse privateKey|privateKey value does not contain/],
  ["bad-options", "client-misuse", /Invalid username|valid agent path|Bad arguments/],
  // ssh2's agent (agent.js): the SSH agent the `agent` option names failed, on this machine.
  ["agent", "client-misuse", /Failed to (?:connect to|retrieve identities from|sign data with) agent/, ANY, LOGIN],
  ["agent", "client-misuse", /Pageant is not running|pagent\.exe|cygwin unix socket|Agent responded with/, ANY, LOGIN],
  ["bad-options", "client-misuse", /Client-only method|Cannot parse (?:mode|time)/],
  ["bad-options", "client-misuse", /Unknown flags string|is not a Buffer|out of bounds/],
  ["bad-options", "client-misuse", /extends beyond buffer|null position|missing directory handle/],
  ["corrupt-stream", "protocol-error", /Bad packet length|Invalid MAC|Inbound: /, ANY, LOST],
  ["corrupt-stream", "protocol-error", /Received packet \d{1,3} instead of/, ANY, LOST],
  ["corrupt-stream", "protocol-error", /Received more data than requested/, ANY, LOST],
  // Any other failure of ssh2's handshake or of its transport, by its `level` (after the texts
  // above, which say more: "Handshake failed: no matching ..." is unsupported).
  ["handshake", "protocol-error", /^/, "handshake", LOGIN],
  ["corrupt-stream", "protocol-error", /^/, "protocol", LOST],
  // A wrapper's own answer to a call on a client that needs a new connection (ConnectionLoss).
  ["marked", "connection-lost", /was not sent: the [\w ]{1,20} needs a new connection/, ANY, LOST],
];

/** The rows of ssh2's `level`s, its word for an error of the connection (read as the code). */
export const ssh2LevelRows: readonly RuleRow[] = [
  ["auth", "auth-failed", /^/, "client-authentication", LOGIN],
  ["timeout", "timeout", /^/, "client-timeout", LOST], // readyTimeout, keepalive
  ["dns", "host-not-found", /^/, "client-dns", LOGIN],
  ["agent", "client-misuse", /^/, "agent", LOGIN],
];

/**
 * The rows of ssh2's messages whose `level` a client library dropped when it rebuilt the error
 * (ssh2-sftp-client puts its own code on it): read by their text, most specific first.
 */
export const ssh2RebuiltRows: readonly RuleRow[] = [
  ["handshake-timeout", "timeout", /Timed out while waiting for handshake/],
  ["keepalive", "timeout", /Keepalive timeout/],
  ["lost-before-handshake", "connection-lost", /Connection lost before handshake/],
  ["dns", "host-not-found", /Error while looking up IPv[46] address/],
];

/** What the failures `ssh2RebuiltRows` read mean. */
export const ssh2RebuiltAdvice: Advice = {
  "handshake-timeout":
    "The server did not complete the SSH handshake and login within readyTimeout.",
  keepalive: "The server stopped answering keepalive requests: the connection is dead.",
  "lost-before-handshake":
    "The server closed the connection before it sent its SSH greeting (a busy sshd drops connections beyond MaxStartups).",
};

/**
 * What ssh2's failures mean to whoever uses it, keyed by the rule ids both adapters give them
 * (`auth` and the rows' ids) and by the `wrong-protocol` signal.
 */
export const ssh2Advice: Advice = {
  auth: "The server accepted none of the credentials offered: check the user name and password (or key), and whether the server wants keyboard-interactive authentication (ssh2's tryKeyboard).",
  "host-key":
    "The host key the server showed was refused (by hostVerifier, or it does not match): this can be a changed key or someone in between.",
  "no-subsystem":
    "The SSH login worked but the server did not start its SFTP subsystem (no `Subsystem sftp` line, or SFTP is disabled for this user).",
  "wrong-protocol":
    "Connect to the SSH server's port (22 unless it was changed), or read this server with an FTP client (an ftp:// URL).",
  "key-passphrase":
    "The private key could not be decrypted: its passphrase (the `passphrase` option) is wrong or missing.",
  "no-algorithm":
    "The client and the server have no SSH algorithm in common (key exchange, host key, cipher, MAC or compression).",
  "no-channel": "The server refused to open another channel (often its MaxSessions limit).",
  "bad-options":
    "The connect options or arguments are invalid (a private key that does not parse is often a missing or wrong passphrase).",
  agent:
    "The SSH agent (the `agent` option: ssh-agent's socket, Pageant) could not be reached or could not sign: check that it runs and holds the key.",
  handshake:
    "The SSH handshake failed: the server's key exchange or host key signature could not be used (often an algorithm ssh2 and this server disagree on).",
  "not-ssh":
    "What answered on that port does not speak SSH-2 (another service, or a very old server).",
};
