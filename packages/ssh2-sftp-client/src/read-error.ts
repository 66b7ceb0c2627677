// The facts of a Failure: which number system the code belongs to, the server's text, the path,
// and what only the adapter sees. Its messages are data (library-rules.ts); the core decides.
import {
  type AdapterData,
  adapterFunctions,
  type CallContext,
  type Failure,
  readSsh2Number,
  type Ssh2Failure,
  type Ssh2Shape,
  safeGet,
  sftpStatusTexts,
  sftpStreamMethods,
  splitPrefixes,
  splitTextAndPath,
  ssh2Failure,
  ssh2Shape,
} from "@transfer-errors/core/adapter";
import { sftpReplyCatalog } from "@transfer-errors/core/catalog";
import { advice } from "./advice.js";
import { connectors, libraryCodes, libraryRules, publicMethodOf } from "./library-rules.js";
import { operations } from "./operations.js";

/** What this adapter gives every Failure: its rules, advice, operations and the replies known. */
export const sftpClientData: AdapterData = {
  protocol: "sftp",
  operations,
  rules: libraryRules,
  advice,
  catalog: sftpReplyCatalog,
};

/** What the caller knows about the failed call (operation, path, secrets, ended), and: */
export interface ErrorContext extends CallContext {
  /**
   * `false` when the client was never connected: "No SFTP connection available" is then a
   * misuse (call connect() first), not a lost connection.
   */
  connected?: boolean | undefined;
}

/** ssh2's shape of the error, with the library's method prefixes split off its message. */
type Shape = Ssh2Shape & { custom: boolean; prefixes: readonly string[]; detail: string };

// ssh2-sftp-client rebuilds almost every error as `${method}: ${inner message} ${path}`, with
// prefixes that nest ("mkdir: _doMkdir: ...", "fastGet->sftp: ...", "put: Re-thrown: _put: ...").
function isMethodName(name: string): boolean {
  return (
    name.startsWith("_") ||
    name === "sftp" ||
    name in operations ||
    name in publicMethodOf ||
    sftpStreamMethods.has(name)
  );
}

function readShape(error: unknown): Shape {
  const shape = ssh2Shape(error) as Shape;
  const split = splitPrefixes(shape.text, isMethodName, connectors);
  shape.custom = safeGet(error, "custom") === true;
  shape.prefixes = split.prefixes;
  shape.detail = split.detail;
  return shape;
}

/** The public methods a message's prefixes name, outermost first ("uploadFiles: fastPut: ..."). */
function methodsOf(prefixes: readonly string[]): string[] {
  const methods: string[] = [];
  for (const prefix of prefixes) {
    if (prefix === "sftp") continue; // fmtError's default name, not a method
    const method = publicMethodOf[prefix] ?? (prefix.startsWith("_") ? undefined : prefix);
    if (method) methods.push(method);
  }
  return methods;
}

// The path the library's own checks name: "Bad Path: /p: No such directory", "Bad path: /p already
// exists as a file".
const BAD_PATH = /^Bad [Pp]ath:? (\S{1,4096}?):?(?: |$)/;

// Prefixes whose "Bad path" is about the local side (fastPut's source, downloadDir's target...).
const LOCAL_CHECKS = new Set(
  "fastPut fastgPut getLocalStatus prepareDestination _prepareDestination localExists".split(" "),
);

/**
 * Reads what ssh2-sftp-client (or ssh2 underneath it) threw into a core `Failure`. Never throws
 * on any value (its reads are guarded).
 */
export function readError(error: unknown, context: ErrorContext = {}): Failure {
  const shape = readShape(error);
  const { secrets, serverGreeting, ended, request } = context;
  const isConnect = context.operation === "connect" || shape.prefixes.includes("getConnection");
  const { text, path } = splitTextAndPath(shape.detail, context.path);
  const methods = methodsOf(shape.prefixes);
  const operation = context.operation ?? methods[0];
  const remote = context.path ?? (isConnect ? undefined : path);
  const known = { operation, path: remote, secrets, serverGreeting, ended, request };
  const failure = ssh2Failure(sftpClientData, error, shape, known, isConnect);
  const { signals } = failure;
  // A method that calls others (uploadDir, downloadDir, rcopy) names the one that failed: the
  // status answered that one's requests (fastPut's OPEN or WRITE, not uploadDir's MKDIR).
  const inner = methods.at(-1);
  if (inner !== undefined && inner !== operation)
    failure.traits = operations[inner] ?? failure.traits;
  if (typeof shape.code === "number") {
    if (shape.code < 0) {
      // haveLocalAccess puts Node's negative errno (-2 ENOENT, -13 EACCES) on a local source check.
      failure.codeSpace = "library";
      local(failure, context);
    } else {
      const disconnect = isDisconnect(shape, text, isConnect);
      readSsh2Number(failure, disconnect, disconnect ? shape.detail : text);
    }
  } else if (typeof shape.code === "string") {
    // The library's own codes; every other string (ECONNRESET, Node's ERR_STREAM_...) is Node's.
    if (libraryCodes.has(shape.code)) failure.codeSpace = "library";
    if (shape.localFile && !shape.prefixes.includes("getConnection")) {
      failure.codeSpace = "system";
      local(failure, context);
    } else if (shape.code === "ERR_BAD_PATH") {
      const last = shape.prefixes.at(-1) ?? "";
      // fastGet's own "Bad path:" is its check of the local destination; its remote check says "No such file".
      if (LOCAL_CHECKS.has(last) || (last === "fastGet" && shape.detail.startsWith("Bad path:")))
        local(failure, context);
      else if (context.path === undefined)
        failure.path = BAD_PATH.exec(shape.detail)?.[1] ?? failure.path;
    } else if (shape.code === "ERR_GENERIC_CLIENT") {
      // "get: Bad path: /x: /nonexistent-dir: not exist": get's check of the local destination.
      if (shape.detail.startsWith("Bad path: ")) local(failure, context);
      // fastGet and rcopy drop the SFTP status and keep only its text.
      else if (sftpStatusTexts.has(text)) failure.serverMessage = text;
    }
    if (shape.code === "ERR_NOT_CONNECTED" && context.connected === false) signals.push("misuse");
  } else if (
    context.connected === false &&
    /No SFTP connection|Cannot read properties/.test(shape.text)
  ) {
    signals.push("misuse");
  }
  return failure;
}

/**
 * The path in the message is a local one: keep only the remote path the caller named. A function
 * of the module, not a closure of readError: one object less on every failure (and under tsx,
 * which the benches run, a closure is also named with a defineProperty each time it is made).
 */
function local(failure: Ssh2Failure, context: ErrorContext): void {
  failure.signals.push("local-file");
  failure.path = context.path;
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

/**
 * Anything ssh2-sftp-client or ssh2 threw (or any other value) as a `TransferError`: the SFTP
 * status, SSH disconnect reason, Node system code or library code it carries, read for what it
 * means; `context` adds what the caller knows (operation, path, secrets to keep out of every
 * text). A TransferError is returned as it is. Never throws. `isRetryable` and `withRetry` read
 * through it.
 */
export const {
  toTransferError,
  isRetryable,
  withRetry,
  convert: fromFailure,
} = adapterFunctions<ErrorContext>("sftp", readError);
