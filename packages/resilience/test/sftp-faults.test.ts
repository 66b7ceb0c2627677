// withRetry + wrapClient (through createConnection) + reconnect of
// @transfer-errors/ssh2-sftp-client against the real OpenSSH sshd, with the fault proxy in front
// of it: SSH carries everything on one connection, so the proxy sees the handshake, the login,
// every request and every byte of a download.
import { dirname, join } from "node:path";
import {
  createConnection,
  isTransferError,
  type SftpClientLike,
  type SftpConnection,
  type TransferError,
  withRetry,
} from "@transfer-errors/ssh2-sftp-client";
import {
  type FaultPlan,
  type FaultProxy,
  seededRandom,
  startFaultProxy,
} from "@transfer-errors/testkit/fault-proxy";
import { afterEach, describe, expect, it } from "vitest";
import { sftpFaultRun } from "../src/fault-runs.ts";
import { runOperations, summarize } from "../src/retry-run.ts";
import { sftpWorkload } from "../src/workloads.ts";
import { sftpSetup } from "./servers.ts";

const sftp = sftpSetup();
/** Short timeouts: a silently dropped connection costs this much per attempt. */
const TIMEOUT_MS = 1_500;

describe.skipIf(sftp.unavailable !== undefined)(
  "ssh2-sftp-client adapter under injected faults",
  () => {
    let proxy: FaultProxy | undefined;
    let connection: SftpConnection<SftpClientLike> | undefined;
    afterEach(async () => {
      await connection?.end();
      await proxy?.stop();
      proxy = connection = undefined;
    });

    async function connectThroughProxy(
      options: { seed?: number; plan?: FaultPlan; holdMs?: number; timeoutMs?: number } = {},
    ) {
      const { timeoutMs = TIMEOUT_MS, ...proxyOptions } = options;
      proxy = await startFaultProxy({ target: { port: sftp.port }, ...proxyOptions });
      connection = createConnection(
        {
          host: proxy.host,
          port: proxy.port,
          username: sftp.username,
          password: sftp.password,
          readyTimeout: TIMEOUT_MS,
        },
        { timeoutMs, endTimeoutMs: 200 },
      );
      const opened = connection;
      // The first login is not under test: retry it too, the plan may cut it.
      await withRetry(() => opened.connect(), { retries: 10, minDelayMs: 1, maxDelayMs: 5 });
      return { proxy, connection: opened };
    }

    it("runs three dozen idempotent operations through random faults, all succeeding", async () => {
      const { proxy, connection } = await connectThroughProxy({
        seed: sftpFaultRun.seed,
        plan: sftpFaultRun.plan,
        holdMs: 5_000,
      });
      const random = seededRandom(11);
      const counts = { retries: 0, reconnects: 0, failedReconnects: 0 };
      const files = { ...sftp, dir: dirname(sftp.file) };
      // Three kinds alternate: stat, get, list (the big download has its own test below).
      const operations = sftpWorkload(connection, files, (sftpFaultRun.operations * 4) / 3).filter(
        (operation) => !operation.name.includes(sftp.bigFile),
      );
      const report = await runOperations(operations, (attempt) =>
        withRetry(attempt, {
          retries: 10,
          minDelayMs: 5,
          maxDelayMs: 50,
          random,
          reconnect: async () => {
            counts.reconnects += 1;
            await connection.connect().catch((error: unknown) => {
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
        `SFTP fault run: ${summarize(report)}; ${counts.reconnects} reconnects ` +
          `(${counts.failedReconnects} failed); proxy: ${proxy.stats.connections} connections, ` +
          `faults struck ${JSON.stringify(proxy.stats.struck)}`,
      );
      for (const { name, error } of report.failures) {
        console.info(`failed: ${name}: ${isTransferError(error) ? error.message : String(error)}`);
      }
      expect(report.failures.map(({ name }) => name)).toEqual([]);
      expect(report.succeeded).toBe(36);
      const struck = proxy.stats.struck.reset + proxy.stats.struck.cut + proxy.stats.struck.drop;
      expect(struck).toBeGreaterThanOrEqual(8);
      for (const kind of ["reset", "cut", "drop", "delay"] as const) {
        expect(proxy.stats.struck[kind], kind).toBeGreaterThanOrEqual(1);
      }
      expect(counts.failedReconnects).toBeGreaterThanOrEqual(1);
      expect(report.attempts).toBe(36 + counts.retries - counts.failedReconnects);
    });

    it("retries a download cut mid-transfer and gets every byte", async () => {
      // ssh2-sftp-client's get() reads about 1.3 MB/s here, proxy or not: give it time.
      const { proxy, connection } = await connectThroughProxy({ timeoutMs: 10_000 });
      proxy.strikeOpen({ kind: "cut", at: { direction: "down", bytes: 200_000 } });
      let attempts = 0;
      const data = await withRetry(
        () => {
          attempts += 1;
          return connection.client.get(sftp.bigFile);
        },
        { retries: 3, minDelayMs: 1, reconnect: () => connection.connect() },
      );
      expect((data as Buffer).length).toBe(sftp.bigFileBytes);
      expect(attempts).toBe(2);
      expect(proxy.stats.struck.cut).toBe(1);
    });

    it("gives up on a permanent error (a missing file) at attempt 1, without waiting", async () => {
      const { connection } = await connectThroughProxy();
      let attempts = 0;
      let waits = 0;
      const error = await withRetry(
        () => {
          attempts += 1;
          return connection.client.stat(sftp.missing);
        },
        {
          retries: 5,
          minDelayMs: 5_000,
          reconnect: () => connection.connect(),
          // Called before every wait: no call, no wait (a clock would say the same, but not on
          // a busy machine).
          onRetry: () => {
            waits += 1;
          },
        },
      ).catch((e: unknown) => e);
      // ssh2-sftp-client rethrows SFTP status 2 of stat() with its own code, ENOENT.
      expect(error).toMatchObject({
        reason: "not-found",
        retryable: false,
        operation: "stat",
      });
      expect(attempts).toBe(1);
      expect(waits).toBe(0);
    });

    describe("rename cut off right after its request went out", () => {
      async function renameWithCut(retryAmbiguous: boolean) {
        const { proxy, connection } = await connectThroughProxy();
        const from = join(sftp.scratch, `ren-${retryAmbiguous}.txt`);
        const to = join(sftp.scratch, `ren-${retryAmbiguous}-done.txt`);
        await connection.client.put(Buffer.from("x"), from);
        // The next chunk the client sends (the SSH packet of the rename) passes, then the cut.
        proxy.strikeOpen({ kind: "cut", at: { direction: "up", chunks: 1 } });
        let attempts = 0;
        const outcome = await withRetry(
          () => {
            attempts += 1;
            return connection.client.rename(from, to);
          },
          { retries: 5, minDelayMs: 1, retryAmbiguous, reconnect: () => connection.connect() },
        ).then(
          () => undefined,
          (error: TransferError) => error,
        );
        return { attempts, outcome };
      }

      it("is not retried by default", async () => {
        const { attempts, outcome } = await renameWithCut(false);
        expect(attempts).toBe(1);
        expect(outcome).toMatchObject({ operation: "rename", retryable: false });
        expect(outcome?.retry).toMatchObject({ ambiguous: true, reconnect: true });
      });

      it("is retried once with retryAmbiguous", async () => {
        const { attempts, outcome } = await renameWithCut(true);
        // The repeat either renames (the first never arrived) or finds the source gone.
        expect(attempts).toBe(2);
        if (outcome !== undefined) {
          expect(outcome).toMatchObject({ reason: "not-found", retryable: false });
        }
      });
    });

    it("aborts at once on signal, also while a reconnect hangs", async () => {
      const { proxy, connection } = await connectThroughProxy({ holdMs: 5_000 });
      // The open connection is reset; the login of the next one goes silent.
      proxy.strikeOpen({ kind: "reset", at: { direction: "up", bytes: 1 } });
      proxy.queue({ kind: "drop", at: { direction: "down", bytes: 100 } });
      const controller = new AbortController();
      const reconnecting = { started: false, settled: false };
      const run = withRetry(() => connection.client.stat(sftp.file), {
        minDelayMs: 1,
        signal: controller.signal,
        reconnect: () => {
          reconnecting.started = true;
          setTimeout(() => controller.abort(new Error("stop now")), 100);
          const connect = connection.connect();
          connect.then(
            () => (reconnecting.settled = true),
            () => (reconnecting.settled = true),
          );
          return connect;
        },
      });
      await expect(run).rejects.toThrow("stop now");
      // At once: while the reconnect still hangs (it would end with its 1.5 s timeout, or the
      // hold), not after it.
      expect(reconnecting).toEqual({ started: true, settled: false });
    });

    it("counts a failed reconnect as an attempt of the same budget", async () => {
      const { proxy, connection } = await connectThroughProxy();
      const faults = () => {
        proxy.strikeOpen({ kind: "reset", at: { direction: "up", bytes: 1 } });
        proxy.queue(
          { kind: "reset", at: { direction: "down", bytes: 10 } },
          { kind: "cut", at: { direction: "down", bytes: 1_500 } },
        );
      };
      faults();
      const attempts: number[] = [];
      const operations: (string | undefined)[] = [];
      const stats = await withRetry(
        (attempt) => {
          attempts.push(attempt);
          return connection.client.stat(sftp.file);
        },
        {
          retries: 3,
          minDelayMs: 1,
          reconnect: () => connection.connect(),
          onRetry: (error) => {
            operations.push(error.operation);
          },
        },
      );
      expect(stats.size).toBe(Buffer.byteLength(sftp.fileContent));
      expect(attempts).toEqual([1, 4]);
      expect(operations).toEqual(["stat", "connect", "connect"]);

      faults();
      const error = await withRetry(() => connection.client.stat(sftp.file), {
        retries: 2,
        minDelayMs: 1,
        reconnect: () => connection.connect(),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ operation: "connect", retryable: true });
    });
  },
);
