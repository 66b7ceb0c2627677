// One call of a wrapped client, as its wrapper keeps it until it settles: the operation, the
// remote path and the local file found among its arguments (where the adapter's operations table
// says they are), an error of the caller's own stream, and whether another call ran meanwhile.

import { readSafely, safeGet } from "./safe.js";

/** Where an operation's arguments hold its remote path and its local file (or stream). */
export interface CallArguments {
  /** Index of the remote path. */
  path?: number | undefined;
  /** The first argument is a local file: a path, or the caller's stream. */
  local?: boolean | undefined;
}

interface Listenable {
  once(event: "error", listener: (error: unknown) => void): unknown;
  off(event: "error", listener: (error: unknown) => void): unknown;
}

/** A stream (anything with once and off), read safely: a hostile argument is none. */
function isListenable(value: unknown): value is Listenable {
  return (
    typeof value === "object" &&
    typeof safeGet(value, "once") === "function" &&
    typeof safeGet(value, "off") === "function"
  );
}

export class CallRecord {
  readonly path: string | undefined;
  readonly localPath: string | undefined;
  /** No other call of the same client ran while this one did. */
  alone = true;
  #streamError: unknown;
  #detach: (() => void) | undefined;

  constructor(
    readonly operation: string,
    args: readonly unknown[],
    where: CallArguments | undefined,
  ) {
    const remote = where?.path === undefined ? undefined : args[where.path];
    this.path = typeof remote === "string" ? remote : undefined;
    const local = where?.local ? args[0] : undefined;
    this.localPath = typeof local === "string" ? local : undefined;
    if (!isListenable(local)) return;
    // The caller's own stream failing is a local failure, whatever its error looks like.
    const onError = (error: unknown) => {
      this.#streamError = error;
    };
    this.#detach = () => readSafely(() => local.off("error", onError));
    readSafely(() => local.once("error", onError));
  }

  /** `error` is what the caller's own stream emitted. */
  fromCallerStream(error: unknown): boolean {
    return this.#streamError !== undefined && this.#streamError === error;
  }

  /** Stops listening to the caller's stream (the call settled). */
  detach(): void {
    this.#detach?.();
  }
}

/** The calls of one client that have not settled yet. */
export class RunningCalls extends Set<CallRecord> {
  /** `call` starts: it runs alone unless another one is running, which is then no longer alone. */
  start(call: CallRecord): void {
    call.alone = this.size === 0;
    for (const other of this) other.alone = false;
    this.add(call);
  }
}
