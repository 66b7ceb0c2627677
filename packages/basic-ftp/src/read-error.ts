// Reads what basic-ftp threw into a core `Failure`. The core classifies reply codes and system
// codes; this module only reads basic-ftp's shapes (FTPError, suffixed Node errors, its own
// messages) and adds what only the adapter knows (the client closed itself, a local file failed).
import { type Failure, readErrorShape, safeGet, safeString } from "@transfer-errors/core";
import type { FailureContext } from "./context.js";
import { isDeadlineError, isDeadlineMessage } from "./deadline.js";
import {
  CLIENT_CLOSED,
  CONCURRENT_TASK,
  CONTROL_CHARACTERS,
  CONTROL_DISCONNECTED,
  DATA_CONNECT_TIMEOUT,
  FTP_ERROR_NAME,
  LISTING_TOO_LARGE,
  LOCAL_FILE_CHANGED,
  NO_DATA_CONNECTION,
  NO_TRANSFER_STRATEGY,
  PARSE_ERRORS,
  PASSIVE_OPEN_FAILED,
  PASV_OTHER_HOST,
  SERVER_CLOSED,
  SOCKET_TIMEOUT,
  socketOf,
  TRANSMISSION_ERROR,
  TRUNCATED_PASSIVE_REPLY,
  UNEXPECTED_REPLY,
  USER_CLOSED,
} from "./messages.js";

/** The part of a Failure that the text of an error decides. */
type Reading = Pick<
  Failure,
  "code" | "serverMessage" | "reason" | "reconnect" | "retryable" | "why" | "hint" | "tls"
>;

/** Operations that move a file over a data connection. */
const TRANSFERS = new Set([
  "downloadTo",
  "download",
  "uploadFrom",
  "upload",
  "appendFrom",
  "append",
  "downloadToDir",
  "downloadDir",
  "uploadFromDir",
  "uploadDir",
]);

/** Syscalls of the file system (a socket's read/write errors always carry basic-ftp's suffix). */
const FILE_SYSCALLS = new Set([
  "open",
  "close",
  "read",
  "write",
  "fstat",
  "stat",
  "lstat",
  "mkdir",
  "readdir",
  "scandir",
  "unlink",
  "rmdir",
  "rename",
  "fsync",
  "ftruncate",
  "access",
]);

const TLS_CODE =
  /^(?:ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_|SELF_SIGNED_|UNABLE_TO_|HOSTNAME_MISMATCH)/;

/** Resets of the data connection: what ProFTPD does when it refuses a transfer. */
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/** Nesting depth for "Client is closed because ..." inside a passive-mode wrapper. */
const MAX_DEPTH = 3;

/** An FTP reply that basic-ftp turned into an error: a number code and the reply as message. */
function isReply(name: string | undefined, code: unknown, message: string | undefined): boolean {
  if (typeof code !== "number" || !Number.isInteger(code) || code < 100 || code > 699) return false;
  // A minifier may rename FTPError; the message then still starts with the code.
  return name === FTP_ERROR_NAME || (message?.startsWith(String(code)) ?? false);
}

/**
 * The reply text without its code: "550 No such file" → "No such file". In a multi-line reply
 * ("550-first\n second\n550 last") the code is taken off every line that carries it.
 */
export function replyText(message: string, code: number): string {
  const prefix = String(code);
  if (!message.includes("\n")) return stripCode(message, prefix);
  return message
    .split("\n")
    .map((line) => stripCode(line, prefix))
    .join("\n");
}

function stripCode(line: string, prefix: string): string {
  if (!line.startsWith(prefix)) return line;
  const next = line.charAt(prefix.length);
  if (next === "") return "";
  return next === " " || next === "-" ? line.slice(prefix.length + 1) : line;
}

/** OpenSSL messages span lines; basic-ftp then appends its suffix on a line of its own. */
function oneLine(text: string): string {
  return text.includes("\n") ? text.replace(/\s*\n\s*/g, " ").trim() : text.trim();
}

function isLocalFileError(error: unknown, code: unknown, message: string, ctx: FailureContext) {
  if (ctx.fromCallerStream || LOCAL_FILE_CHANGED.test(message)) return true;
  if (typeof code !== "string" || socketOf(message) !== undefined) return false;
  const syscall = safeString(error, "syscall");
  const path = safeString(error, "path");
  if (path !== undefined && path === ctx.localPath) return true;
  if (syscall === undefined || !FILE_SYSCALLS.has(syscall)) return false;
  // An fs error names its path; a write to an already opened file (ENOSPC) does not.
  return path !== undefined || ctx.localPath !== undefined;
}

function localFile(error: unknown, code: unknown, message: string): Reading {
  const path = safeString(error, "path");
  const where = path === undefined ? "a local file" : `the local file ${JSON.stringify(path)}`;
  if (LOCAL_FILE_CHANGED.test(message)) {
    return {
      reason: "local-file-error",
      retryable: true,
      why: "The local file changed while it was uploaded; once it is complete, the upload can be repeated.",
      hint: "The remote file is incomplete: upload it again once the local file no longer changes.",
    };
  }
  return {
    code: typeof code === "string" || typeof code === "number" ? code : undefined,
    reason: "local-file-error",
    hint: `basic-ftp could not use ${where}${typeof code === "string" ? ` (${code})` : ""}: this happened on this machine, not on the server.`,
  };
}

function passiveInner(inner: string, ctx: FailureContext, depth: number): Reading {
  const note =
    "basic-ftp tried EPSV and then PASV (it only does passive mode) and neither gave a data connection.";
  const reply = /^FTPError: (\d{3})(?:[ -]([\s\S]*))?$/.exec(inner);
  if (reply) {
    const code = Number(reply[1]);
    const transient = code >= 400 && code < 500;
    const reading: Reading = {
      code,
      serverMessage: replyText(`${reply[1]} ${reply[2] ?? ""}`, code),
      reason: "data-connection-failed",
      hint: `${note} The server refused passive mode with reply ${code}.`,
    };
    if (!transient) {
      reading.retryable = false;
      reading.why = `The server refused passive mode with a permanent reply (${code}): it will refuse it again.`;
    }
    return reading;
  }
  const text = inner.replace(/^\w*Error: /, "");
  const read = readMessage(text, undefined, ctx, depth + 1, true);
  if (read.reason === undefined || read.reason === "protocol-error") {
    return {
      ...read,
      reason: "data-connection-failed",
      hint: `${note} The last error was: ${text}`,
    };
  }
  return read.reconnect ? read : { ...read, hint: `${note} ${read.hint ?? ""}`.trim() };
}

function socketError(
  code: unknown,
  socket: "control" | "data",
  ctx: FailureContext,
  earlier: boolean,
): Reading {
  const reading: Reading = { code: codeOf(code), reconnect: true };
  if (typeof code === "string" && TLS_CODE.test(code)) reading.tls = true;
  if (
    !earlier &&
    socket === "data" &&
    typeof code === "string" &&
    RESET_CODES.has(code) &&
    (ctx.operation === undefined || TRANSFERS.has(ctx.operation) || ctx.operation === "list")
  ) {
    Object.assign(reading, dataReset(ctx));
  }
  return reading;
}

/**
 * ProFTPD (and others) reset the data connection when they refuse a transfer (missing file, no
 * right to read or write), and the reset wins the race against the refusal reply. One retry is
 * worth it (it may be the network); the same reset again for the same path is a refusal.
 */
function dataReset(ctx: FailureContext): Reading {
  const hint =
    "The data connection was reset as the transfer ran. Some servers (ProFTPD) reset it instead of sending their refusal when they will not transfer the file: the remote file may be missing or unreadable, or its directory not writable.";
  if (!ctx.refusedBefore) return { hint };
  return {
    hint,
    retryable: false,
    why: "The data connection was reset again for the same path: the server most likely refuses this file (missing, unreadable or not writable), and retrying will not change that.",
  };
}

/** A reset of the data connection during a transfer (see dataReset). */
export function isDataReset(error: unknown): boolean {
  const { code, message } = readErrorShape(error);
  return (
    typeof code === "string" &&
    RESET_CODES.has(code) &&
    message !== undefined &&
    socketOf(message) === "data"
  );
}

function codeOf(code: unknown): string | number | undefined {
  if (code === "0") return undefined; // basic-ftp's "no code" for a closed client
  return typeof code === "string" || typeof code === "number" ? code : undefined;
}

function serverClosed(): Reading {
  return {
    reason: "connection-lost",
    reconnect: true,
    hint: "The server closed the control connection (an idle timeout, a restart, or a crash); anything in flight is incomplete.",
  };
}

/** Errors of a socket basic-ftp owns: its timeouts, its listing limit, and Node's errors. */
function suffixed(
  message: string,
  socket: "control" | "data",
  code: unknown,
  ctx: FailureContext,
  earlier: boolean,
): Reading {
  if (message === `${SOCKET_TIMEOUT} (${socket} socket)`) {
    return {
      reason: "timeout",
      reconnect: true,
      hint:
        socket === "data"
          ? "The server moved no data for longer than the client's timeout (new Client(timeout)), and basic-ftp closed the connection."
          : "The server did not answer within the client's timeout (new Client(timeout)), and basic-ftp closed the connection.",
    };
  }
  if (message.startsWith(LISTING_TOO_LARGE)) {
    return {
      reason: "protocol-error",
      reconnect: true,
      hint: "The directory listing was larger than the client's maxListingBytes (new Client(timeout, { maxListingBytes })).",
    };
  }
  if (message.startsWith(TRANSMISSION_ERROR)) return serverClosed();
  return socketError(code, socket, ctx, earlier);
}

/** basic-ftp's own messages, and Node errors that passed through it. */
function readMessage(
  message: string,
  code: unknown,
  ctx: FailureContext,
  depth: number,
  earlier = false,
): Reading {
  if (depth < MAX_DEPTH && message.startsWith(CLIENT_CLOSED)) {
    const inner = readMessage(message.slice(CLIENT_CLOSED.length), code, ctx, depth + 1, true);
    const before =
      "The client had already been closed by an earlier failure; every call fails until access() connects again.";
    return { ...inner, reconnect: true, hint: inner.hint ? `${before} ${inner.hint}` : before };
  }
  const socket = socketOf(message);
  if (socket !== undefined) return suffixed(message, socket, code, ctx, earlier);
  const strategies = depth < MAX_DEPTH ? NO_TRANSFER_STRATEGY.exec(message) : null;
  if (strategies) return passiveInner(strategies[1] ?? "", ctx, depth);
  if (message.startsWith(PASSIVE_OPEN_FAILED)) {
    return {
      code: codeOf(code),
      reason: "data-connection-failed",
      retryable: true,
      why: "Opening the passive data connection failed; the control connection is still open and the next attempt may get another port.",
      hint: "The client could not connect to the data port the server announced (passive mode).",
    };
  }
  if (message.startsWith(DATA_CONNECT_TIMEOUT)) {
    return {
      reason: "data-connection-failed",
      retryable: true,
      why: "The passive data connection did not connect in time; the control connection is still open.",
      hint: "The data port the server announced did not accept the connection within the client's timeout: a firewall may drop the passive port range.",
    };
  }
  if (message.startsWith(PASV_OTHER_HOST)) {
    return {
      reason: "data-connection-failed",
      retryable: false,
      why: "basic-ftp refuses a passive address on another host until allowSeparateTransferHost is set: retrying gets the same address.",
      hint: "The server announced a data address on another host (often a NAT or load balancer misconfiguration); basic-ftp refuses it unless the Client is created with allowSeparateTransferHost: true.",
    };
  }
  if (isDeadlineMessage(message)) return deadline();
  if (SERVER_CLOSED.some((prefix) => message.startsWith(prefix))) return serverClosed();
  if (message.startsWith(CONTROL_DISCONNECTED))
    return { reason: "connection-lost", reconnect: true };
  if (USER_CLOSED.test(message)) {
    return {
      reason: "client-misuse",
      retryable: false,
      reconnect: true,
      why: "The application closed the client (client.close()); it has to connect again, and nothing went wrong on the server.",
      hint: "client.close() was called while the client was in use.",
    };
  }
  if (message.startsWith(CONCURRENT_TASK)) {
    return {
      reason: "client-misuse",
      retryable: false,
      reconnect: true,
      hint: "A basic-ftp Client runs one operation at a time: a second call started before the first settled, and basic-ftp closed the client. Await each call, or use one client per parallel task.",
    };
  }
  if (message.startsWith(CONTROL_CHARACTERS)) {
    return {
      reason: "invalid-name",
      hint: "The path or command contains a line break or NUL, which FTP cannot carry; basic-ftp refused to send it.",
    };
  }
  const unexpected = UNEXPECTED_REPLY.exec(message);
  if (unexpected) {
    const replyCode = Number(unexpected[1]);
    return {
      code: replyCode,
      serverMessage: replyText(`${unexpected[1]} ${unexpected[2] ?? ""}`, replyCode),
      reason: "protocol-error",
      reconnect: true,
      hint: "The server asked for more in the middle of a transfer (an intermediate reply); basic-ftp cannot answer it and closed the connection.",
    };
  }
  if (TRUNCATED_PASSIVE_REPLY.test(message)) {
    return {
      reason: "connection-lost",
      reconnect: true,
      hint: "The server's passive-mode reply was cut off mid-line: the connection dropped while it arrived.",
    };
  }
  if (PARSE_ERRORS.some((prefix) => message.startsWith(prefix))) {
    return {
      reason: "protocol-error",
      hint: "basic-ftp could not read the server's reply or listing; a custom client.parseList can read unusual listings.",
    };
  }
  if (message.includes(NO_DATA_CONNECTION)) return { reason: "data-connection-failed" };
  const reading: Reading = { code: codeOf(code) };
  if (typeof code === "string" && TLS_CODE.test(code)) {
    // Explicit TLS: the handshake error arrives without a suffix; basic-ftp closes a moment later.
    reading.tls = true;
    reading.reconnect = true;
  }
  return reading;
}

function deadline(): Reading {
  return {
    reason: "timeout",
    reconnect: true,
    hint: "The operation did not settle within the deadline given to wrapClient (timeoutMs), so the connection was closed.",
  };
}

function readReply(code: number, message: string, ctx: FailureContext): Reading {
  const reading: Reading = { code, serverMessage: replyText(message, code) };
  if (ctx.authTlsRefused) {
    return {
      ...reading,
      reason: "unsupported",
      tls: false,
      hint: "The server refused AUTH TLS: it does not offer explicit FTPS on this port (some offer implicit FTPS on port 990 instead).",
    };
  }
  if (ctx.operation === "ensureDir" && code === 550) {
    // basic-ftp ignores the MKD error and reports the CWD that follows it (basic-ftp issue #218).
    reading.reason = "file-unavailable";
    reading.hint =
      "ensureDir could not create the directory: basic-ftp ignores the failed MKD and reports the CWD after it, so the server's text may say 'not found' where creating was refused (check write permission on the parent).";
  }
  return reading;
}

/** Everything the adapter can read from one thrown value. Never throws. */
export function readBasicFtpError(error: unknown, ctx: FailureContext = {}): Failure {
  const { name, message, code } = readErrorShape(error);
  const text = message ?? (typeof error === "string" ? error : "");
  let reading: Reading;
  if (isDeadlineError(error)) reading = deadline();
  else if (isReply(name, code, message)) reading = readReply(code as number, text, ctx);
  else if (isLocalFileError(error, code, text, ctx)) reading = localFile(error, code, text);
  else reading = readMessage(text, code, ctx, 0);
  const failure: Failure = {
    protocol: "ftp",
    ...reading,
    message: oneLine(text) || undefined,
    operation: ctx.operation,
    path: ctx.path,
    cause: error,
  };
  if (failure.code === undefined && reading.reason === undefined) failure.code = codeOf(code);
  if (ctx.closed) failure.reconnect = true;
  if (failure.tls === undefined && ctx.tls !== undefined) failure.tls = ctx.tls;
  if (ctx.secrets && ctx.secrets.length > 0) failure.secrets = ctx.secrets;
  return failure;
}
