// `pnpm bench`: the distributed run of the tests (a real Redis, two worker processes, 68 FTP and
// SFTP jobs against vsftpd and sshd behind seeded fault proxies), once with the helpers
// (transferProcessor + transferBackoffStrategy) and once with BullMQ's own exponential backoff
// and nothing else, same attempts, same first delay. Figures, not a test: needs root (the
// servers), prints why not otherwise.
import { execFileSync } from "node:child_process";
import { ftpServerSupport, startFtpServer } from "@transfer-errors/testkit/ftp";
import { sshdUnavailableReason } from "@transfer-errors/testkit/sshd";
import {
  attemptsAfterPermanent,
  distributedRun,
  type RunReport,
  repeatedAfterAmbiguousLoss,
  runDistributed,
} from "../test/support/bullmq-run.ts";
import { redisUnavailableReason, startRedis } from "../test/support/redis.ts";
import { startSftpServer } from "../test/support/sftp.ts";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

function unavailable(): string | undefined {
  const ftp = ftpServerSupport();
  if (!ftp.ok) return ftp.why;
  return sshdUnavailableReason() ?? redisUnavailableReason();
}

function summary(report: RunReport) {
  const failed = report.jobs.filter((job) => job.state === "failed");
  const permanent = report.jobs.filter((job) => job.kind === "download-missing");
  const nonIdempotent = report.jobs.filter((job) => job.kind === "append" || job.kind === "rename");
  const idempotent = report.jobs.filter((job) => job.kind === "download" || job.kind === "upload");
  return {
    jobs: report.jobs.length,
    completed: report.jobs.length - failed.length,
    failed: failed.length,
    idempotentCompleted: `${idempotent.filter((job) => job.state === "completed").length}/${idempotent.length}`,
    attempts: report.attempts,
    attemptsOnMissingFiles: permanent.reduce((sum, job) => sum + job.attempts.length, 0),
    attemptsAfterPermanent: report.jobs.reduce((sum, job) => sum + attemptsAfterPermanent(job), 0),
    repeatedAfterAmbiguousLoss: nonIdempotent.filter(repeatedAfterAmbiguousLoss).length,
    appendsAppliedTwice: [...report.appendCounts.values()].filter((count) => count > 1).length,
    reconnects: report.reconnects,
    ms: report.ms,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const why = unavailable();
  if (why) {
    console.log(`BullMQ distributed run: skipped (${why})`);
    return;
  }
  const ftp = await startFtpServer("vsftpd");
  const { setup: sftp, stop: stopSftp } = await startSftpServer("te-int-bench");
  const redis = await startRedis();
  const results: Record<"helper" | "plain", ReturnType<typeof summary>[]> = {
    helper: [],
    plain: [],
  };
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const mode of ["helper", "plain"] as const) {
        const report = await runDistributed({
          mode,
          redisPort: redis.port,
          ftp,
          sftp,
          runId: `b${round}${mode[0]}`,
          timeoutMs: 600_000,
        });
        results[mode].push(summary(report));
      }
    }
  } finally {
    await redis.stop();
    await stopSftp();
    await ftp.stop();
  }
  const run = distributedRun;
  const redisVersion = execFileSync("/usr/bin/redis-server", ["--version"], { encoding: "utf8" })
    .split(" ")
    .find((word) => word.startsWith("v="));
  console.log(
    `BullMQ distributed run: ${run.workers} worker processes (node child processes), Redis ${redisVersion?.slice(2)} on 127.0.0.1,`,
  );
  console.log(
    "68 jobs: per protocol 14 downloads, 4 downloads of missing files, 10 uploads, 4 appends, 2 renames;",
  );
  console.log(
    `attempts ${run.attempts} per job; first delay ${run.minDelayMs} ms; faults: seeded proxies (seed ${run.seed}) reset or cut`,
  );
  console.log(
    `90 % of the long-lived FTP control / SSH sessions; the reply of ${run.lostReplies} FTP appends/renames is lost (they took effect).`,
  );
  console.log(`${rounds} rounds each; figures of each round, then the median time.`);
  console.log("");
  const header = [
    "mode",
    "jobs",
    "completed",
    "failed",
    "idempotent done",
    "attempts",
    "on missing files",
    "after a permanent failure",
    "non-idempotent repeated after ambiguous loss",
    "appends applied twice",
    "reconnects",
    "time ms",
  ];
  console.log(header.join(" | "));
  const label = {
    helper: "helpers (transferProcessor + transferBackoffStrategy)",
    plain: "BullMQ exponential backoff, no helper",
  };
  for (const mode of ["helper", "plain"] as const) {
    for (const r of results[mode]) {
      console.log(
        [
          label[mode],
          r.jobs,
          r.completed,
          r.failed,
          r.idempotentCompleted,
          r.attempts,
          r.attemptsOnMissingFiles,
          r.attemptsAfterPermanent,
          r.repeatedAfterAmbiguousLoss,
          r.appendsAppliedTwice,
          r.reconnects,
          r.ms,
        ].join(" | "),
      );
    }
  }
  console.log("");
  for (const mode of ["helper", "plain"] as const) {
    console.log(`median time, ${label[mode]}: ${median(results[mode].map((r) => r.ms))} ms`);
  }
}

await main();
