import { isTransferError } from "./brand.js";
import { createTransferError, type TransferError } from "./error.js";
import { failureOf } from "./from-unknown.js";
import { readErrorShape } from "./safe.js";

export interface RetryOptions {
  /** Retries after the first attempt. Default 3 (at most 4 attempts). */
  retries?: number;
  /** The backoff's first ceiling. Default 500 ms. */
  minDelayMs?: number;
  /** No wait is longer than this, even when the server asks for more. Default 30 000 ms. */
  maxDelayMs?: number;
  /** Growth of the ceiling per attempt. Default 2. */
  factor?: number;
  /** Aborts the loop at once: the pending attempt or wait is abandoned and `signal.reason` thrown. */
  signal?: AbortSignal;
  /** Called before each wait, with the error and the number of the attempt that failed. */
  onRetry?: (error: TransferError, attempt: number) => unknown;
  /**
   * Called before a retry whose hint says `reconnect` (the connection is gone). Its failure
   * counts as a failed attempt and is retried within the same budget.
   */
  reconnect?: (error: TransferError) => unknown;
  /** Also retry operations that may already have taken effect (`retry.ambiguous`). Default false. */
  retryAmbiguous?: boolean;
  /** Overrides the hint: return true to retry, false to stop. */
  shouldRetry?: (error: TransferError, attempt: number) => boolean;
  /**
   * Turns what `fn` threw into a TransferError. The adapters bind their `toTransferError` here;
   * the default reads any value with a `code` by its shape and rethrows other values unchanged.
   */
  normalize?: (error: unknown) => unknown;
  /** The random source of the jitter, in [0, 1). Default Math.random. */
  random?: () => number;
}

/** A finite number, or the default for anything else (NaN, Infinity, a string by mistake). */
function finiteOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** Retries as asked: a whole number from 0, `Infinity` on purpose, else the default 3. */
function retryBudget(value: unknown): number {
  if (value === Number.POSITIVE_INFINITY) return value;
  return Math.max(0, Math.floor(finiteOr(value, 3)));
}

/** Full jitter: a uniform wait between 0 and the exponential ceiling, at least what the server asked. */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, "minDelayMs" | "maxDelayMs" | "factor" | "random">,
  serverDelayMs?: number,
): number {
  const min = Math.max(0, finiteOr(options.minDelayMs, 500));
  const max = Math.max(0, finiteOr(options.maxDelayMs, 30_000));
  const ceiling = Math.min(max, min * Math.max(1, finiteOr(options.factor, 2)) ** (attempt - 1));
  const random = Math.min(1, Math.max(0, finiteOr((options.random ?? Math.random)(), 0)));
  const jitter = Math.floor(random * ceiling);
  return serverDelayMs === undefined ? jitter : Math.max(jitter, Math.min(serverDelayMs, max));
}

function defaultNormalize(error: unknown): unknown {
  if (isTransferError(error)) return error;
  return readErrorShape(error).code === undefined ? error : createTransferError(failureOf(error));
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/** Settles with `work`, or rejects at once when `signal` aborts. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return raceAbort(wait, signal).finally(() => clearTimeout(timer));
}

/**
 * Runs `fn`, and repeats it while its error is retryable, with exponential backoff and full
 * jitter; reconnects first when the hint says so. A non-retryable error is thrown at once.
 */
export async function withRetry<T>(
  fn: (attempt: number) => T | PromiseLike<T>,
  options: RetryOptions = {},
): Promise<T> {
  const { signal, reconnect } = options;
  const retries = retryBudget(options.retries);
  const normalize = options.normalize ?? defaultNormalize;
  let pendingReconnect: TransferError | undefined;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    try {
      const run = async () => {
        if (pendingReconnect && reconnect) await reconnect(pendingReconnect);
        pendingReconnect = undefined;
        return await fn(attempt);
      };
      return await raceAbort(run(), signal);
    } catch (thrown) {
      if (signal?.aborted) throw abortReason(signal);
      const error = normalize(thrown);
      if (!isTransferError(error)) throw error;
      const hint = error.retry;
      const wanted =
        options.shouldRetry?.(error, attempt) ??
        (hint.retryable || (hint.ambiguous === true && options.retryAmbiguous === true));
      if (!wanted || attempt > retries) throw error;
      if (hint.reconnect) pendingReconnect = error;
      await options.onRetry?.(error, attempt);
      await sleep(backoffDelay(attempt, options, hint.delayMs), signal);
    }
  }
}
