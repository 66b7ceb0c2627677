// The calls of a client that still wait for an answer, each with how to fail it: some client
// libraries forget them when their connection closes, and their callers would wait for ever.

export type FailCall = (error: unknown) => void;

export class PendingCalls {
  readonly #fails = new Set<FailCall>();

  get size(): number {
    return this.#fails.size;
  }

  add(fail: FailCall): void {
    this.#fails.add(fail);
  }

  delete(fail: FailCall): void {
    this.#fails.delete(fail);
  }

  /** Fails every pending call with `error` (each removes itself as it settles). */
  failAll(error: unknown): void {
    for (const fail of [...this.#fails]) fail(error);
  }
}
