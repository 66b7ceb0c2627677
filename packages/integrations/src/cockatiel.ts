// cockatiel: `handleWhen` with the hint, a backoff that follows it, and a retry policy preset.
import {
  handleWhen,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
  type IRetryContext,
  type RetryPolicy,
  retry,
} from "cockatiel";
import { type BackoffOptions, jitteredDelay } from "./backoff.js";
import { type DecideOptions, decide, type Reconnect, reconnectingBeforeRetry } from "./decide.js";

/** For `handleWhen`: true for a failure that a retry can fix. */
export function isTransientTransfer(options: DecideOptions = {}): (error: unknown) => boolean {
  return (error) => decide(error, options).retry;
}

/**
 * A cockatiel backoff: exponential with full jitter, and at least the wait the server asked for
 * (`retry.delayMs`, a busy server).
 */
export class TransferBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  constructor(
    private readonly options: BackoffOptions & DecideOptions = {},
    private readonly attempt = 0,
  ) {}

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    const attempt = this.attempt + 1;
    const failure = "error" in context.result ? context.result.error : undefined;
    const duration = jitteredDelay(attempt, this.options, decide(failure, this.options).delayMs);
    const following = new TransferBackoff(this.options, attempt);
    return { duration, next: (nextContext) => following.next(nextContext) };
  }
}

export interface TransferPolicyOptions extends BackoffOptions, DecideOptions {
  /** Retries after the first attempt (cockatiel's `maxAttempts`). Default 3. */
  maxAttempts?: number | undefined;
}

/**
 * The preset: `retry(handleWhen(isTransientTransfer()), { maxAttempts: 3, backoff:
 * new TransferBackoff() })`. Retries what the hint says a retry can fix, never a permanent or an
 * ambiguous failure. cockatiel's `onRetry` is an event, not awaited: to reconnect, execute
 * `withReconnect(fn, reconnect)`.
 */
export function transferRetryPolicy(options: TransferPolicyOptions = {}): RetryPolicy {
  return retry(handleWhen(isTransientTransfer(options)), {
    maxAttempts: options.maxAttempts ?? 3,
    backoff: new TransferBackoff(options),
  });
}

/**
 * Wraps the function given to `policy.execute`: after a failure whose hint says the connection
 * is gone, the next attempt first awaits `reconnect` (its failure fails that attempt). Make one
 * per `execute` call.
 */
export function withReconnect<T>(
  fn: (context: IRetryContext) => T | PromiseLike<T>,
  reconnect: Reconnect,
  options: DecideOptions = {},
): (context: IRetryContext) => Promise<T> {
  return reconnectingBeforeRetry(fn, reconnect, options);
}
