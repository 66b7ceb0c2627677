// Reads what basic-ftp threw into the facts of a core `Failure`: the reply code and the server's
// text, the socket an error came from, and what only the adapter sees (the client closed itself,
// a local file failed, the data connection was reset). The core decides from there.
import {
  adapterFunctions,
  type CallerContext,
  type Facts,
  type Failure,
  failureFrom,
  ftpAdapterData,
  isFtpReplyCode,
  isLocalFileError,
  isResetCode,
  mentionsDeadline,
  oneLine,
  quotedReply,
  readErrorShape,
  replyText,
  type Signal,
  sendsDataCommand,
  tlsCodePattern,
  traitsTable,
  wrapperSignal,
} from "@transfer-errors/core/adapter";
import { advice } from "./advice.js";
import type { FailureContext } from "./context.js";
import {
  AFTER_MISUSE,
  CLIENT_CLOSED,
  NO_STRATEGY,
  QUOTED_REPLY,
  libraryRules as rules,
  socketOf,
  UNEXPECTED_REPLY,
} from "./library-rules.js";
import { operations } from "./operations.js";

/** The part of a Failure that the error itself tells (`message`: what the rules should read). */
type Reading = Pick<Facts, "code" | "serverMessage" | "tls" | "message"> & { signals: Signal[] };

const data = ftpAdapterData(rules, advice, traitsTable(operations));

/** Nesting depth for "Client is closed because ..." inside a passive-mode message. */
const MAX_DEPTH = 3;

// Patterns of the module, not literals in the functions: a literal makes a new RegExp each time
// it is reached, that is on every error. None is global or sticky (no lastIndex is kept).
/** A Node code that a quoting message still names ("... because write ECONNRESET ..."). */
const NAMED_CODE = /\b(E[A-Z]{3,15})\b/;
/** The class name in front of a quoted error ("TypeError: "). */
const ERROR_CLASS = /^\w*Error: /;
/** basic-ftp's own timeout of a socket: "Timeout (control socket)". */
const SOCKET_TIMEOUT = "Timeout (";

/** An FTP reply that basic-ftp turned into an error: a number code and the reply as message. */
function isReply(name: string | undefined, code: unknown, message: string | undefined): boolean {
  if (!isFtpReplyCode(code)) return false;
  // A minifier may rename FTPError; the message then still starts with the code.
  return name === "FTPError" || (message?.startsWith(String(code)) ?? false);
}

function codeOf(code: unknown): string | number | undefined {
  if (code === "0") return undefined; // basic-ftp's "no code" for a closed client
  return typeof code === "string" || typeof code === "number" ? code : undefined;
}

function isLocalFile(error: unknown, code: unknown, message: string, ctx: FailureContext) {
  // basic-ftp forwards its socket's error into the caller's destination stream: a message with its
  // socket suffix is the connection's failure, whichever stream reported it.
  if (ctx.fromCallerStream) return socketOf(message) === undefined;
  if (typeof code !== "string" || socketOf(message) !== undefined) return false;
  return isLocalFileError(error, ctx.localPath);
}

/** An error of a socket basic-ftp owns (it closes the client) with its Node code. */
function socketError(code: unknown, socket: string, ctx: FailureContext, message: string) {
  // Quoted in another message ("Client is closed because write ECONNRESET (control socket)"),
  // the Node error has lost its code: its message still names it.
  const named = code === undefined ? NAMED_CODE.exec(message)?.[1] : undefined;
  const reading: Reading = { code: codeOf(code ?? named), signals: ["client-closed"] };
  if (typeof code === "string" && tlsCodePattern.test(code)) reading.tls = true;
  // A data socket's reset is the transfer's (any transfer when the operation is not known).
  const { operation } = ctx;
  const transfers = operation === undefined || sendsDataCommand(data.operations[operation]);
  if (socket === "data" && isResetCode(code) && transfers) {
    reading.signals.push("data-reset");
    if (ctx.repeated) reading.signals.push("repeated");
  }
  return reading;
}

/** "None of the available transfer strategies work. Last error response was '...'". */
function passiveInner(inner: string, ctx: FailureContext, depth: number): Reading {
  const reply = QUOTED_REPLY.exec(inner);
  if (reply) return { ...quotedReply(reply), signals: ["data-connection"] };
  const text = inner.replace(ERROR_CLASS, "");
  const read = readMessage(text, undefined, ctx, depth + 1);
  // A lost control connection, a timeout: what it is, not a data connection problem.
  const known = read.code !== undefined || rules.some((rule) => rule.pattern.test(text));
  if (!known) read.signals.push("data-connection");
  return { ...read, message: read.message ?? text };
}

/** basic-ftp's own messages, and Node errors that passed through it. */
function readMessage(message: string, code: unknown, ctx: FailureContext, depth: number): Reading {
  if (depth < MAX_DEPTH && message.startsWith(CLIENT_CLOSED)) {
    const inner = readMessage(message.slice(CLIENT_CLOSED.length), code, ctx, depth + 1);
    // The reset belonged to an earlier call: only that one may have been a refusal. The reading
    // is readMessage's own new object: completed in place (a spread of it cost more than the
    // rest of reading the message).
    const signals: Signal[] = [];
    for (const s of inner.signals) if (s !== "data-reset" && s !== "repeated") signals.push(s);
    signals.push("client-closed");
    inner.signals = signals;
    return inner;
  }
  if (mentionsDeadline(message)) return { signals: ["deadline"] };
  const socket = socketOf(message);
  if (socket !== undefined && !message.startsWith(SOCKET_TIMEOUT))
    return socketError(code, socket, ctx, message);
  const strategies = depth < MAX_DEPTH ? NO_STRATEGY.exec(message) : null;
  if (strategies) return passiveInner(strategies[1] ?? "", ctx, depth);
  const unexpected = UNEXPECTED_REPLY.exec(message);
  if (unexpected) return { ...quotedReply(unexpected), signals: [] };
  const reading: Reading = { code: codeOf(code), signals: [] };
  if (typeof code === "string" && tlsCodePattern.test(code)) {
    // Explicit TLS: the handshake error arrives without a suffix; basic-ftp closes a moment later.
    reading.tls = true;
    reading.signals.push("client-closed");
  }
  return reading;
}

/** Everything the adapter can read from one thrown value. Never throws. */
export function readBasicFtpError(error: unknown, ctx: FailureContext = {}): Failure {
  const { name, message, code } = readErrorShape(error);
  const text = message ?? (typeof error === "string" ? error : "");
  const own = wrapperSignal(error);
  let reading: Reading;
  if (own) reading = { signals: [own] };
  else if (isReply(name, code, message)) {
    reading = { code: code as number, serverMessage: replyText(text, code as number), signals: [] };
    if (ctx.authTlsRefused) Object.assign(reading, { tls: false, signals: ["tls-refused"] });
  } else if (isLocalFile(error, code, text, ctx)) {
    reading = { code: codeOf(code), signals: ["local-file"] };
  } else if (ctx.afterMisuse) {
    reading = { signals: ["client-closed"], message: AFTER_MISUSE };
  } else reading = readMessage(text, code, ctx, 0);
  if (ctx.closed) reading.signals.push("client-closed");
  const facts: Facts = {
    code: reading.code,
    serverMessage: reading.serverMessage,
    message: oneLine(reading.message ?? text) || undefined,
    tls: reading.tls ?? ctx.tls,
    signals: reading.signals,
    finding: ctx.finding,
    cause: error,
  };
  return failureFrom(data, ctx, facts);
}

/** An error of basic-ftp's data socket. */
export function isDataSocketError(error: unknown): boolean {
  const { message } = readErrorShape(error);
  return message !== undefined && socketOf(message) === "data";
}

/** A reset of the data connection during a transfer (see the `data-reset` signal). */
export function isDataReset(error: unknown): boolean {
  return isResetCode(readErrorShape(error).code) && isDataSocketError(error);
}

/**
 * Turns anything basic-ftp threw (or any other value) into a TransferError: reply code and
 * server text, reason, retry hint and explanation. A TransferError is returned as it is.
 * Never throws. `isRetryable` and `withRetry` read through it; `wrapClient` passes what it knows
 * about the client.
 */
export const {
  toTransferError,
  isRetryable,
  withRetry,
  convert: fromFailure,
} = adapterFunctions<FailureContext, CallerContext>("ftp", readBasicFtpError);
