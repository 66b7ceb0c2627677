// One call of a promise-returning client, guarded: a synchronous throw becomes a rejection, a
// deadline bounds the wait, a hook runs first thing whichever way it settles (to release what the
// wrapper held for it), and a failure reaches the caller as the wrapper's own error.
import { type DeadlineExceeded, withDeadline } from "./deadline.js";
import { isThenable } from "./wrap-methods.js";

export interface CallGuard {
  operation: string;
  timeoutMs: number | undefined;
  /** Past the deadline: close the connection, so that the client stops waiting too. */
  onExpire?: ((error: DeadlineExceeded) => void) | undefined;
  /** Runs once the call settled, before its outcome is passed on (`error` when it failed). */
  settled(failed: boolean, error?: unknown): void;
  /** Runs after `settled` when the promise the call returned resolved. */
  resolved?: (() => void) | undefined;
  /**
   * What the caller gets instead of the client's failure: `late` for a rejection (then it may be
   * a promise, of a look into the failure), not for a synchronous throw.
   */
  failure(error: unknown, late: boolean): unknown;
}

/** `run()` under `guard`: its value as it is (a non-promise too), or a rejection with `failure`. */
export function guardedCall(run: () => unknown, guard: CallGuard): unknown {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    guard.settled(true, error);
    return Promise.reject(guard.failure(error, false));
  }
  if (!isThenable(result)) {
    guard.settled(false);
    return result;
  }
  const { operation, timeoutMs, onExpire } = guard;
  return withDeadline(Promise.resolve(result), operation, timeoutMs, onExpire).then(
    (value) => {
      guard.settled(false);
      guard.resolved?.();
      return value;
    },
    async (error: unknown) => {
      guard.settled(true, error);
      throw await guard.failure(error, true);
    },
  );
}
