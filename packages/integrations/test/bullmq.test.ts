// BullMQ: the helpers with the real library, then the distributed run: a real Redis, two worker
// processes, 68 FTP and SFTP jobs against vsftpd and sshd behind fault proxies.
import { type Job, Queue, QueueEvents, UnrecoverableError, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  TRANSFER_BACKOFF,
  transferBackoffStrategy,
  transferProcessor,
  UnrecoverableTransferError,
} from "../src/bullmq.ts";
import {
  attemptsAfterPermanent,
  type RunReport,
  repeatedAfterAmbiguousLoss,
  runDistributed,
} from "./support/bullmq-run.ts";
import { ambiguousAppend, busy, connectionLost, notFound } from "./support/errors.ts";
import { ftpUnavailable, redisSetup, sftpSetup, useVsftpd } from "./support/servers.ts";

describe("transferProcessor and transferBackoffStrategy", () => {
  it("a permanent failure becomes an UnrecoverableError (by name), the reason first", async () => {
    const error = await transferProcessor(async () => {
      throw notFound();
    })({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnrecoverableTransferError);
    expect((error as Error).name).toBe("UnrecoverableError");
    expect((error as Error).message).toMatch(/^not-found: FTP 550/);
    expect(error).not.toBeInstanceOf(UnrecoverableError); // structural: BullMQ checks the name
  });

  it("an ambiguous append is unrecoverable; a lost download is rethrown as it is", async () => {
    await expect(
      transferProcessor(async () => {
        throw ambiguousAppend();
      })({}),
    ).rejects.toMatchObject({ name: "UnrecoverableError", reason: "connection-lost" });
    const lost = connectionLost();
    await expect(
      transferProcessor(async () => {
        throw lost;
      })({}),
    ).rejects.toBe(lost);
  });

  it("the strategy: the server's wait, else jittered backoff; -1 for what must not be retried", () => {
    const strategy = transferBackoffStrategy({ minDelayMs: 100, random: () => 0.5 });
    expect(strategy(1, TRANSFER_BACKOFF, busy())).toBe(30_000);
    expect(strategy(1, TRANSFER_BACKOFF, connectionLost())).toBe(50);
    expect(strategy(3, TRANSFER_BACKOFF, connectionLost())).toBe(200);
    expect(strategy(1, TRANSFER_BACKOFF, notFound())).toBe(-1);
    expect(strategy(1, "other", connectionLost())).toBe(-1);
    const other = transferBackoffStrategy({ otherTypes: () => 7 });
    expect(other(1, "other", connectionLost())).toBe(7);
  });
});

const redis = redisSetup();
const sftp = sftpSetup();
const servers =
  redis.unavailable === undefined &&
  sftp.unavailable === undefined &&
  ftpUnavailable() === undefined;

describe.skipIf(redis.unavailable !== undefined)("with a real Redis", () => {
  const connection = { host: "127.0.0.1", port: redis.port };

  it("a permanent failure fails the job at attempt 1 of 5, the reason in failedReason", async () => {
    const name = `unit-${process.pid}`;
    const queue = new Queue(name, { connection });
    const events = new QueueEvents(name, { connection });
    const calls: string[] = [];
    const worker = new Worker(
      name,
      transferProcessor(async (job: Job) => {
        calls.push(String(job.id));
        if (job.name === "missing") throw notFound();
        if (job.name === "flaky" && job.attemptsMade === 0) throw connectionLost();
        return "ok";
      }),
      {
        connection: { ...connection, maxRetriesPerRequest: null },
        settings: { backoffStrategy: transferBackoffStrategy({ minDelayMs: 1, maxDelayMs: 5 }) },
      },
    );
    try {
      await events.waitUntilReady();
      const opts = { attempts: 5, backoff: { type: TRANSFER_BACKOFF } };
      const missing = await queue.add("missing", {}, opts);
      const flaky = await queue.add("flaky", {}, opts);
      await expect(missing.waitUntilFinished(events, 30_000)).rejects.toThrow(/^not-found: /);
      await expect(flaky.waitUntilFinished(events, 30_000)).resolves.toBe("ok");
      const failed = await queue.getJob(missing.id!);
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toMatch(/^not-found: FTP 550/);
      expect((await queue.getJob(flaky.id!))?.attemptsMade).toBe(2);
      expect(calls.filter((id) => id === missing.id)).toHaveLength(1);
    } finally {
      await worker.close();
      await events.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});

describe.skipIf(!servers)("the distributed run: 2 worker processes, 68 jobs, faults", () => {
  const vsftpd = useVsftpd();
  let report: RunReport;
  beforeAll(async () => {
    const server = vsftpd.current;
    report = await runDistributed({
      mode: "helper",
      redisPort: redis.port,
      ftp: server,
      sftp,
      runId: `t${process.pid}`,
    });
  }, 300_000);
  afterAll(() => {
    if (!report) return;
    const failed = report.jobs.filter((job) => job.state === "failed").length;
    console.info(
      `distributed run: ${report.jobs.length} jobs (${failed} failed), ${report.attempts} attempts, ` +
        `${report.reconnects} reconnects, ${report.workersThatWorked} worker processes, ${report.ms} ms, faults ${JSON.stringify(report.faults)}`,
    );
  });

  it("ran every job, on both worker processes, through faults on both protocols", () => {
    expect(report.jobs).toHaveLength(68);
    expect(report.workersThatWorked).toBe(2);
    expect(report.faults.ftp.struck.reset + report.faults.ftp.struck.cut).toBeGreaterThan(0);
    expect(report.faults.sftp.struck.reset + report.faults.sftp.struck.cut).toBeGreaterThan(0);
    expect(report.reconnects).toBeGreaterThan(0);
  });

  it("every idempotent job completes", () => {
    const idempotent = report.jobs.filter(
      (job) => job.kind === "download" || job.kind === "upload",
    );
    expect(idempotent).toHaveLength(48);
    expect(idempotent.filter((job) => job.state !== "completed")).toEqual([]);
  });

  it("every permanent failure fails at the attempt that met it, its reason in failedReason", () => {
    const missing = report.jobs.filter((job) => job.kind === "download-missing");
    expect(missing).toHaveLength(8);
    for (const job of missing) {
      expect(job.state).toBe("failed");
      expect(job.failedReason).toMatch(/^(not-found|file-unavailable): /);
      expect(attemptsAfterPermanent(job)).toBe(0);
      expect(job.attemptsMade).toBe(job.attempts.length);
    }
    // Those whose first attempt met no fault failed at attempt 1: most of them.
    const atFirst = missing.filter((job) => job.attemptsMade === 1).length;
    expect(atFirst).toBeGreaterThan(missing.length / 2);
  });

  it("no append or rename is repeated after an ambiguous loss, and none is applied twice", () => {
    const nonIdempotent = report.jobs.filter(
      (job) => job.kind === "append" || job.kind === "rename",
    );
    expect(nonIdempotent).toHaveLength(12);
    const ambiguous = nonIdempotent.filter((job) =>
      job.attempts.some((attempt) => !attempt.ok && attempt.ambiguous),
    );
    // The one-shot proxy loses the reply of three of them; the random faults may add more.
    expect(ambiguous.length).toBeGreaterThanOrEqual(3);
    for (const job of ambiguous) {
      expect(repeatedAfterAmbiguousLoss(job)).toBe(false);
      expect(job.state).toBe("failed");
      expect(job.failedReason).toMatch(/^(connection-lost|timeout|transfer-aborted): /);
    }
    for (const [id, count] of report.appendCounts) {
      expect(count, id).toBeLessThanOrEqual(1);
      const job = report.jobs.find((j) => j.id === id);
      if (job?.state === "completed") expect(count, id).toBe(1);
    }
    for (const job of nonIdempotent.filter((j) => j.kind === "rename" && j.state === "completed")) {
      expect(report.renamed.has(job.id), job.id).toBe(true);
    }
  });
});
