// Reads what node-ftp or promise-ftp raised into the facts of a core `Failure`: the reply code and
// the server's text, the library's own messages, and what only the wrapper saw (the connection
// closed, the application closed it, a deadline passed). The core decides from there.
import {
  type Failure,
  isDeadlineExceeded,
  isFtpReplyCode,
  isWrongProtocol,
  mentionsDeadline,
  readErrorShape,
  type Signal,
  safeGet,
  tlsCodePattern,
} from "@transfer-errors/core/adapter";
import { replyCatalog } from "@transfer-errors/core/catalog";
import { advice } from "./advice.js";
import type { FailureContext } from "./context.js";
import { libraryRules, OWN_REPLY_TEXTS } from "./library-rules.js";
import { operations } from "./operations.js";

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
  if (ctx.dataReset) signals.push("data-reset");
  if (ctx.repeated) signals.push("repeated");
  if (ctx.connecting) signals.push("connecting");
  if (ctx.closed) signals.push("client-closed");
  if (ctx.closedByApplication) signals.push("closed-by-application");
  const operation = ctx.operation;
  return {
    protocol: "ftp",
    code: typeof code === "number" || typeof code === "string" ? code : undefined,
    serverMessage,
    message: serverMessage === undefined ? text.trim() || undefined : undefined,
    operation,
    traits: operation === undefined ? undefined : operations[operation]?.traits,
    path: ctx.path,
    tls,
    serverGreeting: ctx.serverGreeting,
    signals,
    rules: libraryRules,
    catalog: replyCatalog,
    advice,
    cause: error,
    secrets: ctx.secrets && ctx.secrets.length > 0 ? ctx.secrets : undefined,
  };
}
