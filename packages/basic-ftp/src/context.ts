import type { CallContext, Finding } from "@transfer-errors/core/adapter";

/**
 * What the caller of `toTransferError` can say about the failed call: the client method
 * (`"downloadTo"`), the remote path, and the secrets to keep out of every text in case the server
 * echoes them ("530 Login incorrect for <password>"), and the server's greeting line (the
 * replies of the product it names are read as that product means them); `wrapClient` passes them.
 */
export type ErrorContext = Pick<CallContext, "operation" | "path" | "secrets" | "serverGreeting">;

/**
 * What `wrapClient` knows beyond the error itself: the client's state after the failure and the
 * arguments of the call. Every field is optional; `toTransferError` works without any.
 */
export interface FailureContext extends ErrorContext {
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
