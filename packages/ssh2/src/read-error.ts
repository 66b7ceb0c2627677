// Reads what ssh2's SFTPWrapper, its Client or node-ssh threw into the facts of a core `Failure`:
// which number system its code belongs to, the server's text, and what only the adapter sees.
// Its messages are data (library-rules.ts); the core decides from there.
import {
  type AdapterData,
  adapterFunctions,
  type CallContext,
  type Failure,
  readSsh2Number,
  sftpRequestOf,
  ssh2Failure,
  ssh2Shape,
} from "@transfer-errors/core/adapter";
import { sftpReplyCatalog } from "@transfer-errors/core/catalog";
import { advice } from "./advice.js";
import { libraryRules } from "./library-rules.js";
import { traits } from "./operations.js";

/** What this adapter gives every Failure: its rules, advice, operations and the replies known. */
const ssh2Data: AdapterData = {
  protocol: "sftp",
  operations: traits,
  rules: libraryRules,
  advice,
  catalog: sftpReplyCatalog,
};

/** What the caller knows about the failed call (operation, path, secrets, ended), and: */
export interface ErrorContext extends CallContext {
  /**
   * The error came from the ssh2 `Client` (its 'error' event): a number in it is an SSH
   * disconnect reason, not an SFTP status. `operation: "connect"` implies it.
   */
  connection?: boolean | undefined;
}

/** Reads what ssh2 (or node-ssh) threw into a core `Failure`. Never throws on any value. */
export function readError(error: unknown, context: ErrorContext = {}): Failure {
  const shape = ssh2Shape(error);
  const { code, level, text } = shape;
  const connecting = context.operation === "connect";
  const failure = ssh2Failure(ssh2Data, error, shape, context, connecting);
  const { signals } = failure;
  // ssh2's `level` marks an error of the connection (or the SFTP channel): it is gone.
  if (level !== undefined || (context.connection && typeof code !== "number"))
    signals.push("client-closed");
  if (shape.localFile) signals.push("local-file");
  if (typeof code !== "number") return failure;
  if (text.startsWith("Received ") && text.endsWith(" while establishing SFTP session")) {
    failure.codeSpace = "library"; // a subsystem's exit code, not an SFTP status
  } else {
    // The Client's DISCONNECT error (the reason number and the server's description), or an
    // SFTP STATUS reply (ssh2 puts the server's text, or its default, in the message).
    const disconnect = Boolean(context.connection || connecting || level !== undefined);
    readSsh2Number(failure, disconnect, text);
    // Each SFTPWrapper method but a few (fastGet, readFile) sends one request: the status answered
    // it (the same text can mean another thing to another: "No such file" to READ is a handle
    // the server does not know).
    if (!disconnect) failure.request ??= sftpRequestOf(context.operation);
  }
  return failure;
}

/**
 * Anything ssh2 or node-ssh threw, passed to a callback or emitted (or any other value) as a
 * `TransferError`: the SFTP status, SSH disconnect reason, Node system code or ssh2 `level` it
 * carries, read for what it means; `context` adds what the caller knows (operation, path, secrets
 * to keep out of every text, whether it came from the Client). A TransferError is returned as it
 * is. Never throws. `isRetryable` and `withRetry` read through it.
 */
export const {
  toTransferError,
  isRetryable,
  withRetry,
  convert: fromFailure,
} = adapterFunctions<ErrorContext>("sftp", readError);
