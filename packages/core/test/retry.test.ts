import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isTransferError } from "../src/brand.js";
import { createTransferError, type TransferError } from "../src/error.js";
import { markReconnect } from "../src/reconnect-mark.js";
import { backoffDelay, withRetry } from "../src/retry.js";

const transient = () =>
  createTransferError({ protocol: "ftp", code: 451, serverMessage: "Local error" });
const permanent = () =>
  createTransferError({ protocol: "ftp", code: 550, serverMessage: "No such file" });
const lost = () => createTransferError({ protocol: "sftp", code: "ECONNRESET" });

describe("backoffDelay", () => {
  it("stays within [0, min(max, min*2^(n-1))] and honours the server's wait", () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = Math.min(5_000, 100 * 2 ** (attempt - 1));
      expect(
        backoffDelay(attempt, { minDelayMs: 100, maxDelayMs: 5_000, random: () => 0.999999 }),
      ).toBeLessThanOrEqual(ceiling);
      expect(backoffDelay(attempt, { minDelayMs: 100, maxDelayMs: 5_000, random: () => 0 })).toBe(
        0,
      );
    }
    expect(backoffDelay(1, { minDelayMs: 100, random: () => 0 }, 2_000)).toBe(2_000);
    expect(backoffDelay(1, { maxDelayMs: 1_000, random: () => 0 }, 60_000)).toBe(1_000);
    // Nonsense options fall back to the defaults instead of NaN waits.
    const nonsense = {
      minDelayMs: Number.NaN,
      maxDelayMs: Number.NaN,
      factor: Number.NaN,
      random: () => Number.NaN,
    };
    expect(backoffDelay(3, nonsense)).toBe(0);
    expect(backoffDelay(3, { ...nonsense, random: () => 0.5 })).toBe(1_000);
  });
});

describe("withRetry", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("repeats a transient failure up to `retries` times, then throws the TransferError", async () => {
    const fn = vi.fn(async () => {
      throw transient();
    });
    const done = withRetry(fn, { retries: 3, minDelayMs: 10 }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = (await done) as TransferError;
    expect(fn).toHaveBeenCalledTimes(4);
    expect(error.code).toBe(451);
  });

  it("takes NaN retries as the default budget instead of retrying forever", async () => {
    const fn = vi.fn(async () => {
      throw transient();
    });
    const done = withRetry(fn, { retries: Number.NaN, minDelayMs: 1 }).catch(() => undefined);
    await vi.runAllTimersAsync();
    await done;
    expect(fn).toHaveBeenCalledTimes(4);
  });

  it("throws a permanent error at once, without waiting", async () => {
    const fn = vi.fn(async () => {
      throw permanent();
    });
    const onRetry = vi.fn();
    await expect(withRetry(fn, { onRetry })).rejects.toMatchObject({ reason: "not-found" });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("returns the first success and reports each retry with its attempt number", async () => {
    let n = 0;
    const onRetry = vi.fn();
    const done = withRetry(
      async (attempt) => {
        n = attempt;
        if (attempt < 3) throw transient();
        return "ok";
      },
      { onRetry, minDelayMs: 10 },
    );
    await vi.runAllTimersAsync();
    expect(await done).toBe("ok");
    expect(n).toBe(3);
    expect(onRetry.mock.calls.map((c) => c[1])).toEqual([1, 2]);
  });

  it("waits within the full-jitter bounds between attempts", async () => {
    const times: number[] = [];
    const done = withRetry(
      async () => {
        times.push(Date.now());
        throw transient();
      },
      { retries: 4, minDelayMs: 100, maxDelayMs: 250, random: () => 0.999 },
    ).catch(() => undefined);
    await vi.runAllTimersAsync();
    await done;
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps).toEqual([99, 199, 249, 249]);
  });

  it("reconnects before a retry whose hint says so, in order", async () => {
    const log: string[] = [];
    const done = withRetry(
      async (attempt) => {
        log.push(`op${attempt}`);
        if (attempt === 1) throw lost();
        if (attempt === 2) throw transient();
        return "ok";
      },
      { minDelayMs: 1, reconnect: () => void log.push("reconnect") },
    );
    await vi.runAllTimersAsync();
    await done;
    expect(log).toEqual(["op1", "reconnect", "op2", "op3"]);
  });

  it("counts a failed reconnect as a failed attempt within the same budget", async () => {
    let reconnects = 0;
    const fn = vi.fn(async () => {
      throw lost();
    });
    const done = withRetry(fn, {
      retries: 3,
      minDelayMs: 1,
      reconnect: async () => {
        reconnects++;
        throw createTransferError({ protocol: "sftp", code: "ECONNREFUSED" });
      },
    }).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = (await done) as TransferError;
    expect(fn).toHaveBeenCalledTimes(1);
    expect(reconnects).toBe(3);
    expect(error.reason).toBe("connection-refused");
  });

  it("aborts at once, during a wait or an attempt", async () => {
    const controller = new AbortController();
    const waiting = withRetry(
      async () => {
        throw transient();
      },
      { signal: controller.signal, minDelayMs: 60_000 },
    ).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1);
    controller.abort(new Error("stop"));
    expect(((await waiting) as Error).message).toBe("stop");

    const hanging = new AbortController();
    const pending = withRetry(() => new Promise(() => {}), { signal: hanging.signal }).catch(
      (e: unknown) => e,
    );
    hanging.abort(new Error("enough"));
    expect(((await pending) as Error).message).toBe("enough");
  });

  it("does not retry an ambiguous non-idempotent failure unless asked", async () => {
    const ambiguous = () =>
      createTransferError({
        protocol: "ftp",
        code: "ECONNRESET",
        operation: "appendFrom",
        traits: { idempotent: false },
      });
    const fn = vi.fn(async () => {
      throw ambiguous();
    });
    await expect(withRetry(fn)).rejects.toMatchObject({ retry: { ambiguous: true } });
    expect(fn).toHaveBeenCalledTimes(1);
    const again = vi.fn(async () => {
      throw ambiguous();
    });
    const done = withRetry(again, { retries: 2, minDelayMs: 1, retryAmbiguous: true }).catch(
      () => undefined,
    );
    await vi.runAllTimersAsync();
    await done;
    expect(again).toHaveBeenCalledTimes(3);
  });

  it("normalises coded errors and rethrows other values unchanged", async () => {
    const sys = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    let calls = 0;
    const done = withRetry(
      async () => {
        calls++;
        throw sys;
      },
      { retries: 1, minDelayMs: 1 },
    ).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = (await done) as TransferError;
    expect(calls).toBe(2);
    expect(error.reason).toBe("connection-lost");
    expect(error.cause).toBe(sys);
    const bug = new TypeError("x is not a function");
    await expect(withRetry(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe("withRetry and a client that cannot be used again", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const closedClient = () => {
    const e = lost();
    markReconnect(e, null);
    return e;
  };

  it("stops at once when the client is closed and nothing can reconnect it, keeping the failure", async () => {
    const fn = vi.fn(async () => {
      throw closedClient();
    });
    const error = (await withRetry(fn, { retries: 5 }).catch((e: unknown) => e)) as TransferError;
    expect(fn).toHaveBeenCalledTimes(1);
    expect(error.message).toMatch(/not retried: the connection is gone/);
    expect(error.reason).toBe("connection-lost");
    expect(isTransferError(error.cause)).toBe(true);
    expect(error.attempts).toHaveLength(1);
  });

  it("reconnects with the client's own way when it has one, or with the option", async () => {
    const how = vi.fn(async () => undefined);
    let calls = 0;
    const done = withRetry(
      async () => {
        calls++;
        if (calls === 1) {
          const e = lost();
          markReconnect(e, how);
          throw e;
        }
        return "ok";
      },
      { minDelayMs: 1 },
    );
    await vi.runAllTimersAsync();
    expect(await done).toBe("ok");
    expect(how).toHaveBeenCalledTimes(1);
    // The option wins over a closed client's mark.
    const option = vi.fn(async () => undefined);
    let more = 0;
    const second = withRetry(
      async () => {
        more++;
        if (more === 1) throw closedClient();
        return "again";
      },
      { minDelayMs: 1, reconnect: option },
    );
    await vi.runAllTimersAsync();
    expect(await second).toBe("again");
    expect(option).toHaveBeenCalledTimes(1);
  });

  it("keeps every attempt's reason, code and time in the final error and its JSON", async () => {
    const done = withRetry(
      async (attempt) => {
        throw attempt < 3 ? transient() : permanent();
      },
      { minDelayMs: 1, retries: 5 },
    ).catch((e: unknown) => e as TransferError);
    await vi.runAllTimersAsync();
    const error = await done;
    expect(error.attempts?.map((a) => [a.attempt, a.reason, a.code])).toEqual([
      [1, "server-error", 451],
      [2, "server-error", 451],
      [3, "not-found", 550],
    ]);
    expect(JSON.parse(JSON.stringify(error)).attempts).toHaveLength(3);
    expect(Date.parse(error.attempts![0]!.at)).not.toBeNaN();
  });

  it("a hook that throws never replaces the failure", async () => {
    const boom = () => {
      throw new Error("hook");
    };
    const viaShould = await withRetry(
      async () => {
        throw transient();
      },
      { shouldRetry: boom },
    ).catch((e: unknown) => e as TransferError);
    expect(viaShould.reason).toBe("server-error");
    const done = withRetry(
      async () => {
        throw transient();
      },
      { retries: 1, minDelayMs: 1, onRetry: boom, random: boom },
    ).catch((e: unknown) => e as TransferError);
    await vi.runAllTimersAsync();
    expect((await done).reason).toBe("server-error");
  });

  it("a reconnect that never settles fails its attempt after reconnectTimeoutMs", async () => {
    let calls = 0;
    const done = withRetry(
      async () => {
        calls++;
        throw lost();
      },
      {
        retries: 1,
        minDelayMs: 1,
        reconnect: () => new Promise(() => undefined),
        reconnectTimeoutMs: 1_000,
      },
    ).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2_000);
    const error = (await done) as Error;
    expect(calls).toBe(1);
    expect(error.message).toMatch(/reconnect did not settle within 1000 ms/);
  });

  it("a wait longer than a timer can hold is clamped, not fired at once", async () => {
    let calls = 0;
    const done = withRetry(
      async () => {
        calls++;
        throw transient();
      },
      { retries: 1, minDelayMs: 1e10, maxDelayMs: 1e10, random: () => 0.5 },
    ).catch(() => undefined);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(2 ** 31);
    await done;
    expect(calls).toBe(2);
  });
});
