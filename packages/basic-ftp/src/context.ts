import type { CallerContext, Finding } from "@transfer-errors/core/adapter";

/**
 * What `wrapClient` knows beyond the error itself: the client's state after the failure and the
 * arguments of the call. Every field is optional; `toTransferError` works without any.
 */
export interface FailureContext extends CallerContext {
  /** The local file of `downloadTo`/`uploadFrom` when it was given as a path. */
  localPath?: string | undefined;
  /** The error came from the caller's own source or destination stream. */
  fromCallerStream?: boolean | undefined;
  /** `client.closed` after the failure. */
  closed?: boolean | undefined;
  /** The control connection was (or was being) encrypted. */
  tls?: boolean | undefined;
  /** The same operation on the same path failed the same way just before, on this client. */
  refusedBefore?: boolean | undefined;
  /** `access({ secure: true })` or `useTLS()` failed before the TLS upgrade: AUTH TLS was refused. */
  authTlsRefused?: boolean | undefined;
  /** The client was closed by two earlier calls at once, and this call came alone after them. */
  afterMisuse?: boolean | undefined;
  /** What a follow-up look at the path found (the `diagnose` option). */
  finding?: Finding | undefined;
}
