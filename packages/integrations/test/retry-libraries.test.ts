// p-retry, async-retry, exponential-backoff and cockatiel, the real libraries, with the hint:
// first with made-up operations, then the README's examples against vsftpd behind the fault proxy.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isTransferError } from "@transfer-errors/core";
import { ftpFixtures } from "@transfer-errors/testkit/ftp";
import retry from "async-retry";
import { ConstantBackoff, retry as cockatielRetry, handleWhen } from "cockatiel";
import { backOff } from "exponential-backoff";
import pRetry from "p-retry";
import { afterAll, describe, expect, it, vi } from "vitest";
import { download as asyncRetryDownload } from "../examples/async-retry.ts";
import { download as cockatielDownload } from "../examples/cockatiel.ts";
import { download as backoffDownload } from "../examples/exponential-backoff.ts";
import { download as pRetryDownload } from "../examples/p-retry.ts";
import { bailOnPermanent } from "../src/async-retry.ts";
import {
  isTransientTransfer,
  TransferBackoff,
  transferRetryPolicy,
  withReconnect,
} from "../src/cockatiel.ts";
import { retryTransfer } from "../src/exponential-backoff.ts";
import { shouldRetryTransfer } from "../src/p-retry.ts";
import {
  ambiguousAppend,
  busy,
  connectionLost,
  failing,
  notFound,
  transient,
} from "./support/errors.ts";
import { ftpUnavailable, useFtpThroughProxy, useVsftpd } from "./support/servers.ts";

const fast = { minTimeout: 1, maxTimeout: 2 };

describe("p-retry: shouldRetryTransfer", () => {
  it("stops at once on a permanent failure", async () => {
    const { fn, calls } = failing(notFound());
    await expect(pRetry(fn, { ...fast, shouldRetry: shouldRetryTransfer() })).rejects.toMatchObject(
      { reason: "not-found" },
    );
    expect(calls).toHaveLength(1);
  });

  it("reconnects before the attempt after a lost connection, not after a 450", async () => {
    const { fn, calls } = failing(connectionLost(), transient());
    const reconnect = vi.fn(async () => {});
    await expect(
      pRetry(fn, { ...fast, shouldRetry: shouldRetryTransfer({ reconnect }) }),
    ).resolves.toBe("done");
    expect(calls).toHaveLength(3);
    expect(reconnect).toHaveBeenCalledTimes(1);
  });

  it("does not repeat an append that may have happened, unless told to", async () => {
    const once = failing(ambiguousAppend());
    await expect(
      pRetry(once.fn, { ...fast, shouldRetry: shouldRetryTransfer() }),
    ).rejects.toMatchObject({
      retry: { ambiguous: true },
    });
    expect(once.calls).toHaveLength(1);
    const twice = failing(ambiguousAppend());
    await pRetry(twice.fn, { ...fast, shouldRetry: shouldRetryTransfer({ retryAmbiguous: true }) });
    expect(twice.calls).toHaveLength(2);
  });

  it("after a failed reconnect, retries and reconnects again whatever the next attempt threw", async () => {
    const misuse = new Error("client closed");
    const { fn, calls } = failing(connectionLost(), misuse);
    let reconnects = 0;
    const errors: unknown[] = [];
    const result = await pRetry(fn, {
      ...fast,
      shouldRetry: shouldRetryTransfer({
        reconnect: () => {
          reconnects += 1;
          if (reconnects === 1) throw connectionLost();
        },
        onReconnectError: (error) => errors.push(error),
      }),
    });
    expect(result).toBe("done");
    expect(calls).toHaveLength(3);
    expect(reconnects).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it("reads a plain error with the core's isRetryable", async () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const retried = failing(reset);
    await pRetry(retried.fn, { ...fast, shouldRetry: shouldRetryTransfer() });
    expect(retried.calls).toHaveLength(2);
    const bug = failing(new RangeError("bug"));
    await expect(pRetry(bug.fn, { ...fast, shouldRetry: shouldRetryTransfer() })).rejects.toThrow(
      "bug",
    );
    expect(bug.calls).toHaveLength(1);
  });
});

describe("async-retry: bailOnPermanent", () => {
  it("bails on a permanent failure: one attempt", async () => {
    const { fn, calls } = failing(notFound());
    await expect(retry(bailOnPermanent(fn), { retries: 3, ...fast })).rejects.toMatchObject({
      reason: "not-found",
    });
    expect(calls).toHaveLength(1);
  });

  it("retries a lost connection, reconnecting at the start of the next attempt", async () => {
    const { fn, calls } = failing(connectionLost(), connectionLost());
    const order: string[] = [];
    const reconnect = async () => {
      order.push(`reconnect before attempt ${calls.length + 1}`);
    };
    await expect(retry(bailOnPermanent(fn, { reconnect }), { retries: 3, ...fast })).resolves.toBe(
      "done",
    );
    expect(calls).toHaveLength(3);
    expect(order).toEqual(["reconnect before attempt 2", "reconnect before attempt 3"]);
  });

  it("bails on an ambiguous append", async () => {
    const { fn, calls } = failing(ambiguousAppend());
    await expect(retry(bailOnPermanent(fn), { retries: 3, ...fast })).rejects.toMatchObject({
      reason: "connection-lost",
    });
    expect(calls).toHaveLength(1);
  });
});

describe("exponential-backoff: retryTransfer", () => {
  const options = { startingDelay: 1, maxDelay: 2 };

  it("stops at once on a permanent failure", async () => {
    const { fn, calls } = failing(notFound());
    await expect(backOff(fn, { ...options, retry: retryTransfer() })).rejects.toMatchObject({
      reason: "not-found",
    });
    expect(calls).toHaveLength(1);
  });

  it("awaits the reconnect before the next attempt, and none after the last", async () => {
    const { fn, calls } = failing(connectionLost(), connectionLost(), connectionLost());
    const log: string[] = [];
    const reconnect = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push(`reconnected after attempt ${calls.length}`);
    };
    await expect(
      backOff(fn, {
        ...options,
        numOfAttempts: 3,
        retry: retryTransfer({ reconnect, numOfAttempts: 3 }),
      }),
    ).rejects.toMatchObject({ reason: "connection-lost" });
    expect(calls).toHaveLength(3);
    expect(log).toEqual(["reconnected after attempt 1", "reconnected after attempt 2"]);
  });
});

describe("cockatiel: handleWhen, TransferBackoff, the preset", () => {
  it("handleWhen(isTransientTransfer()) retries what can succeed, not a permanent failure", async () => {
    const policy = cockatielRetry(handleWhen(isTransientTransfer()), {
      maxAttempts: 3,
      backoff: new ConstantBackoff(1),
    });
    const ok = failing(transient(), connectionLost());
    await expect(policy.execute(ok.fn)).resolves.toBe("done");
    expect(ok.calls).toHaveLength(3);
    const permanent = failing(notFound());
    await expect(policy.execute(permanent.fn)).rejects.toMatchObject({ reason: "not-found" });
    expect(permanent.calls).toHaveLength(1);
  });

  it("TransferBackoff waits what the server asked for, else jittered exponential", () => {
    const backoff = new TransferBackoff({ minDelayMs: 100, random: () => 0.5 });
    const signal = new AbortController().signal;
    const first = backoff.next({ attempt: 1, signal, result: { error: busy() } });
    expect(first.duration).toBe(30_000);
    const second = first.next({ attempt: 2, signal, result: { error: connectionLost() } });
    expect(second.duration).toBe(100); // 0.5 × 100 × 2
    expect(second.next({ attempt: 3, signal, result: { error: transient() } }).duration).toBe(200);
  });

  it("the preset with withReconnect: reconnects inside the next attempt", async () => {
    const policy = transferRetryPolicy({ maxAttempts: 3, minDelayMs: 1, maxDelayMs: 2 });
    const retries: number[] = [];
    policy.onRetry(({ attempt }) => retries.push(attempt));
    const { fn, calls } = failing(connectionLost());
    const reconnect = vi.fn(async () => {});
    await expect(policy.execute(withReconnect(fn, reconnect))).resolves.toBe("done");
    expect(calls).toHaveLength(2);
    expect(reconnect).toHaveBeenCalledTimes(1);
    expect(retries).toEqual([1]);
  });
});

const examples = [
  ["p-retry", pRetryDownload],
  ["async-retry", asyncRetryDownload],
  ["exponential-backoff", backoffDownload],
  ["cockatiel", cockatielDownload],
] as const;

describe.skipIf(ftpUnavailable() !== undefined)(
  "the README's examples against vsftpd behind the fault proxy",
  () => {
    const vsftpd = useVsftpd();
    const connect = useFtpThroughProxy(vsftpd);
    const local = mkdtempSync(join(tmpdir(), "te-int-retry-"));
    afterAll(() => rmSync(local, { recursive: true, force: true }));

    for (const [name, download] of examples) {
      it(`${name}: a download whose connection is reset reconnects once and completes`, async () => {
        const { proxy, client } = await connect();
        // The next passive-mode request never reaches the server; the client gets a reset.
        proxy.strikeOpen({
          kind: "reset",
          at: { direction: "up", match: /^(EPSV|PASV)/m, swallow: true },
        });
        const target = join(local, `${name}.txt`);
        await download(client, ftpFixtures.file, target);
        expect(readFileSync(target, "utf8")).toBe(ftpFixtures.fileText);
        // The first connection, and the one reconnect() opened.
        expect(proxy.stats.connections).toBe(2);
        expect(proxy.stats.struck.reset).toBe(1);
      });

      it(`${name}: a missing file fails at the first attempt, with no reconnect`, async () => {
        const { proxy, client } = await connect();
        const spy = vi.spyOn(client, "downloadTo");
        const error = await download(client, ftpFixtures.missing, join(local, "missing")).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isTransferError(error)).toBe(true);
        expect(error).toMatchObject({ retryable: false, code: 550, operation: "downloadTo" });
        expect(spy).toHaveBeenCalledTimes(1);
        expect(proxy.stats.connections).toBe(1);
      });
    }
  },
);
