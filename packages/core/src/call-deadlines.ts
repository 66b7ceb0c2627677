// The per-call deadline of one wrapped client's calls, on one timer that each call restarts
// rather than one timer made and cleared per call. On a real connection a setTimeout and its
// clearTimeout cost several microseconds per call (a new timer list, calls into the runtime to
// ref and schedule, out of the processor's caches between two requests), more than the rest of the
// wrapper together (issue 10: a wrapped client adds no measurable time to successful calls).
import { DeadlineExceeded, deadlineMs, withDeadline } from "./deadline.js";

type Timer = ReturnType<typeof setTimeout>;

/**
 * `run` answers as `withDeadline` does (the work's outcome, or a DeadlineExceeded past the
 * deadline, the work's late rejection swallowed). The call that runs while no other waits holds
 * the shared timer, restarted for it (`refresh`) and kept from holding the process open between
 * calls (`unref`); a call made while another waits gets its own (`withDeadline`).
 */
export class CallDeadlines {
  #timer: Timer | undefined;
  /** The setTimeout and delay #timer was made with: another (fake timers in a test) makes a new one. */
  #madeBy: typeof setTimeout | undefined;
  #ms = 0;
  /** What rejects the call that holds the timer; undefined while none does. */
  #expire: (() => void) | undefined;

  run<T>(work: Promise<T>, operation: string, timeoutMs: number | undefined): Promise<T> {
    const ms = deadlineMs(timeoutMs);
    if (ms === undefined) return work;
    if (this.#expire !== undefined) return withDeadline(work, operation, ms);
    return new Promise<T>((resolve, reject) => {
      const expire = () => {
        work.catch(() => undefined);
        reject(new DeadlineExceeded(operation, ms));
      };
      const release = () => {
        if (this.#expire !== expire) return;
        this.#expire = undefined;
        this.#idle();
      };
      this.#expire = expire;
      this.#start(ms);
      work.then(
        (value) => {
          release();
          resolve(value);
        },
        (error: unknown) => {
          release();
          reject(error);
        },
      );
    });
  }

  /** No call holds the timer: it must not keep the process open (nor fire at a call). */
  #idle(): void {
    const timer = this.#timer;
    if (timer === undefined) return;
    if (typeof timer.unref === "function" && typeof timer.refresh === "function") {
      timer.unref();
      return;
    }
    // A runtime whose timers cannot be restarted (a number as their id): made again each call.
    clearTimeout(timer);
    this.#timer = undefined;
  }

  /** Restarts the timer for `ms` from now, or makes it when there is none to restart. */
  #start(ms: number): void {
    const timer = this.#timer;
    if (timer !== undefined && this.#madeBy === setTimeout && this.#ms === ms) {
      // ref() first: refresh() keeps a timer's ref state, and #idle() left it unref'd.
      timer.ref();
      timer.refresh();
      return;
    }
    if (timer !== undefined) clearTimeout(timer);
    const made = setTimeout(() => {
      // A timer replaced meanwhile (made by another setTimeout) is no longer this client's.
      if (this.#timer !== made) return;
      // Fired: it is not restarted (a fired timer's restart is not the same in every runtime).
      this.#timer = undefined;
      const expire = this.#expire;
      this.#expire = undefined;
      expire?.();
    }, ms);
    this.#timer = made;
    this.#madeBy = setTimeout;
    this.#ms = ms;
  }
}
