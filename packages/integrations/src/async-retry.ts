// async-retry: `bail` on a permanent failure, reconnect at the start of the next attempt.
import { type DecideOptions, decide, type Reconnect, reconnectingBeforeRetry } from "./decide.js";

/** async-retry's retried function (structural: no import of async-retry). */
export type AsyncRetryFunction<T> = (
  bail: (error: Error) => void,
  attempt: number,
) => T | Promise<T>;

export interface BailOptions extends DecideOptions {
  /**
   * Opens the connection again. async-retry's `onRetry` is not awaited, so the reconnect runs
   * at the start of the attempt after a failure whose hint says `reconnect`; a failed reconnect
   * fails that attempt.
   */
  reconnect?: Reconnect | undefined;
}

/**
 * Wraps the function given to async-retry: a failure that a retry cannot fix is passed to
 * `bail` (async-retry rejects with it at once), anything else is thrown for async-retry to
 * retry. Keeps state (a pending reconnect): make one per `retry` call.
 */
export function bailOnPermanent<T>(
  fn: AsyncRetryFunction<T>,
  options: BailOptions = {},
): AsyncRetryFunction<T> {
  const run = reconnectingBeforeRetry(fn, options.reconnect, options);
  return async (bail, attempt) => {
    try {
      return await run(bail, attempt);
    } catch (error) {
      if (decide(error, options).retry) throw error;
      // async-retry has rejected with it: what this resolves with is ignored, and not
      // rethrowing keeps async-retry from scheduling another attempt.
      bail(asError(error));
      return undefined as T;
    }
  };
}

/** async-retry's bail wants an Error; String() throws on Object.create(null) or a revoked Proxy. */
function asError(error: unknown): Error {
  try {
    return error instanceof Error ? error : new Error(String(error));
  } catch {
    return new Error("[a thrown value that could not be read]");
  }
}
