/**
 * What went wrong, independent of protocol: the field that joins FTP replies, SFTP statuses and
 * connection failures.
 */
export const reasons = [
  "not-found",
  "permission-denied",
  "file-unavailable",
  "already-exists",
  "not-a-directory",
  "is-a-directory",
  "directory-not-empty",
  "no-space",
  "quota-exceeded",
  "invalid-name",
  "file-busy",
  "auth-failed",
  "tls-required",
  "tls-failed",
  "host-key-rejected",
  "unsupported",
  "bad-request",
  "bad-sequence",
  "service-unavailable",
  "data-connection-failed",
  "transfer-aborted",
  "server-error",
  "connection-lost",
  "connection-refused",
  "host-not-found",
  "host-unreachable",
  "timeout",
  "protocol-error",
  "client-misuse",
  "local-file-error",
  "unknown",
] as const;

export type Reason = (typeof reasons)[number];

export function isReason(value: unknown): value is Reason {
  return typeof value === "string" && (reasons as readonly string[]).includes(value);
}
