import {
  classify,
  type Failure,
  type Reason,
  readErrorShape,
  safeGet,
  safeString,
} from "@transfer-errors/core";
import {
  levelReasons,
  type MessageRule,
  publicMethodOf,
  ruleForMessage,
  sftpStatusTexts,
} from "./known-messages.js";
import { parseMessage, splitTextAndPath } from "./message-shape.js";

/** What the caller knows about the failed call. */
export interface ErrorContext {
  /** The client method that failed (`"get"`, `"connect"`). */
  operation?: string | undefined;
  /** The remote path involved. */
  path?: string | undefined;
  /** Exact strings to keep out of every text: the connection's password, passphrase, key. */
  secrets?: readonly unknown[] | undefined;
  /**
   * `false` when the client was never connected: "No SFTP connection available" is then a
   * misuse (call connect() first), not a lost connection.
   */
  connected?: boolean | undefined;
}

interface Shape {
  code: number | string | undefined;
  message: string;
  level: string | undefined;
  custom: boolean;
  /** Node puts `syscall` and `path` on local file-system errors. */
  localPath: string | undefined;
  syscall: string | undefined;
  prefixes: string[];
  detail: string;
}

function readShape(error: unknown): Shape {
  const { code, message } = readErrorShape(error);
  const text = message ?? (typeof error === "string" ? error : "");
  const { prefixes, detail } = parseMessage(text);
  return {
    code,
    message: text,
    level: safeString(error, "level"),
    custom: safeGet(error, "custom") === true,
    localPath: safeString(error, "path"),
    syscall: safeString(error, "syscall"),
    prefixes,
    detail,
  };
}

/** The public method a message names, from its outermost prefix that is one. */
function operationOf(prefixes: readonly string[]): string | undefined {
  for (const prefix of prefixes) {
    if (prefix === "sftp") continue; // fmtError's default name, not a method
    const mapped = publicMethodOf[prefix];
    if (mapped) return mapped;
    if (!prefix.startsWith("_")) return prefix;
  }
  return undefined;
}

/**
 * Reads what ssh2-sftp-client (or ssh2 underneath it) threw into a core `Failure`: which number
 * system its code belongs to, the server's text, the path, and the reason where the code alone
 * does not say it. The core classifies, explains and redacts from there.
 */
export function readError(error: unknown, context: ErrorContext = {}): Failure {
  const shape = readShape(error);
  const isConnect = context.operation === "connect" || shape.prefixes.includes("getConnection");
  const { text, path } = splitTextAndPath(shape.detail, context.path);
  // One object, filled in below: object spreads cost microseconds per error on Node 20.
  const failure: Failure = {
    protocol: "sftp",
    code: shape.code,
    message: shape.message,
    operation: context.operation ?? operationOf(shape.prefixes),
    path: context.path ?? (isConnect ? undefined : path),
    cause: error,
    secrets: context.secrets,
  };
  const { code } = shape;
  if (typeof code === "number") numericCode(failure, shape, text, isConnect, context);
  else if (typeof code === "string") stringCode(failure, shape, text, context);
  else codeless(failure, shape, context);
  return failure;
}

/**
 * A failure on the local side: the path in the message is a local one, so keep only the remote
 * path the caller named.
 */
function local(failure: Failure, context: ErrorContext, hint?: string): void {
  failure.reason = "local-file-error";
  failure.path = context.path;
  if (hint) failure.hint = hint;
}

function numericCode(
  failure: Failure,
  shape: Shape,
  text: string,
  isConnect: boolean,
  context: ErrorContext,
): void {
  const code = shape.code as number;
  if (code < 0) {
    // haveLocalAccess puts Node's negative errno (-2 ENOENT, -13 EACCES) on a local source check.
    failure.codeSpace = "library";
    local(
      failure,
      context,
      `The local file could not be read (errno ${code}): the failure is on this machine, not the server.`,
    );
    return;
  }
  if (isDisconnect(shape, text, isConnect)) {
    failure.codeSpace = "ssh-disconnect";
    failure.serverMessage = shape.detail;
    failure.reconnect = true;
    const rule = ruleForMessage(shape.detail);
    if (rule) applyRule(failure, rule);
    return;
  }
  failure.codeSpace = "sftp-status";
  failure.serverMessage = text;
}

/**
 * A number is an SSH disconnect reason (1 to 15), not an SFTP status, when it came while
 * connecting, or through ssh2-sftp-client's connection listener (a prefix but not `custom`,
 * and not a status text). Both kinds share the numbers: "Too many authentication failures"
 * arrives as code 2, which as a status would be SSH_FX_NO_SUCH_FILE.
 */
function isDisconnect(shape: Shape, text: string, isConnect: boolean): boolean {
  if (isConnect) return true;
  if (shape.level !== undefined) return true;
  if (shape.custom) return false;
  if (sftpStatusTexts.has(text)) return false;
  return shape.prefixes.length > 0;
}

function stringCode(failure: Failure, shape: Shape, text: string, context: ErrorContext): void {
  const code = shape.code as string;
  // A Node file-system error on the local side: it names a local path and a syscall.
  if (
    shape.syscall !== undefined &&
    shape.localPath !== undefined &&
    !shape.prefixes.includes("getConnection")
  ) {
    failure.codeSpace = "system";
    local(
      failure,
      context,
      `The local file "${shape.localPath}" failed (${code} in ${shape.syscall}): the failure is on this machine, not the server.`,
    );
    return;
  }
  switch (code) {
    case "ERR_NOT_CONNECTED":
      failure.codeSpace = "library";
      notConnected(failure, shape, context);
      return;
    case "ERR_BAD_PATH":
      failure.codeSpace = "library";
      badPath(failure, shape, context);
      return;
    case "ERR_GENERIC_CLIENT":
      failure.codeSpace = "library";
      generic(failure, shape, text, context);
      return;
    case "ERR_BAD_AUTH":
      failure.codeSpace = "library";
      failure.reason = "auth-failed";
      return;
    case "ERR_SOCKET_BAD_PORT":
      failure.codeSpace = "system";
      failure.reason = "client-misuse";
      return;
    default:
      // Node's codes, and ENOENT, EACCES, ENOTDIR as the library sets them for a remote path
      // (stat of a missing path says ENOENT, for the server's status 2 or 4): read as the system
      // codes they copy, so that stat and get agree.
      failure.codeSpace = "system";
  }
}

const NEVER_CONNECTED = "The client was never connected: call connect() before any other method.";

function notConnected(failure: Failure, shape: Shape, context: ErrorContext): void {
  const rule = ruleForMessage(shape.detail);
  if (rule?.reason === "client-misuse") {
    applyRule(failure, rule); // connect() twice
    return;
  }
  if (context.connected === false) {
    failure.reason = "client-misuse";
    failure.hint = NEVER_CONNECTED;
    return;
  }
  failure.reason = "connection-lost";
  failure.reconnect = true;
  failure.hint = "The connection was closed or lost; connect again with a new client.";
}

// ERR_BAD_PATH: the library's checks before (or instead of) asking the server.
const badPathRules: readonly { pattern: RegExp; reason: Reason; hint?: string }[] = [
  {
    // _doMkdir turns the server's generic SSH_FX_FAILURE (4) into this text.
    pattern: /permission denied$/,
    reason: "server-error",
    hint: "ssh2-sftp-client reports the server's generic SSH_FX_FAILURE (4) to mkdir as \"permission denied\": the real cause can be an existing entry, a full disk or a read-only file system (wrapClient's `diagnose` option looks).",
  },
  { pattern: /parent not a directory or not exist/, reason: "not-found" },
  { pattern: /already exists/, reason: "already-exists" },
  { pattern: /cannot append to a directory/, reason: "is-a-directory" },
  { pattern: /Cannot append one file to another/, reason: "client-misuse" },
  { pattern: /No such (?:file|directory)|Source does not exist|not exist/i, reason: "not-found" },
  { pattern: /Not a directory/i, reason: "not-a-directory" },
  { pattern: /Not a regular file|Source not a file/i, reason: "is-a-directory" },
];

// Prefixes whose "Bad path" is about the local side (fastPut's source, downloadDir's target...).
const LOCAL_CHECKS = new Set([
  "fastPut",
  "fastgPut",
  "getLocalStatus",
  "prepareDestination",
  "_prepareDestination",
  "localExists",
]);

function badPath(failure: Failure, shape: Shape, context: ErrorContext): void {
  const last = shape.prefixes.at(-1) ?? "";
  // fastGet's own "Bad path:" is its check of the local destination; its remote check says "No such file".
  if (LOCAL_CHECKS.has(last) || (last === "fastGet" && shape.detail.startsWith("Bad path:"))) {
    local(failure, context);
    return;
  }
  // "Bad Path: /p: No such directory", "Bad path: /p already exists as a file"
  failure.path =
    context.path ?? /^Bad [Pp]ath:? (\S+?):?(?: |$)/.exec(shape.detail)?.[1] ?? failure.path;
  const rule = badPathRules.find((r) => r.pattern.test(shape.detail));
  if (!rule) return;
  failure.reason = rule.reason;
  if (rule.hint) failure.hint = rule.hint;
}

function generic(failure: Failure, shape: Shape, text: string, context: ErrorContext): void {
  // "get: Bad path: /x: /nonexistent-dir: not exist": get's check of the local destination.
  if (shape.detail.startsWith("Bad path: ")) {
    local(failure, context);
    return;
  }
  // fastGet and rcopy drop the SFTP status and keep only its text: read the status from it.
  const status = sftpStatusTexts.get(text);
  if (status !== undefined) {
    failure.reason = classify({ protocol: "sftp", code: status, codeSpace: "sftp-status" }).reason;
    failure.serverMessage = text;
    return;
  }
  codeless(failure, shape, context);
}

function codeless(failure: Failure, shape: Shape, context: ErrorContext): void {
  const rule =
    ruleForMessage(shape.message) ?? (shape.level ? levelReasons[shape.level] : undefined);
  if (!rule) return;
  if (
    rule.reason === "connection-lost" &&
    context.connected === false &&
    /No SFTP connection|Cannot read properties/.test(shape.message)
  ) {
    failure.reason = "client-misuse";
    failure.hint = NEVER_CONNECTED;
    return;
  }
  applyRule(failure, rule);
}

function applyRule(failure: Failure, rule: MessageRule): void {
  failure.reason = rule.reason;
  if (rule.reconnect) failure.reconnect = true;
  if (rule.hint) failure.hint = rule.hint;
}
