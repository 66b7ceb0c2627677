import type { Reason } from "./reasons.js";

/**
 * What an adapter can say about a failure beyond its code and texts: facts about the client and
 * the connection that only the adapter sees. A closed vocabulary: the core alone decides what each
 * one means for the reason and the retry hint (`signalPolicy`).
 */
export const signals = [
  /** The client library has closed its connection (by itself, after this or an earlier failure). */
  "client-closed",
  /** The server closed or reset the control connection. */
  "server-closed",
  /** The application closed the client itself: nothing failed on the server. */
  "closed-by-application",
  /** The wrapper's per-call deadline (`timeoutMs`) passed, and it closed the connection. */
  "deadline",
  /** The client's own timeout fired on an idle connection, and it closed the connection. */
  "client-timeout",
  /** The failure came while connecting or logging in: the connection is not usable. */
  "connecting",
  /** The data connection (FTP) could not be opened or was refused. */
  "data-connection",
  /** The data connection was refused by the client's own configuration: repeating gets the same. */
  "data-connection-config",
  /** The data connection was reset while a transfer ran. */
  "data-reset",
  /** The same operation on the same path failed the same way just before, on this client. */
  "repeated",
  /** A file on this machine failed (the failure is local, not the server's). */
  "local-file",
  /** The local file changed while it was uploaded. */
  "local-file-changed",
  /** The server refused to start TLS on this port (explicit FTPS is not offered). */
  "tls-refused",
  /** The client was used in a way it does not support (two calls at once, not connected). */
  "misuse",
  /** The client could not read the server's reply. */
  "unreadable-reply",
  /**
   * The peer speaks another protocol: its first line says so (an SSH ident to an FTP client, an
   * FTP greeting to an SSH client). Read at once instead of waiting for a timeout.
   */
  "wrong-protocol",
  /**
   * A transfer ended early without an error: fewer bytes arrived (or were stored) than the file
   * holds, as when a middlebox or a crashing server closes the data connection mid-way.
   */
  "short-transfer",
] as const;

export type Signal = (typeof signals)[number];

/** What a signal settles; what it leaves out is decided from the code and the texts. */
export interface SignalEffect {
  reason?: Reason;
  retryable?: boolean;
  reconnect?: boolean;
}

/**
 * The meaning of each signal. A signal's reason wins over the texts and the code (the adapter saw
 * what happened); the first signal in `signals` order that names a reason gives it.
 */
export const signalPolicy: Readonly<Record<Signal, SignalEffect>> = {
  "client-closed": { reconnect: true },
  "server-closed": { reason: "connection-lost", reconnect: true },
  "closed-by-application": { reason: "client-misuse", retryable: false, reconnect: true },
  deadline: { reason: "timeout", reconnect: true },
  "client-timeout": { reason: "timeout", reconnect: true },
  connecting: { reconnect: true },
  "data-connection": { reason: "data-connection-failed" },
  "data-connection-config": { reason: "data-connection-failed", retryable: false },
  "data-reset": {},
  // Once is bad luck; the same failure twice for the same path is the server's answer.
  repeated: { retryable: false },
  "local-file": { reason: "local-file-error" },
  // Once the file is complete, the upload can be repeated.
  "local-file-changed": { reason: "local-file-error", retryable: true },
  "tls-refused": { reason: "unsupported" },
  misuse: { reason: "client-misuse" },
  "unreadable-reply": { reason: "protocol-error" },
  // The wrong port or the wrong URL scheme: the same again gets the same.
  "wrong-protocol": { reason: "protocol-error", retryable: false },
  // Nothing said the data was wrong: the connection was cut. A new attempt starts afresh.
  "short-transfer": { reason: "connection-lost", retryable: true },
};

export function isSignal(value: unknown): value is Signal {
  return typeof value === "string" && (signals as readonly string[]).includes(value);
}

/**
 * What a follow-up check of the paths found, after a reply that said too little (a generic
 * SSH_FX_FAILURE, a generic FTP 550): a fact about the server's files, which settles the reason.
 */
export const findings = [
  "missing",
  "parent-missing",
  "exists",
  "not-a-directory",
  "is-a-directory",
  "not-empty",
  "no-space",
  "incomplete-upload",
  "present-but-refused",
] as const;

export type Finding = (typeof findings)[number];

export const findingReasons: Readonly<Record<Finding, Reason>> = {
  missing: "not-found",
  "parent-missing": "not-found",
  exists: "already-exists",
  "not-a-directory": "not-a-directory",
  "is-a-directory": "is-a-directory",
  "not-empty": "directory-not-empty",
  "no-space": "no-space",
  // The server took less than was sent and said nothing: its own failure.
  "incomplete-upload": "server-error",
  // The path is there (a listing or SIZE shows it), yet the server refused it: no access.
  "present-but-refused": "permission-denied",
};
