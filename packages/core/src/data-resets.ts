// Some FTP servers (ProFTPD) refuse a transfer by resetting its data connection, which looks like
// a network failure. Once is bad luck; the same reset again for the same call and path is the
// server's answer (the `repeated` signal). What an FTP wrapper remembers of it, per client, and
// which operations have a data connection to reset.
import type { OperationTraits } from "./failure.js";
import { safeGet } from "./safe.js";

const RESET_CODES: ReadonlySet<unknown> = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);
/** The FTP commands whose data goes over a data connection (RFC 959, RFC 3659). */
const DATA_COMMANDS: ReadonlySet<unknown> = new Set([
  "RETR",
  "STOR",
  "STOU",
  "APPE",
  "LIST",
  "NLST",
  "MLSD",
]);

/** An operation (its traits, read safely) sends a command with a data connection. */
export function sendsDataCommand(traits: OperationTraits | undefined): boolean {
  const commands = safeGet(traits, "commands");
  return Array.isArray(commands) && commands.some((command) => DATA_COMMANDS.has(command));
}

/** A Node code of a connection reset (or a write to a reset connection). */
export function isResetCode(code: unknown): boolean {
  return RESET_CODES.has(code);
}

/** The data resets of one client, by operation and path. */
export class ResetMemory {
  readonly #seen = new Set<string>();

  /** Notes a data reset of `operation` on `path`: true when the same came before. */
  note(operation: string, path: string | undefined): boolean {
    const key = `${operation}\0${path ?? ""}`;
    const repeated = this.#seen.has(key);
    this.#seen.add(key);
    return repeated;
  }

  /** The call succeeded: an earlier reset of it was not the server's answer. */
  forget(operation: string, path: string | undefined): void {
    if (this.#seen.size > 0) this.#seen.delete(`${operation}\0${path ?? ""}`);
  }
}

/**
 * What a failure with the Node code `code` of `operation` on `path` says of a data reset: a reset
 * of an operation that sends a data command (its `traits`) is noted in `resets`, and `repeated` if
 * it came before. A function, not a method: a wrapper that does not use it does not carry it.
 */
export function readDataReset(
  resets: ResetMemory,
  code: unknown,
  operation: string | undefined,
  path: string | undefined,
  traits: OperationTraits | undefined,
): { dataReset?: true; repeated?: boolean } {
  if (!isResetCode(code) || operation === undefined || !sendsDataCommand(traits)) return {};
  return { dataReset: true, repeated: resets.note(operation, path) };
}
