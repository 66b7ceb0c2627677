// Some FTP servers (ProFTPD) refuse a transfer by resetting its data connection, which looks like
// a network failure. Once is bad luck; the same reset again for the same call and path is the
// server's answer (the `repeated` signal). What an FTP wrapper remembers of it, per client.

const RESET_CODES: ReadonlySet<unknown> = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

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
