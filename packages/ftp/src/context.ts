import type { CallContext, CallState } from "@transfer-errors/core/adapter";

/**
 * What the caller of `toTransferError` can say: the method (`"get"`), path, secrets to keep out,
 * the server's greeting line; `wrapClient` passes them.
 */
export type ErrorContext = Pick<CallContext, "operation" | "path" | "secrets" | "serverGreeting">;

/**
 * What `wrapClient` knows beyond the error itself (every field optional): the client's state
 * (closed, closed by the application, connecting, a data reset, again, FTPS).
 */
export type FailureContext = ErrorContext & CallState;
