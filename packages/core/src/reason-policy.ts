import type { Reason } from "./reasons.js";

/**
 * Whether each reason is worth a retry of the same request. `"class"`: the code decides (FTP 4xx
 * transient, 5xx permanent, RFC 959 §4.2.1), for reasons that real servers report either way
 * (a 452 and a 552 both mean "no room", one for now, one for good).
 */
export const reasonRetry: Readonly<Record<Reason, boolean | "class">> = {
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
  "data-connection-failed": true,
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

/**
 * Client methods that are not safe to repeat after an ambiguous failure: a second append writes
 * the data twice, a second rename fails or renames what replaced the source meanwhile.
 */
export const nonIdempotentOperations: ReadonlySet<string> = new Set([
  "appendFrom",
  "append",
  "rename",
  "posixRename",
  "send",
  "sendIgnoringError",
  "exec",
]);
