// BullMQ: permanent failures fail the job at once, retries wait as the hint says.
// Structural: nothing is imported from bullmq (BullMQ stops retrying on any error whose name is
// `UnrecoverableError`, and calls `settings.backoffStrategy(attemptsMade, type, err, job)`).
import { type BackoffOptions, jitteredDelay } from "./backoff.js";
import { type DecideOptions, decide } from "./decide.js";

/** The backoff `type` to give jobs whose retries `transferBackoffStrategy` decides. */
export const TRANSFER_BACKOFF = "transfer-errors";

/**
 * Thrown for a failure that a retry cannot fix: BullMQ fails the job at once (its name is
 * `UnrecoverableError`, which BullMQ checks besides its own class). The message starts with the
 * reason, and BullMQ keeps only the message, as the job's `failedReason`.
 */
export class UnrecoverableTransferError extends Error {
  override readonly name = "UnrecoverableError";
  /** The TransferError's reason, `"unknown"` for any other error. */
  readonly reason: string;
  /** The failure, as thrown. */
  declare readonly cause: unknown;

  constructor(reason: string, message: string, options: { cause?: unknown } = {}) {
    super(`${reason}: ${message}`, options);
    this.reason = reason;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === "string" ? error : "non-error thrown";
}

/**
 * Wraps a BullMQ processor: a failure that a retry cannot fix (a missing file, a refused login,
 * an append that may already have happened) is rethrown as an `UnrecoverableTransferError`, so
 * the job fails at this attempt with the reason in `failedReason`; a retryable failure is
 * rethrown as it is, for the job's `attempts` and backoff.
 */
export function transferProcessor<J, R, A extends unknown[]>(
  processor: (job: J, ...rest: A) => Promise<R>,
  options: DecideOptions = {},
): (job: J, ...rest: A) => Promise<R> {
  return async (job, ...rest) => {
    try {
      return await processor(job, ...rest);
    } catch (error) {
      const decision = decide(error, options);
      if (decision.retry) throw decision.error;
      throw new UnrecoverableTransferError(decision.reason, messageOf(decision.error), {
        cause: decision.error,
      });
    }
  };
}

/** BullMQ's `BackoffStrategy` (structural). */
export type BackoffStrategy = (
  attemptsMade: number,
  type?: string,
  error?: Error,
  job?: unknown,
) => number;

export interface TransferBackoffOptions extends BackoffOptions, DecideOptions {
  /**
   * The strategy for jobs whose backoff `type` is another custom one (BullMQ has one
   * `backoffStrategy` per worker). Default: none, such jobs fail.
   */
  otherTypes?: BackoffStrategy | undefined;
}

/**
 * For the worker's `settings.backoffStrategy`, with `backoff: { type: TRANSFER_BACKOFF }` on the
 * jobs: the wait the server asked for (`retry.delayMs`) when it did, else exponential backoff
 * with full jitter (defaults 1 s, ×2, at most 60 s); -1 (fail the job) when the failure is not
 * retryable.
 */
export function transferBackoffStrategy(options: TransferBackoffOptions = {}): BackoffStrategy {
  return (attemptsMade, type, error, job) => {
    if (type !== undefined && type !== TRANSFER_BACKOFF) {
      return options.otherTypes ? options.otherTypes(attemptsMade, type, error, job) : -1;
    }
    const decision = decide(error, options);
    if (!decision.retry) return -1;
    return jitteredDelay(attemptsMade, options, decision.delayMs);
  };
}
