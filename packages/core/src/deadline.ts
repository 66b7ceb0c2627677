// The per-call deadline both wrappers give their clients (`timeoutMs`).

const PREFIX = "Deadline exceeded: ";
const brand = Symbol.for("transfer-errors.DeadlineExceeded");

/** setTimeout's largest delay; a longer one fires at once (Node warns and uses 1 ms). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A call that passed its deadline. It never reaches the caller as such: the adapter reads it as
 * the `deadline` signal. Its message has a fixed form because a client may quote it later
 * ("Client is closed because Deadline exceeded: ...").
 */
export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
  readonly [brand] = true;
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
  ) {
    super(`${PREFIX}${operation} did not settle within ${timeoutMs} ms`);
  }
}

export function isDeadlineExceeded(value: unknown): value is DeadlineExceeded {
  try {
    return (
      typeof value === "object" && value !== null && (value as DeadlineExceeded)[brand] === true
    );
  } catch {
    return false;
  }
}

/** The message of a DeadlineExceeded, also when a client quotes it in one of its own. */
export function mentionsDeadline(message: string): boolean {
  return message.startsWith(PREFIX);
}

/**
 * A usable deadline: a positive finite number, at most `MAX_TIMER_MS` (a larger one is clamped
 * rather than firing at once); anything else is no deadline.
 */
export function deadlineMs(value: unknown): number | undefined {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value)) return undefined;
  return Math.min(value, MAX_TIMER_MS);
}

/**
 * Settles with `work`, or rejects with DeadlineExceeded after `timeoutMs` and calls `onExpire`
 * with it (to close the connection, so that the client stops waiting too). The work's late
 * rejection is swallowed here so that it never becomes an unhandled rejection.
 */
export function withDeadline<T>(
  work: Promise<T>,
  operation: string,
  timeoutMs: number | undefined,
  onExpire?: (error: DeadlineExceeded) => void,
): Promise<T> {
  const ms = deadlineMs(timeoutMs);
  if (ms === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      work.catch(() => undefined);
      const error = new DeadlineExceeded(operation, ms);
      try {
        onExpire?.(error);
      } catch {
        // closing a broken client may throw; the caller still gets its answer
      }
      reject(error);
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * The deadlines of one client's calls (`hold` one, `release` it when the call settles), on one
 * timer that each call restarts (`refresh`) rather than one made and cleared per call: on a real
 * connection a setTimeout and its clearTimeout cost several microseconds per call (a new timer
 * list, calls into the runtime, all out of the processor's caches between two requests), the
 * largest part of what a wrapper adds to a successful call (issue 10). The call that runs while
 * no other waits holds the timer; between calls it is unref'd (it holds no process open); a call
 * made while another waits gets a timer of its own.
 */
export class CallDeadlines {
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The setTimeout #timer was made with: another one (fake timers in a test) makes a new timer. */
  #madeBy: unknown;
  #ms = 0;
  /** What the call that holds the timer runs at its deadline; undefined while none holds it. */
  #holder: (() => void) | undefined;

  /**
   * A call's deadline (`ms`, a `deadlineMs`): `expire` runs once it passes, unless `release`
   * was given what this returns first. The shared timer while no other call holds it, a timer of
   * its own otherwise.
   */
  hold(ms: number, expire: () => void): Hold {
    if (this.#holder !== undefined) return setTimeout(expire, ms);
    this.#holder = expire;
    this.#start(ms);
    return expire;
  }

  /** The call of `hold` settled: its timer waits no more (the shared one, unref'd, for the next). */
  release(hold: Hold): void {
    if (typeof hold !== "function") {
      clearTimeout(hold);
      return;
    }
    // A call past its deadline no longer holds the timer (another may hold it by now).
    if (this.#holder !== hold) return;
    this.#holder = undefined;
    const timer = this.#timer;
    // A runtime whose timers cannot be restarted (a number as their id) makes one each call.
    if (timer?.refresh) {
      timer.unref();
    } else {
      clearTimeout(timer);
      this.#timer = undefined;
    }
  }

  /** Restarts the timer for `ms` from now, or makes it when there is none to restart. */
  #start(ms: number): void {
    const timer = this.#timer;
    if (timer !== undefined && this.#madeBy === setTimeout && this.#ms === ms) {
      // ref() first: refresh() keeps a timer's ref state, and release() left it unref'd.
      timer.ref();
      timer.refresh();
      return;
    }
    clearTimeout(timer);
    const made = setTimeout(() => {
      // A timer replaced meanwhile (made by another setTimeout) is no longer this client's.
      if (this.#timer !== made) return;
      // Fired: not restarted (a fired timer's restart is not the same in every runtime).
      this.#timer = undefined;
      const expire = this.#holder;
      this.#holder = undefined;
      expire?.();
    }, ms);
    this.#timer = made;
    this.#madeBy = setTimeout;
    this.#ms = ms;
  }
}

/** What `CallDeadlines.hold` gives back: the shared timer's holder, or a call's own timer. */
export type Hold = (() => void) | ReturnType<typeof setTimeout>;
