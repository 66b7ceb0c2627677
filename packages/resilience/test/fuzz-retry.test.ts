// fast-check over withRetry's options and backoffDelay: whatever the numbers, the loop settles
// within its budget, no wait is longer than the cap, and the error thrown in the end is the one
// the operation threw (or a TransferError holding it as `cause`).
import { createTransferError, isTransferError, withRetry } from "@transfer-errors/core";
import { backoffDelay } from "@transfer-errors/core/adapter";
import { runs } from "@transfer-errors/testkit/fast-check";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** Numbers a caller may pass by mistake, besides sensible ones. */
const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 8 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0),
);

const unitRandom = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

const optionsArb = fc.record(
  {
    retries: anyNumber,
    minDelayMs: anyNumber,
    maxDelayMs: anyNumber,
    factor: anyNumber,
    retryAmbiguous: fc.boolean(),
    random: unitRandom.map((r) => () => r),
  },
  { requiredKeys: [] },
);

/**
 * The longest wait withRetry may take, as RetryOptions.maxDelayMs promises: "No wait is longer
 * than this". A finite maxDelayMs is the cap as given, above 30 000 too (30 000 is the default,
 * not a ceiling: with factor 8 the third wait may reach 32 s); a negative one allows no wait;
 * anything else (none, NaN, an infinity) means the default, 30 000.
 */
function cap(maxDelayMs: number | undefined): number {
  if (maxDelayMs === undefined || !Number.isFinite(maxDelayMs)) return 30_000;
  return Math.max(0, maxDelayMs);
}

/** The longest wait the arbitraries above can ask for: the largest finite maxDelayMs. */
const LONGEST_WAIT = 1e6;

/**
 * The retries the budget allows: a finite `retries` rounded down (none below 0), Infinity when
 * asked on purpose, the default 3 for anything else (none, NaN, -Infinity).
 */
function budget(retries: number | undefined): number {
  if (retries === Number.POSITIVE_INFINITY) return retries;
  if (retries === undefined || !Number.isFinite(retries)) return 3;
  return Math.max(0, Math.floor(retries));
}

const ATTEMPT_LIMIT = 40;

describe("withRetry under any options", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Drives the fake clock until `run` settles (each step as long as the longest wait). */
  async function settle<T>(
    run: Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    run.then(
      (value) => {
        outcome = { ok: true, value };
      },
      (error: unknown) => {
        outcome = { ok: false, error };
      },
    );
    for (let step = 0; step < 200 && outcome === undefined; step++) {
      await vi.advanceTimersByTimeAsync(LONGEST_WAIT + 1);
    }
    if (!outcome) throw new Error("withRetry did not settle");
    return outcome;
  }

  it("settles within the budget, waits no longer than the cap, and keeps the thrown error", async () => {
    await fc.assert(
      fc.asyncProperty(
        optionsArb,
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom("transfer-error", "raw-with-code", "no-code"),
        async (options, failures, kind) => {
          const thrown: unknown[] = [];
          const waits: number[] = [];
          let lastFailureAt = 0;
          let attempts = 0;
          const run = withRetry(() => {
            attempts += 1;
            if (lastFailureAt) waits.push(Date.now() - lastFailureAt);
            if (attempts > ATTEMPT_LIMIT) throw new Error("attempt limit");
            if (attempts > failures) return "done";
            lastFailureAt = Date.now();
            const error =
              kind === "transfer-error"
                ? createTransferError({ protocol: "ftp", code: "ECONNRESET" })
                : kind === "raw-with-code"
                  ? Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })
                  : "a bare string";
            thrown.push(error);
            throw error;
          }, options);
          const outcome = await settle(run);
          expect(attempts).toBeLessThanOrEqual(ATTEMPT_LIMIT);
          // +1: a timer of 0 ms fires after 1 ms, as in Node.
          for (const wait of waits) expect(wait).toBeLessThanOrEqual(cap(options.maxDelayMs) + 1);
          const allowed = budget(options.retries);
          if (kind === "no-code") {
            // Not an error this loop can read: thrown at once, unchanged.
            expect(attempts).toBe(1);
            if (failures > 0) expect(outcome).toEqual({ ok: false, error: "a bare string" });
            return;
          }
          if (outcome.ok) {
            expect(attempts).toBe(failures + 1);
            expect(failures).toBeLessThanOrEqual(allowed);
            return;
          }
          // Gave up: on the last error thrown, or on the original inside a TransferError.
          const last = thrown.at(-1);
          expect(isTransferError(outcome.error)).toBe(true);
          const error = outcome.error as { originalError?: unknown };
          expect(outcome.error === last || error.originalError === last).toBe(true);
          expect(attempts).toBe(allowed + 1);
        },
      ),
      runs(300),
    );
  });

  it("honours a maxDelayMs above the default 30 000 (the issue's counterexample)", async () => {
    // factor 8 from minDelayMs 500: the ceilings are 500, 4 000 and 32 000 ms.
    const waits: number[] = [];
    let failedAt = 0;
    const run = withRetry(
      () => {
        if (failedAt) waits.push(Date.now() - failedAt);
        failedAt = Date.now();
        if (waits.length < 3) throw createTransferError({ protocol: "ftp", code: "ECONNRESET" });
        return "done";
      },
      { maxDelayMs: 245_029.33941597474, factor: 8, retries: 4, random: () => 0.99 },
    );
    expect(await settle(run)).toEqual({ ok: true, value: "done" });
    expect(waits).toEqual([495, 3_960, 31_680]);
  });

  it("never retries forever on a retries value that is no number of retries", async () => {
    for (const retries of [Number.NaN, -1, -Infinity, 2.7]) {
      let attempts = 0;
      const run = withRetry(
        () => {
          attempts += 1;
          if (attempts > ATTEMPT_LIMIT) throw new Error("attempt limit");
          throw createTransferError({ protocol: "sftp", code: "ECONNRESET" });
        },
        { retries, minDelayMs: 1 },
      );
      const outcome = await settle(run);
      expect(outcome.ok).toBe(false);
      expect(attempts, `retries: ${retries}`).toBeLessThanOrEqual(4);
    }
  });

  it("aborts with the signal's own reason, during a wait of any length", async () => {
    await fc.assert(
      fc.asyncProperty(
        optionsArb,
        fc.integer({ min: 0, max: 29_000 }),
        async (options, abortAfter) => {
          const controller = new AbortController();
          const reason = new Error("caller gave up");
          const run = withRetry(
            () => {
              throw createTransferError({ protocol: "ftp", code: 421 });
            },
            { ...options, retries: 5, signal: controller.signal },
          );
          setTimeout(() => controller.abort(reason), abortAfter);
          const outcome = await settle(run);
          // Either the budget ran out first, or the abort came: then with its reason, as it is.
          if (!outcome.ok && !isTransferError(outcome.error)) expect(outcome.error).toBe(reason);
        },
      ),
      runs(100),
    );
  });
});

describe("backoffDelay", () => {
  it("stays within [0, maxDelayMs] and honours the server's delay up to the cap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.record({
          minDelayMs: fc.double({ min: 0, max: 1e5, noNaN: true }),
          maxDelayMs: fc.double({ min: 0, max: 1e5, noNaN: true }),
          factor: fc.double({ min: 1, max: 10, noNaN: true }),
          random: unitRandom.map((r) => () => r),
        }),
        fc.option(fc.integer({ min: 0, max: 1e6 }), { nil: undefined }),
        (attempt, options, serverDelay) => {
          const delay = backoffDelay(attempt, options, serverDelay);
          expect(Number.isFinite(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(options.maxDelayMs);
          if (serverDelay !== undefined) {
            expect(delay).toBeGreaterThanOrEqual(Math.min(serverDelay, options.maxDelayMs));
          }
        },
      ),
      runs(1000),
    );
  });
});
