// What ssh2's (and node-ssh's) texts say when their codes say nothing, as message rules in the
// core's format. Pinned to ssh2 1.17 and node-ssh 13.2; each was seen against OpenSSH or read in
// their source. The core decides from the reason and signals each names.
import type { Signal, TextRule } from "@transfer-errors/core/adapter";

/** The connection is gone; the failure came while connecting or logging in. */
const LOST: Signal[] = ["client-closed"];
const LOGIN: Signal[] = ["connecting"];

type Reason = TextRule["reason"];

/** A rule on a message (whatever its code), or on one of ssh2's `level`s (read as the code). */
const rule = (id: string, reason: Reason, on: RegExp | string, signals: Signal[] = []): TextRule =>
  typeof on === "string"
    ? { id, reason, pattern: /^/, codes: [on], signals }
    : { id, reason, pattern: on, anyCode: true, signals };

export const libraryRules: readonly TextRule[] = [
  rule("auth", "auth-failed", "client-authentication", LOGIN),
  rule("timeout", "timeout", "client-timeout", LOST), // readyTimeout, keepalive
  rule("dns", "host-not-found", "client-dns", LOGIN),
  rule("sftp-protocol", "protocol-error", "sftp-protocol", LOST),
  rule("bad-options", "client-misuse", "ERR_ASSERTION"), // node-ssh's argument checks
  // Texts, most specific first. A DISCONNECT ("Too many authentication failures") has no level.
  rule("auth", "auth-failed", /authentication methods failed|authentication failures?\b/i, LOGIN),
  rule(
    "host-key",
    "host-key-rejected",
    /Host denied \(verification failed\)|Host key does not match|signature verification failed/,
    LOGIN,
  ),
  // Requests pending when the channel or the connection closes; node-ssh's close before 'ready'.
  rule(
    "lost",
    "connection-lost",
    /^No response from server|^Not connected\b|^Channel is not open|^Connection lost before handshake/,
    LOST,
  ),
  rule("no-algorithm", "unsupported", /Handshake failed: no matching/, LOGIN),
  // Bounded: nothing between the words is the server's.
  rule(
    "no-subsystem",
    "unsupported",
    /Unable to start subsystem: sftp|^Received (?:exit code|signal) \S{1,20} while establishing SFTP|unexpected SFTP session termination/,
    LOGIN,
  ),
  rule("no-extension", "unsupported", /Server does not support this extended request/),
  rule("no-channel", "service-unavailable", /Channel open failure|No free channels available/),
  // A credential, not a bad option: the key's passphrase is wrong or missing.
  rule(
    "key-passphrase",
    "auth-failed",
    /\bbad passphrase\b|\bbad decrypt\b|\bintegrity check failed\b|\bbut no passphrase given\b/,
    LOGIN,
  ),
  rule(
    "bad-options",
    "client-misuse",
    /Cannot parse privateKey|privateKey value does not contain|Invalid username|valid agent path|Bad arguments|Client-only method|Cannot parse (?:mode|time)|Unknown flags string|is not a Buffer|out of bounds|extends beyond buffer|null position|missing directory handle/,
  ),
  rule(
    "not-ssh",
    "protocol-error",
    /Invalid identification string|Header line too long|Max greeting lines exceeded|Invalid header: expected newline/,
    LOGIN,
  ),
  rule(
    "corrupt-stream",
    "protocol-error",
    /Bad packet length|Invalid MAC|^Inbound: |Received malformed|KEXINIT|Received packet \d{1,3} instead of|Received more data than requested/,
    LOST,
  ),
  rule("exists", "already-exists", /target already exists and is not a directory/), // node-ssh's mkdir
  // The wrapper's own answer to a call on a session that needs a new connection.
  rule("marked", "connection-lost", /was not sent: the SFTP session needs a new connection/, LOST),
];
