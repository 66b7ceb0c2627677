// A promise-returning call of a wrapped client (promise-ftp), settled once: by its own outcome, by
// the deadline, or by the failure its connection's end gives the calls still waiting (`pending`).
import type { CallbackCall } from "./callback-calls.js";
import { withDeadline } from "./deadline.js";
import type { AnyMethod } from "./wrap-methods.js";

/**
 * Calls `original` on `target` with `args` under `call.timeoutMs` (past it `expired` runs, to close
 * the connection). Resolves with the call's value (`replied` sees it first), or rejects with
 * `convert` of its failure: a synchronous throw, a rejection whatever its value (`0`, `""` and
 * `undefined` too: `convert` gets it as it is), or what `pending.failAll` gives. A `refused` call
 * rejects with it at once and is not sent.
 */
export function callWithPromise(
  target: object,
  original: AnyMethod,
  args: unknown[],
  call: CallbackCall,
): Promise<unknown> {
  if (call.refused !== undefined) return Promise.reject(call.refused);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (failed: boolean, outcome: unknown) => {
      if (settled) return;
      settled = true;
      call.pending?.delete(fail);
      if (failed) return reject(call.convert(outcome));
      call.replied?.([outcome]);
      resolve(outcome);
    };
    const fail = (error: unknown) => settle(true, error);
    call.pending?.add(fail);
    const work = new Promise((run) => run(original.apply(target, args)));
    withDeadline(work, call.operation, call.timeoutMs, call.expired).then(
      (value) => settle(false, value),
      fail,
    );
  });
}
