// The part of reading what ssh2 (or a client built on it: ssh2-sftp-client, node-ssh) threw that
// every SFTP adapter does alike: its code (or ssh2's `level`), its message, the signals every call
// tells, and what a number means. The adapter reads what only its client says.
import type { AdapterData } from "./adapter-data.js";
import { failureFrom } from "./adapter-data.js";
import type { CallContext } from "./adapter-functions.js";
import { isDeadlineExceeded } from "./deadline.js";
import type { Failure } from "./failure.js";
import { isFileErrorText } from "./local-file.js";
import { isWrongProtocol } from "./peer-greeting.js";
import { readErrorShape } from "./safe.js";
import type { Signal } from "./signals.js";

/** What ssh2 puts on an error. */
export interface Ssh2Shape {
  code: string | number | undefined;
  /** ssh2's word for an error of the connection or the SFTP channel, which it then closed. */
  level: string | undefined;
  /** The message (a thrown string is one); empty when there is none. */
  text: string;
  /**
   * A Node file-system error on the local side (of fastGet, fastPut, a local source or
   * destination): it names a `syscall` and a `path`, or is worded as one ("EISDIR: ..., read").
   */
  localFile: boolean;
}

/** The shape of what ssh2 threw. Never throws. */
export function ssh2Shape(error: unknown): Ssh2Shape {
  const { code, message } = readErrorShape(error);
  if ((typeof error !== "object" && typeof error !== "function") || error === null)
    return { code, level: undefined, text: message ?? "", localFile: false };
  // Reads of their own, each guarded like safeGet (whose one shared read goes megamorphic).
  const fields = error as { syscall?: unknown; path?: unknown; level?: unknown };
  let syscall: unknown;
  let path: unknown;
  let level: unknown;
  try {
    syscall = fields.syscall;
  } catch {
    // a throwing getter: none
  }
  try {
    if (typeof syscall === "string") path = fields.path;
  } catch {
    // none
  }
  try {
    level = fields.level;
  } catch {
    // none
  }
  return {
    code,
    level: typeof level === "string" ? level : undefined,
    text: message ?? "",
    localFile:
      typeof syscall === "string" && (typeof path === "string" || isFileErrorText(message)),
  };
}

/** ssh2's error when the SFTP channel's command exited before the subsystem answered. */
const SESSION_EXIT = /Received exit code -?\d{1,10} while establishing SFTP session/;

/** A Failure whose signals a reader can add to. */
export type Ssh2Failure = Failure & { signals: Signal[] };

/**
 * The Failure of `error` (read as `shape`) in the call `context` tells of, with its code (without
 * one, the `level`) and its number system where the shape tells it (a string code is Node's, a
 * `level` the library's; a number is the reader's to place: `readSsh2Number`), its message, and the
 * signals of the call: `connecting`, ended by the application, an FTP server on the port (the
 * wrappers' look at its first line), and the wrapper's deadline.
 */
export function ssh2Failure(
  data: AdapterData,
  error: unknown,
  shape: Ssh2Shape,
  context: CallContext,
  connecting: boolean,
): Ssh2Failure {
  const signals: Signal[] = [];
  if (connecting) signals.push("connecting");
  if (context.ended) signals.push("closed-by-application");
  if (isWrongProtocol(error)) signals.push("wrong-protocol");
  if (isDeadlineExceeded(error)) signals.push("deadline");
  // Fields assigned, not spread: a spread costs more than the rest of the reading.
  const failure = failureFrom(data, context, { cause: error });
  failure.code = shape.code ?? shape.level;
  failure.codeSpace =
    typeof shape.code === "string" ? "system" : shape.level === undefined ? undefined : "library";
  failure.message = shape.text;
  failure.signals = signals;
  return failure as Ssh2Failure;
}

/**
 * A number ssh2 gave as the code: the reason of the server's DISCONNECT (the connection is gone)
 * when `disconnect`, else an SFTP status. Both kinds share the numbers (OpenSSH's "Too many
 * authentication failures" comes as 2, SSH_DISCONNECT_PROTOCOL_ERROR, which as a status is
 * SSH_FX_NO_SUCH_FILE); in both the text is the server's (or ssh2's default for the status).
 */
export function readSsh2Number(failure: Ssh2Failure, disconnect: boolean, serverText: string) {
  if (SESSION_EXIT.test(failure.message ?? "")) {
    // The exit status of what the server ran instead of the SFTP subsystem (a ForceCommand, a
    // shell that exits): ssh2's own number, neither a status nor a DISCONNECT reason.
    failure.codeSpace = "library";
    return;
  }
  failure.codeSpace = disconnect ? "ssh-disconnect" : "sftp-status";
  failure.serverMessage = serverText;
  if (disconnect) failure.signals.push("client-closed");
}
