import type { Reason } from "./reasons.js";
import type { Signal } from "./signals.js";

/**
 * Whether each reason is worth a retry of the same request. `"class"`: the code decides (FTP 4xx
 * transient, 5xx permanent, RFC 959 §4.2.1), for reasons that real servers report either way
 * (a 452 and a 552 both mean "no room", one for now, one for good); without an FTP reply, not
 * retryable. `"class-or-transient"`: the same for an FTP reply, retryable without one.
 */
export const reasonRetry: Readonly<Record<Reason, boolean | "class" | "class-or-transient">> = {
  "not-found": false,
  "permission-denied": false,
  "file-unavailable": "class",
  "already-exists": false,
  "not-a-directory": false,
  "is-a-directory": false,
  "directory-not-empty": false,
  // A full disk clears when something else frees space; a quota does not without the user.
  "no-space": true,
  "quota-exceeded": false,
  "invalid-name": false,
  "file-busy": true,
  "auth-failed": false,
  "tls-required": false,
  "tls-failed": false,
  "host-key-rejected": false,
  unsupported: false,
  "bad-request": false,
  "bad-sequence": false,
  "service-unavailable": true,
  // A 425 or a refused data port clears; a 5xx to EPSV/PASV is the server's final word.
  "data-connection-failed": "class-or-transient",
  "transfer-aborted": true,
  "server-error": "class",
  "connection-lost": true,
  "connection-refused": true,
  "host-not-found": false,
  "host-unreachable": true,
  timeout: true,
  "protocol-error": false,
  "client-misuse": false,
  "local-file-error": false,
  unknown: "class",
};

/** Reasons after which the connection is gone or unusable: open it again before a retry. */
export const reconnectReasons: ReadonlySet<Reason> = new Set<Reason>([
  "connection-lost",
  "connection-refused",
  "host-not-found",
  "host-unreachable",
  "timeout",
  "tls-failed",
]);

/** Reasons where the request may have reached the server and taken effect before the failure. */
export const ambiguousReasons: ReadonlySet<Reason> = new Set<Reason>([
  "connection-lost",
  "timeout",
  "transfer-aborted",
]);

/** Why a signal decided the retry, where it overrides what the code and text say. */
export const signalWhy: Readonly<Partial<Record<Signal, string>>> = {
  "closed-by-application":
    "The application closed the client itself: nothing failed on the server, and a retry loop must not reopen what was closed on purpose.",
  "data-connection-config":
    "The client's own settings refuse the data connection the server offers: every attempt gets the same address and the same refusal.",
  repeated:
    "The same failure came again for the same path on this client: the server most likely refuses this file (missing, unreadable or not writable), and retrying will not change that.",
  "local-file-changed":
    "The local file changed while it was uploaded; once it is complete, the upload can be repeated.",
  "wrong-protocol":
    "The peer's first line is another protocol's (an SSH server on an FTP port, an FTP server on an SSH port): the same address gets the same answer; check the port and the URL scheme.",
  "short-transfer":
    "The transfer ended early without an error: fewer bytes arrived than the server's file holds. The connection was cut; a new attempt starts the file afresh.",
};
