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
