import { isTransferError } from "./brand.js";
import { deadlineMs, MAX_TIMER_MS, withDeadline } from "./deadline.js";
import { makeTransferError, type TransferError } from "./error.js";
import { failureOf } from "./from-unknown.js";
import { reconnectorOf } from "./reconnect-mark.js";
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
  /**
   * How long a `reconnect` may take before it counts as a failed attempt. Default 60 000 ms (at
   * most 2^31 - 1).
   */
  reconnectTimeoutMs?: number;
  /** Overrides the hint: return true to retry, false to stop (a throw reads as false). */
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
  let drawn: unknown;
  try {
    drawn = (options.random ?? Math.random)();
  } catch {
    drawn = Math.random(); // a broken random source must not replace the failure
  }
  const random = Math.min(1, Math.max(0, finiteOr(drawn, 0)));
  const jitter = Math.floor(random * ceiling);
  return serverDelayMs === undefined ? jitter : Math.max(jitter, Math.min(serverDelayMs, max));
}

function defaultNormalize(error: unknown): unknown {
  if (isTransferError(error)) return error;
  return readErrorShape(error).code === undefined ? error : makeTransferError(failureOf(error));
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

/** One failed attempt, as the final error keeps it (`error.attempts`). */
export interface AttemptRecord {
  attempt: number;
  reason: TransferError["reason"];
  code: TransferError["code"];
  /** When it failed, ISO 8601. */
  at: string;
}

const RECONNECT_TIMEOUT_MS = 60_000;

/** A hook's own failure must not replace the transfer's: it is ignored (or reads as "stop"). */
function safely<T>(call: () => T, fallback: T): T {
  try {
    return call();
  } catch {
    return fallback;
  }
}

/** The error withRetry throws: the failure, with every attempt's reason, code and time. */
function final(error: TransferError, attempts: AttemptRecord[]): TransferError {
  try {
    Object.defineProperty(error, "attempts", { value: attempts, configurable: true });
  } catch {
    // a frozen error stays as it is
  }
  return error;
}

/**
 * The client is closed and nothing can reopen it (no `reconnect` option, and the client was not
 * wrapped to reconnect by itself): every further attempt would fail the same way, so stop now
 * with an error that says so and keeps the failure as its cause.
 */
function cannotReconnect(error: TransferError): TransferError {
  return makeTransferError({
    protocol: error.protocol,
    code: error.code,
    codeSpace: error.codeSpace,
    serverMessage: error.serverMessage,
    message: `${error.message} (not retried: the connection is gone, and withRetry has no reconnect: pass the reconnect option, or wrap the client to reconnect by itself)`,
    operation: error.operation,
    path: error.path,
    tls: error.tls,
    reason: error.reason,
    cause: error,
  });
}

/**
 * Runs `fn`, and repeats it while its error is retryable, with exponential backoff and full
 * jitter; reconnects first when the hint says so. A non-retryable error is thrown at once, and so
 * is one after which the client cannot be used again and nothing can reconnect it. The error
 * thrown in the end keeps every attempt's failure (`error.attempts`).
 */
export async function withRetry<T>(
  fn: (attempt: number) => T | PromiseLike<T>,
  options: RetryOptions = {},
): Promise<T> {
  const { signal } = options;
  const retries = retryBudget(options.retries);
  const normalize = options.normalize ?? defaultNormalize;
  const reconnectTimeoutMs = deadlineMs(options.reconnectTimeoutMs) ?? RECONNECT_TIMEOUT_MS;
  const attempts: AttemptRecord[] = [];
  let pendingReconnect:
    | { error: TransferError; how: (error: TransferError) => unknown }
    | undefined;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    try {
      const run = async () => {
        if (pendingReconnect) {
          const { error, how } = pendingReconnect;
          // A reconnect that never settles must not hold the loop: it fails this attempt.
          await withDeadline(
            Promise.resolve().then(() => how(error)),
            "reconnect",
            reconnectTimeoutMs,
          );
        }
        pendingReconnect = undefined;
        return await fn(attempt);
      };
      return await raceAbort(run(), signal);
    } catch (thrown) {
      if (signal?.aborted) throw abortReason(signal);
      const error = normalize(thrown);
      if (!isTransferError(error)) throw error;
      attempts.push({
        attempt,
        reason: error.reason,
        code: error.code,
        at: new Date().toISOString(),
      });
      const hint = error.retry;
      const wanted = safely(
        () =>
          options.shouldRetry?.(error, attempt) ??
          (hint.retryable || (hint.ambiguous === true && options.retryAmbiguous === true)),
        false,
      );
      if (!wanted || attempt > retries) throw final(error, attempts);
      if (hint.reconnect) {
        const marked = reconnectorOf(error);
        const how = options.reconnect ?? marked;
        if (how === null) throw final(cannotReconnect(error), attempts);
        if (how) pendingReconnect = { error, how };
      }
      await safely(() => options.onRetry?.(error, attempt), undefined);
      await sleep(
        Math.min(
          safely(() => backoffDelay(attempt, options, hint.delayMs), 0),
          MAX_TIMER_MS,
        ),
        signal,
      );
    }
  }
}
