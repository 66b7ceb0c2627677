import type { CallContext } from "@transfer-errors/core/adapter";

/**
 * What the caller of `toTransferError` can say: the method (`"get"`), path, secrets to keep out,
 * the server's greeting line; `wrapClient` passes them.
 */
export type ErrorContext = Pick<CallContext, "operation" | "path" | "secrets" | "serverGreeting">;

/** What `wrapClient` knows beyond the error itself (every field optional). */
export interface FailureContext extends ErrorContext {
  /** The connection is gone; the application closed it; the failure came while connecting. */
  closed?: boolean | undefined;
  closedByApplication?: boolean | undefined;
  connecting?: boolean | undefined;
  /** The data connection was reset during a transfer; the same happened before for this path. */
  dataReset?: boolean | undefined;
  repeated?: boolean | undefined;
  /** The connection was meant to be encrypted (FTPS). */
  tls?: boolean | undefined;
}
