import { describe, expect, it } from "vitest";
import { decide, jitteredDelay, reconnectingBeforeRetry } from "../src/index.ts";
import { ambiguousAppend, busy, connectionLost, failing, notFound } from "./support/errors.ts";

describe("decide", () => {
  it("follows a TransferError's hint", () => {
    expect(decide(notFound())).toMatchObject({
      retry: false,
      reconnect: false,
      reason: "not-found",
    });
    expect(decide(connectionLost())).toMatchObject({ retry: true, reconnect: true });
    expect(decide(busy())).toMatchObject({ retry: true, delayMs: 30_000 });
  });

  it("does not retry an ambiguous failure unless asked", () => {
    expect(decide(ambiguousAppend())).toMatchObject({ retry: false, ambiguous: true });
    expect(decide(ambiguousAppend(), { retryAmbiguous: true }).retry).toBe(true);
  });

  it("judges other values with the core's isRetryable", () => {
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    expect(decide(reset)).toMatchObject({ retry: true, reconnect: false, reason: "unknown" });
    expect(decide(new Error("bug")).retry).toBe(false);
    expect(decide(undefined).retry).toBe(false);
  });

  it("uses normalize, and survives one that throws", () => {
    const raw = new Error("raw");
    expect(decide(raw, { normalize: () => notFound() }).reason).toBe("not-found");
    expect(
      decide(raw, {
        normalize: () => {
          throw new Error("broken");
        },
      }).error,
    ).toBe(raw);
  });
});

describe("jitteredDelay", () => {
  it("draws below the exponential ceiling, and waits at least what the server asked", () => {
    expect(jitteredDelay(1, { minDelayMs: 100, random: () => 0.999 })).toBe(99);
    expect(jitteredDelay(3, { minDelayMs: 100, random: () => 0.5 })).toBe(200);
    expect(jitteredDelay(20, { minDelayMs: 100, maxDelayMs: 1_000, random: () => 0.5 })).toBe(500);
    expect(jitteredDelay(1, { minDelayMs: 100, random: () => 0 }, 30_000)).toBe(30_000);
    expect(jitteredDelay(1, { maxDelayMs: 5_000, random: () => 0 }, 30_000)).toBe(5_000);
  });
});

describe("reconnectingBeforeRetry", () => {
  it("reconnects at the start of the call after a failure that says so, once", async () => {
    const { fn } = failing(connectionLost(), notFound());
    const reconnects: unknown[] = [];
    const run = reconnectingBeforeRetry(fn, (error) => reconnects.push(error));
    await expect(run()).rejects.toMatchObject({ reason: "connection-lost" });
    expect(reconnects).toHaveLength(0);
    await expect(run()).rejects.toMatchObject({ reason: "not-found" });
    expect(reconnects).toHaveLength(1);
    await expect(run()).resolves.toBe("done");
    expect(reconnects).toHaveLength(1);
  });

  it("a failed reconnect fails the attempt, and the next one reconnects again", async () => {
    const { fn, calls } = failing(connectionLost());
    let reconnects = 0;
    const run = reconnectingBeforeRetry(fn, () => {
      reconnects += 1;
      if (reconnects === 1) throw connectionLost();
    });
    await expect(run()).rejects.toBeDefined();
    await expect(run()).rejects.toMatchObject({ reason: "connection-lost" });
    await expect(run()).resolves.toBe("done");
    expect(reconnects).toBe(2);
    expect(calls).toHaveLength(2);
  });
});
