// The deadlines of one client's calls on one restarted timer (CallDeadlines): each call still
// gets its own full deadline, counted from its start, and nothing is kept waiting between calls.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CallDeadlines,
  DeadlineExceeded,
  deadlineMs,
  isDeadlineExceeded,
} from "../src/deadline.js";

/**
 * `work` under `timeoutMs` on `deadlines` (as PromiseCalls puts a call under it): settles with the
 * work, or rejects with DeadlineExceeded at the deadline; no deadline gives the work itself.
 */
function run<T>(
  deadlines: CallDeadlines,
  work: Promise<T>,
  operation: string,
  timeoutMs: number | undefined,
): Promise<T> {
  const ms = deadlineMs(timeoutMs);
  if (ms === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const hold = deadlines.hold(ms, () => {
      work.catch(() => undefined);
      reject(new DeadlineExceeded(operation, ms));
    });
    work.then(
      (value) => {
        deadlines.release(hold);
        resolve(value);
      },
      (error: unknown) => {
        deadlines.release(hold);
        reject(error);
      },
    );
  });
}

afterEach(() => {
  vi.useRealTimers();
});

/** A promise and its settling functions. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** What a promise has come to, kept as it settles (a rejection is handled at once). */
function track(promise: Promise<unknown>): { outcome: unknown } {
  const seen: { outcome: unknown } = { outcome: "pending" };
  promise.then(
    (value) => {
      seen.outcome = value;
    },
    (error: unknown) => {
      seen.outcome = error;
    },
  );
  return seen;
}

describe("CallDeadlines", () => {
  it("answers with the work's value or failure; no deadline gives the work itself", async () => {
    const deadlines = new CallDeadlines();
    await expect(run(deadlines, Promise.resolve(1), "stat", 1000)).resolves.toBe(1);
    await expect(run(deadlines, Promise.reject(new Error("no")), "stat", 1000)).rejects.toThrow(
      "no",
    );
    const work = Promise.resolve(2);
    expect(run(deadlines, work, "stat", undefined)).toBe(work);
    expect(run(deadlines, work, "stat", 0)).toBe(work);
  });

  it("each call in turn gets its whole deadline from its own start (the timer restarted)", async () => {
    vi.useFakeTimers();
    const deadlines = new CallDeadlines();
    await run(deadlines, Promise.resolve("first"), "stat", 100);
    await vi.advanceTimersByTimeAsync(80);
    const second = deferred<string>();
    const answer = track(run(deadlines, second.promise, "get", 100));
    // 80 ms after the first call's start: a timer left from it would fire at 100.
    await vi.advanceTimersByTimeAsync(99);
    expect(answer.outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    const error = answer.outcome;
    expect(isDeadlineExceeded(error)).toBe(true);
    expect(error).toMatchObject({ operation: "get", timeoutMs: 100 });
    // The late rejection of the work is swallowed (no unhandled rejection).
    second.reject(new Error("late"));
    await vi.advanceTimersByTimeAsync(0);
  });

  it("a call made while another waits has its own deadline; both expire at their time", async () => {
    vi.useFakeTimers();
    const deadlines = new CallDeadlines();
    const first = track(run(deadlines, new Promise(() => undefined), "get", 100));
    await vi.advanceTimersByTimeAsync(30);
    const second = track(run(deadlines, new Promise(() => undefined), "stat", 100));
    await vi.advanceTimersByTimeAsync(69);
    expect(first.outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(isDeadlineExceeded(first.outcome)).toBe(true);
    expect(second.outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(30);
    expect(second.outcome).toMatchObject({ operation: "stat" });
    // After an expiry the next call gets a timer again.
    const third = track(run(deadlines, new Promise(() => undefined), "list", 50));
    await vi.advanceTimersByTimeAsync(49);
    expect(third.outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(third.outcome).toMatchObject({ operation: "list", timeoutMs: 50 });
  });

  it("a call that settles after its deadline leaves the next call's deadline running", async () => {
    vi.useFakeTimers();
    const deadlines = new CallDeadlines();
    const first = deferred<string>();
    const late = track(run(deadlines, first.promise, "get", 100));
    await vi.advanceTimersByTimeAsync(100);
    expect(isDeadlineExceeded(late.outcome)).toBe(true);
    const second = track(run(deadlines, new Promise(() => undefined), "stat", 100));
    // The first call's answer comes now: it must not stop the second call's timer.
    first.resolve("too late");
    await vi.advanceTimersByTimeAsync(99);
    expect(second.outcome).toBe("pending");
    await vi.advanceTimersByTimeAsync(1);
    expect(second.outcome).toMatchObject({ operation: "stat", timeoutMs: 100 });
  });

  it("a settled call's timer never fires at the next call, and keeps no process open", async () => {
    const deadlines = new CallDeadlines();
    const made: ReturnType<typeof setTimeout>[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((
      fn: () => void,
      ms: number,
    ) => {
      const timer = realSetTimeout(fn, ms);
      made.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      await run(deadlines, Promise.resolve(1), "stat", 60_000);
      expect(made).toHaveLength(1);
      expect(made[0]?.hasRef()).toBe(false);
      const pending = deferred<number>();
      const answer = run(deadlines, pending.promise, "stat", 60_000);
      // The same timer, restarted and holding the process while the call waits.
      expect(made).toHaveLength(1);
      expect(made[0]?.hasRef()).toBe(true);
      pending.resolve(2);
      await expect(answer).resolves.toBe(2);
      expect(made[0]?.hasRef()).toBe(false);
    } finally {
      spy.mockRestore();
      for (const timer of made) clearTimeout(timer);
    }
  });

  it("another setTimeout (fake timers installed later) makes a new timer; the old one is ignored", async () => {
    const deadlines = new CallDeadlines();
    await run(deadlines, Promise.resolve(1), "stat", 100);
    vi.useFakeTimers();
    const answer = track(run(deadlines, new Promise(() => undefined), "get", 100));
    await vi.advanceTimersByTimeAsync(100);
    expect(answer.outcome).toMatchObject({ operation: "get" });
    vi.useRealTimers();
    const late = deferred<number>();
    const after = run(deadlines, late.promise, "stat", 100);
    late.resolve(3);
    await expect(after).resolves.toBe(3);
  });
});
