// A callback-style call's answer, given once: the client's reply or the deadline, whichever
// comes first. A timer rather than withDeadline: the callback stays a plain callback, called
// outside any promise, so that what it throws is thrown as the client would throw it.
import { DeadlineExceeded, deadlineMs } from "./deadline.js";

export interface OnceAnswer {
  /** The callback to give the client: passes its reply on, unless the call was answered already. */
  (error: unknown, ...results: unknown[]): unknown;
  /** Ends the wait without an answer (the call threw instead); `false` when it was answered. */
  cancel(): boolean;
}

/**
 * Wraps `answer` so that it runs once: with the client's reply, or with a `DeadlineExceeded`
 * after `timeoutMs` (then `onExpire` runs, to close the connection so that the client stops
 * waiting too). A reply after the deadline is dropped.
 */
export function answerOnce(
  operation: string,
  timeoutMs: unknown,
  answer: (error: unknown, ...results: unknown[]) => unknown,
  onExpire?: () => void,
): OnceAnswer {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const once = (error: unknown, ...results: unknown[]) => {
    if (done) return undefined;
    done = true;
    clearTimeout(timer);
    return answer(error, ...results);
  };
  const ms = deadlineMs(timeoutMs);
  if (ms !== undefined) {
    timer = setTimeout(() => {
      once(new DeadlineExceeded(operation, ms));
      try {
        onExpire?.();
      } catch {
        // a connection that cannot even close is already gone
      }
    }, ms);
  }
  return Object.assign(once, {
    cancel() {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      return true;
    },
  });
}
