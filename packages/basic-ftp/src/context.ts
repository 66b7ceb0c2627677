import type { CallState, FtpCallContext } from "@transfer-errors/core/adapter";

/**
 * What `wrapClient` knows beyond the error itself: the client's state after the failure
 * (`closed`; `tls`, the control connection was, or was being, encrypted; `repeated`, the same
 * data reset came before for this call and path) and the arguments of the call. Every field is
 * optional; `toTransferError` works without any.
 */
export interface FailureContext
  extends FtpCallContext,
    Pick<CallState, "closed" | "tls" | "repeated"> {
  /** `access({ secure: true })` or `useTLS()` failed before the TLS upgrade: AUTH TLS was refused. */
  authTlsRefused?: boolean | undefined;
  /** The client was closed by two earlier calls at once, and this call came alone after them. */
  afterMisuse?: boolean | undefined;
}
