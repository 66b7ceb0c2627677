// Reads what node-ftp or promise-ftp raised into the facts of a core `Failure`: the reply code and
// the server's text, the library's own messages, and what only the wrapper saw (the connection
// closed, the application closed it, a deadline passed). The core decides from there.
import {
  adapterFunctions,
  addStateSignals,
  type CallerContext,
  type CallState,
  type Failure,
  failureFrom,
  ftpAdapterData,
  isDeadlineExceeded,
  isFtpReplyCode,
  isWrongProtocol,
  mentionsDeadline,
  readErrorShape,
  type Signal,
  safeGet,
  tlsCodePattern,
} from "@transfer-errors/core/adapter";
import { advice } from "./advice.js";
import { OWN_REPLY_TEXTS, libraryRules as rules } from "./library-rules.js";
import { operations } from "./operations.js";

const data = ftpAdapterData(rules, advice, operations);

/**
 * What `wrapClient` knows beyond the error itself (every field optional): the client's state
 * (closed, closed by the application, connecting, a data reset, again, FTPS).
 */
export type FailureContext = CallerContext & CallState;

/** Everything the adapter can read from one raised value. Never throws. */
export function readFtpError(error: unknown, ctx: FailureContext = {}, depth = 0): Failure {
  const { name, message, code } = readErrorShape(error);
  // FtpReconnectError (promise-ftp's autoReconnect): the failure of the reconnect is what counts.
  const inner = safeGet(error, "connectError");
  if (name === "FtpReconnectError" && inner && depth < 2) {
    const read = readFtpError(inner, { ...ctx, connecting: true, closed: true }, depth + 1);
    return { ...read, cause: error };
  }
  const text = (message ?? (typeof error === "string" ? error : "")).replace(/\r\n/g, "\n");
  const signals: Signal[] = [];
  let serverMessage: string | undefined;
  let tls = ctx.tls;
  if (isDeadlineExceeded(error) || mentionsDeadline(text)) signals.push("deadline");
  else if (isWrongProtocol(error)) signals.push("wrong-protocol");
  else if (isFtpReplyCode(code)) {
    if (!OWN_REPLY_TEXTS.has(text)) serverMessage = text;
  } else if (typeof code === "string" && tlsCodePattern.test(code)) tls = true;
  addStateSignals(signals, ctx);
  const clientMessage = serverMessage === undefined ? text.trim() || undefined : undefined;
  const facts = { code, serverMessage, message: clientMessage, tls, signals, cause: error };
  return failureFrom(data, ctx, facts);
}

/**
 * Turns anything node-ftp or promise-ftp raised (or any other value) into a TransferError: reply
 * code and server text, reason, retry hint and explanation. A TransferError is returned as it is.
 * Never throws. `isRetryable` and `withRetry` read through it; `wrapClient` passes what it knows
 * about the connection.
 */
export const {
  toTransferError,
  isRetryable,
  withRetry,
  convert: fromFailure,
} = adapterFunctions<FailureContext, CallerContext>("ftp", (error, ctx) =>
  readFtpError(error, ctx),
);
