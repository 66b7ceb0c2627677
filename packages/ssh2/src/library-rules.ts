// What ssh2's (and node-ssh's) texts say when their codes say nothing, as message rules in the
// core's format. Pinned to ssh2 1.17 and node-ssh 13.2; each was seen against OpenSSH or read in
// their source. The core decides from the reason and signals each names.
import type { Reason } from "@transfer-errors/core";
import type { Signal, TextRule } from "@transfer-errors/core/adapter";

const lost: Signal[] = ["client-closed"];
const connecting: Signal[] = ["connecting"];

/** A rule on one of ssh2's `level`s (read as the library's code when the error has no other). */
const level = (id: string, reason: Reason, code: string, signals?: Signal[]): TextRule =>
  signals
    ? { id, reason, pattern: /^/, codes: [code], signals }
    : { id, reason, pattern: /^/, codes: [code] };

/** A rule on a library's message, whatever its code. */
const text = (id: string, reason: Reason, pattern: RegExp, signals?: Signal[]): TextRule =>
  signals
    ? { id, reason, pattern, anyCode: true, signals }
    : { id, reason, pattern, anyCode: true };

export const libraryRules: readonly TextRule[] = [
  level("auth", "auth-failed", "client-authentication", connecting),
  level("timeout", "timeout", "client-timeout", lost),
  level("dns", "host-not-found", "client-dns", connecting),
  level("sftp-protocol", "protocol-error", "sftp-protocol", lost),
  level("bad-options", "client-misuse", "ERR_ASSERTION"), // node-ssh's argument checks
  // Code-less texts, most specific first.
  text(
    "auth",
    "auth-failed",
    /All configured authentication methods failed|authentication failures?\b/i,
    connecting,
  ),
  text(
    "host-key",
    "host-key-rejected",
    /Host denied \(verification failed\)|Host key does not match|signature verification failed/,
    connecting,
  ),
  text("handshake-timeout", "timeout", /Timed out while waiting for handshake/, connecting),
  text("keepalive", "timeout", /Keepalive timeout/, lost),
  text("lost-before-handshake", "connection-lost", /Connection lost before handshake/, connecting),
  // Requests pending when the channel or the connection closes; node-ssh's close before 'ready'.
  text(
    "lost",
    "connection-lost",
    /^No response from server|^Not connected\b|^Channel is not open/,
    lost,
  ),
  text("no-algorithm", "unsupported", /Handshake failed: no matching/, connecting),
  // Bounded: nothing between the words is the server's.
  text(
    "no-subsystem",
    "unsupported",
    /Unable to start subsystem: sftp|^Received (?:exit code|signal) \S{1,20} while establishing SFTP|unexpected SFTP session termination/,
    connecting,
  ),
  text("no-extension", "unsupported", /Server does not support this extended request/),
  text(
    "no-channel",
    "service-unavailable",
    /\(SSH\) Channel open failure|No free channels available/,
  ),
  text(
    "bad-options",
    "client-misuse",
    /Cannot parse privateKey|privateKey value does not contain|Invalid username|You must set a valid agent path|Bad arguments|Client-only method|Cannot parse (?:mode|time)|Unknown flags string|is not a Buffer|out of bounds|extends beyond buffer|null position|missing directory handle/,
  ),
  text(
    "not-ssh",
    "protocol-error",
    /Invalid identification string|Header line too long|Max greeting lines exceeded|Invalid header: expected newline/,
    connecting,
  ),
  text(
    "corrupt-stream",
    "protocol-error",
    /Bad packet length|Invalid MAC|^Inbound: |Received malformed|KEXINIT|Received packet \d{1,3} instead of/,
    lost,
  ),
  text("bad-reply", "protocol-error", /Received more data than requested|^Response missing /),
  text("exists", "already-exists", /target already exists and is not a directory/), // node-ssh's mkdir
  // The wrapper's own refusal to send a call on a session that needs a new connection.
  text("marked", "connection-lost", /was not sent: the SFTP session needs a new connection/, lost),
];
