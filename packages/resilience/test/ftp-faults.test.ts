// withRetry + wrapClient + reconnect of @transfer-errors/basic-ftp against the real vsftpd, with
// the fault proxy on the control connection (the passive data connections go straight to the
// server: the proxy cannot see them, and FTP gives no way to send them through it).
import { chownSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import {
  isTransferError,
  reconnect,
  type TransferError,
  withRetry,
  wrapClient,
} from "@transfer-errors/basic-ftp";
import {
  type FaultProxy,
  seededRandom,
  startFaultProxy,
} from "@transfer-errors/testkit/fault-proxy";
import { ftpFixtures } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ftpFaultRun } from "../src/fault-runs.ts";
import { runOperations, summarize } from "../src/retry-run.ts";
import { ftpWorkload } from "../src/workloads.ts";
import { ftpUnavailable, useVsftpd } from "./servers.ts";

/** Whether `promise` has settled yet, read at any later moment. */
function settledState(promise: Promise<unknown>): { settled: boolean } {
  const state = { settled: false };
  promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

/** Short client timeouts: a silently dropped connection costs this much per attempt. */
const CLIENT_TIMEOUT_MS = 1_000;

describe.skipIf(ftpUnavailable() !== undefined)("basic-ftp adapter under injected faults", () => {
  const vsftpd = useVsftpd();
  let proxy: FaultProxy | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    client?.close();
    await proxy?.stop();
    proxy = client = undefined;
  });

  /** A wrapped client logged in through a new proxy. */
  async function connectThroughProxy(options: Parameters<typeof startFaultProxy>[0] | object = {}) {
    const server = vsftpd.current;
    proxy = await startFaultProxy({ target: { port: server.port }, ...options });
    client = wrapClient(new Client(CLIENT_TIMEOUT_MS), { timeoutMs: 3 * CLIENT_TIMEOUT_MS });
    const login = {
      host: proxy.host,
      port: proxy.port,
      user: server.user,
      password: server.password,
    };
    // The first login is not under test: retry it too, the plan may cut it.
    await withRetry(() => client!.access(login), { retries: 10, minDelayMs: 1, maxDelayMs: 5 });
    return { proxy, client };
  }

  it("runs three dozen idempotent operations through random faults, all succeeding", async () => {
    const { proxy, client } = await connectThroughProxy({
      seed: ftpFaultRun.seed,
      plan: ftpFaultRun.plan,
      holdMs: 5_000,
    });
    const random = seededRandom(7);
    const counts = { retries: 0, reconnects: 0, failedReconnects: 0 };
    const report = await runOperations(
      ftpWorkload(client, ftpFixtures, ftpFaultRun.operations),
      (attempt) =>
        withRetry(attempt, {
          retries: 10,
          minDelayMs: 5,
          maxDelayMs: 50,
          random,
          reconnect: async () => {
            counts.reconnects += 1;
            await reconnect(client).catch((error: unknown) => {
              counts.failedReconnects += 1;
              throw error;
            });
          },
          onRetry: () => {
            counts.retries += 1;
          },
        }),
    );
    console.info(
      `FTP fault run: ${summarize(report)}; ${counts.reconnects} reconnects ` +
        `(${counts.failedReconnects} failed); proxy: ${proxy.stats.connections} connections, ` +
        `faults struck ${JSON.stringify(proxy.stats.struck)}`,
    );
    for (const { name, error } of report.failures) {
      console.info(`failed: ${name}: ${isTransferError(error) ? error.message : String(error)}`);
    }
    expect(report.failures.map(({ name }) => name)).toEqual([]);
    expect(report.succeeded).toBe(36);
    // The run proves something only if faults struck, operations and logins alike.
    const struck = proxy.stats.struck.reset + proxy.stats.struck.cut + proxy.stats.struck.drop;
    expect(struck).toBeGreaterThanOrEqual(8);
    for (const kind of ["reset", "cut", "drop", "delay"] as const) {
      expect(proxy.stats.struck[kind], kind).toBeGreaterThanOrEqual(1);
    }
    expect(counts.failedReconnects).toBeGreaterThanOrEqual(1);
    expect(report.attempts).toBeGreaterThan(36);
    // Every retry is either a new attempt of the operation or a reconnect that failed.
    expect(report.attempts).toBe(36 + counts.retries - counts.failedReconnects);
  });

  it("retries an operation whose reply was cut mid-line (a connection loss, not a bad server)", async () => {
    const { proxy, client } = await connectThroughProxy();
    // The first transfer settles basic-ftp on EPSV; from then on a failed EPSV is final (before,
    // basic-ftp would try PASV next and meet the reset instead).
    await client.list();
    // LIST starts with EPSV; its 48-byte reply "229 Entering Extended Passive Mode (|||port|)"
    // is cut after 30 bytes, and the reset follows 20 ms later (as the proxy's resets do): basic-ftp
    // reads the partial line as a whole reply before it learns of the reset.
    proxy.strikeOpen({ kind: "reset", at: { direction: "down", bytes: 30 } });
    let attempts = 0;
    const list = await withRetry(
      () => {
        attempts += 1;
        return client.list();
      },
      { retries: 3, minDelayMs: 1, reconnect: () => reconnect(client) },
    );
    expect(list.map((entry) => entry.name)).toContain(ftpFixtures.file);
    expect(attempts).toBe(2);
  });

  it("a control connection reset while the first list tries its passive strategies: connection-lost", async () => {
    const { proxy, client } = await connectThroughProxy();
    // The first LIST tries EPSV, then PASV: the reset after EPSV closes the client, and basic-ftp
    // reports "None of the available transfer strategies work. Last error response was 'Error:
    // Client is closed because ... ECONNRESET (control socket)'": no data connection failed.
    proxy.strikeOpen({ kind: "reset", at: { direction: "up", match: /^EPSV/m } });
    const error = await client.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isTransferError(error)).toBe(true);
    const e = error as TransferError;
    expect(String((e.cause as Error).message)).toMatch(/None of the available transfer strategies/);
    expect(String((e.cause as Error).message)).toMatch(/ECONNRESET \(control socket\)/);
    expect({ reason: e.reason, code: e.code, retry: e.retry }).toMatchObject({
      reason: "connection-lost",
      code: "ECONNRESET",
      retry: { retryable: true, reconnect: true },
    });
    // The advice of a lost connection, not of passive mode.
    expect(e.explanation).toMatch(/^The connection to the server was closed or reset/);
    expect(e.explanation).not.toMatch(/passive/i);
  });

  it("gives up on a permanent error (a missing file) at attempt 1, without waiting", async () => {
    const { client } = await connectThroughProxy();
    let attempts = 0;
    let waits = 0;
    const error: unknown = await withRetry(
      () => {
        attempts += 1;
        return client.size(ftpFixtures.missing);
      },
      {
        retries: 5,
        minDelayMs: 5_000,
        reconnect: () => reconnect(client),
        // Called before every wait: no call, no wait (a clock would say the same, but not on a
        // busy machine).
        onRetry: () => {
          waits += 1;
        },
      },
    ).catch((e: unknown) => e);
    expect(isTransferError(error)).toBe(true);
    expect(error).toMatchObject({ code: 550, retryable: false, operation: "size" });
    expect(attempts).toBe(1);
    expect(waits).toBe(0);
  });

  describe("a non-idempotent operation cut off before its reply", () => {
    function renameOnce(retryAmbiguous: boolean) {
      const home = vsftpd.current.home;
      const from = `ren-${retryAmbiguous}.txt`;
      const to = `ren-${retryAmbiguous}-done.txt`;
      writeFileSync(join(home, from), "x");
      return { home, from, to, retryAmbiguous };
    }

    it("rename: not retried by default; the server did carry it out", async () => {
      const { proxy, client } = await connectThroughProxy();
      const { home, from, to } = renameOnce(false);
      // RNTO reaches the server, the connection is cut before the 250 comes back.
      proxy.strikeOpen({ kind: "cut", at: { direction: "up", match: /^RNTO /m } });
      let attempts = 0;
      const error = (await withRetry(
        () => {
          attempts += 1;
          return client.rename(from, to);
        },
        { retries: 5, minDelayMs: 1, reconnect: () => reconnect(client) },
      ).catch((e: unknown) => e)) as TransferError;
      expect(attempts).toBe(1);
      expect(error).toMatchObject({
        operation: "rename",
        reason: "connection-lost",
        retryable: false,
      });
      expect(error.retry.ambiguous).toBe(true);
      expect(error.retry.reconnect).toBe(true);
      // Why it must not be repeated blindly: it took effect (vsftpd carries it out a moment
      // after the client has seen the cut).
      await vi.waitFor(() => expect(existsSync(join(home, to))).toBe(true), { timeout: 2_000 });
      expect(existsSync(join(home, from))).toBe(false);
    });

    it("rename: retried with retryAmbiguous, and the repeat finds the source gone", async () => {
      const { proxy, client } = await connectThroughProxy();
      const { from, to } = renameOnce(true);
      proxy.strikeOpen({ kind: "cut", at: { direction: "up", match: /^RNTO /m } });
      let attempts = 0;
      const error = (await withRetry(
        () => {
          attempts += 1;
          return client.rename(from, to);
        },
        { retries: 5, minDelayMs: 1, retryAmbiguous: true, reconnect: () => reconnect(client) },
      ).catch((e: unknown) => e)) as TransferError;
      expect(attempts).toBe(2);
      expect(error).toMatchObject({ operation: "rename", code: 550, retryable: false });
    });

    it("appendFrom: not retried by default; with retryAmbiguous the data lands twice", async () => {
      const { proxy, client } = await connectThroughProxy();
      const home = vsftpd.current.home;
      const target = "append-target.txt";
      writeFileSync(join(home, target), "");
      // The session runs as the test user, who owns the home.
      const owner = statSync(home);
      chownSync(join(home, target), owner.uid, owner.gid);
      const append = (retryAmbiguous: boolean) => {
        let attempts = 0;
        // The 226 that confirms the append is lost, after the data went over the data connection.
        proxy.strikeOpen({ kind: "cut", at: { direction: "down", match: /^226/m, swallow: true } });
        const run = withRetry(
          () => {
            attempts += 1;
            return client.appendFrom(Readable.from(["line\n"]), target);
          },
          { retries: 3, minDelayMs: 1, retryAmbiguous, reconnect: () => reconnect(client) },
        );
        return run.then(
          () => ({ attempts, error: undefined }),
          (error: TransferError) => ({ attempts, error }),
        );
      };
      const plain = await append(false);
      expect(plain.attempts).toBe(1);
      expect(plain.error).toMatchObject({ operation: "appendFrom", retryable: false });
      expect(plain.error?.retry.ambiguous).toBe(true);
      expect(readFileSync(join(home, target), "utf8")).toBe("line\n");

      await reconnect(client);
      const optedIn = await append(true);
      expect(optedIn).toEqual({ attempts: 2, error: undefined });
      // The cost of opting in: the first append had taken effect.
      expect(readFileSync(join(home, target), "utf8")).toBe("line\nline\nline\n");
    });
  });

  it("aborts at once on signal during an attempt", async () => {
    const { proxy, client } = await connectThroughProxy({ holdMs: 5_000 });
    // An attempt that hangs: the next request goes into a silent connection.
    proxy.strikeOpen({ kind: "drop", at: { direction: "up", bytes: 1 } });
    const controller = new AbortController();
    let call: { settled: boolean } | undefined;
    const run = withRetry(
      () => {
        const size = client.size(ftpFixtures.file);
        call = settledState(size);
        // The request is on its way into the silent connection: abort now.
        setImmediate(() => controller.abort(new Error("stop now")));
        return size;
      },
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow("stop now");
    // At once: before the attempt itself ended (it ends only with the client's timeout, or the
    // hold). basic-ftp's own call is still running: an aborted client must be closed by its owner.
    expect(call?.settled).toBe(false);
  });

  it("aborts at once on signal during the wait before a retry", async () => {
    const { proxy, client } = await connectThroughProxy();
    proxy.strikeOpen({ kind: "reset", at: { direction: "up", bytes: 1 } });
    const controller = new AbortController();
    let waitStarted = 0;
    const run = withRetry(() => client.size(ftpFixtures.file), {
      // The wait would last 39.6 s (the test's timeout is 60 s).
      minDelayMs: 40_000,
      maxDelayMs: 40_000,
      random: () => 0.99,
      signal: controller.signal,
      reconnect: () => reconnect(client),
      onRetry: () => {
        waitStarted = performance.now();
        setTimeout(() => controller.abort(new Error("stop waiting")), 50);
      },
    });
    await expect(run).rejects.toThrow("stop waiting");
    expect(waitStarted).toBeGreaterThan(0);
    // Far less than the wait, with room for a busy machine.
    expect(performance.now() - waitStarted).toBeLessThan(20_000);
  });

  it("counts a failed reconnect as an attempt of the same budget", async () => {
    const { proxy, client } = await connectThroughProxy();
    // The open connection is reset at the next request; the next two logins are cut.
    proxy.strikeOpen({ kind: "reset", at: { direction: "up", bytes: 1 } });
    proxy.queue(
      { kind: "reset", at: { direction: "down", bytes: 10 } },
      { kind: "cut", at: { direction: "down", bytes: 60 } },
    );
    const attempts: number[] = [];
    const errors: TransferError[] = [];
    const size = await withRetry(
      (attempt) => {
        attempts.push(attempt);
        return client.size(ftpFixtures.file);
      },
      {
        retries: 3,
        minDelayMs: 1,
        reconnect: () => reconnect(client),
        onRetry: (error) => {
          errors.push(error);
        },
      },
    );
    expect(size).toBe(ftpFixtures.fileText.length);
    // Attempt 1: the reset. 2 and 3: their reconnects fail (fn is not called). 4: success.
    expect(attempts).toEqual([1, 4]);
    expect(errors.map((e) => e.operation)).toEqual(["size", "access", "access"]);

    // The same faults with a budget of 2 retries: the last failed reconnect is what is thrown.
    proxy.strikeOpen({ kind: "reset", at: { direction: "up", bytes: 1 } });
    proxy.queue(
      { kind: "reset", at: { direction: "down", bytes: 10 } },
      { kind: "cut", at: { direction: "down", bytes: 60 } },
    );
    const error = (await withRetry(() => client.size(ftpFixtures.file), {
      retries: 2,
      minDelayMs: 1,
      reconnect: () => reconnect(client),
    }).catch((e: unknown) => e)) as TransferError;
    expect(error).toMatchObject({ operation: "access", reason: "connection-lost" });
  });
});
