// The distributed run: a real Redis, BullMQ, worker PROCESSES, and transfer jobs against the real
// vsftpd and sshd behind seeded fault proxies. The test asserts it, the bench reports it.
import { type ChildProcess, fork } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type FaultPlan,
  type FaultProxy,
  startFaultProxy,
} from "@transfer-errors/testkit/fault-proxy";
import { Queue } from "bullmq";
import { TRANSFER_BACKOFF } from "../../src/bullmq.ts";
import type { SftpSetup } from "./sftp.ts";
import {
  type JobKind,
  nonIdempotentKinds,
  type Protocol,
  type TransferJobData,
  type WorkerConfig,
  type WorkerMessage,
} from "./transfer-jobs.ts";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..", "..");
const workerScript = join(here, "transfer-worker.ts");

export interface FtpTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The login directory on the local disk. */
  home: string;
}

/** Faults on the long-lived sessions: control connection of FTP, the whole SSH session of SFTP. */
export const distributedRun = {
  seed: 20_261_201,
  ftpPlan: { reset: 0.45, cut: 0.45, maxBytes: { down: 2_000, up: 400 } } satisfies FaultPlan,
  sftpPlan: { reset: 0.45, cut: 0.45, maxBytes: { down: 5_000, up: 8_000 } } satisfies FaultPlan,
  /** Of the one-session-per-job FTP appends and renames, every other one loses its reply. */
  lostReplies: 3,
  workers: 2,
  attempts: 8,
  minDelayMs: 50,
  maxDelayMs: 2_000,
};

/** How many jobs of each kind, per protocol. */
const mix: Readonly<Record<JobKind, number>> = {
  download: 14,
  "download-missing": 4,
  upload: 10,
  append: 4,
  rename: 2,
};

export interface JobOutcome {
  id: string;
  protocol: Protocol;
  kind: JobKind;
  state: "completed" | "failed";
  attemptsMade: number;
  failedReason: string | undefined;
  /** What the worker processes reported, attempt by attempt. */
  attempts: Extract<WorkerMessage, { type: "attempt" }>[];
}

export interface RunReport {
  mode: "helper" | "plain";
  jobs: JobOutcome[];
  attempts: number;
  reconnects: number;
  failedReconnects: number;
  /** Worker process ids that took part (more than one: the jobs were spread). */
  workersThatWorked: number;
  ms: number;
  faults: { ftp: FaultProxy["stats"]; sftp: FaultProxy["stats"]; oneShot: FaultProxy["stats"] };
  /** Lines appended to each append job's file, by job id (read from the servers' disks). */
  appendCounts: Map<string, number>;
  /** Rename jobs whose source is gone and target is there. */
  renamed: Set<string>;
}

function jobsFor(protocol: Protocol, root: string, ftpText: string, sftp: SftpSetup) {
  const jobs: TransferJobData[] = [];
  const path = (name: string) => (protocol === "ftp" ? `jobs/${name}` : join(root, name));

  for (const kind of Object.keys(mix) as JobKind[]) {
    for (let i = 0; i < mix[kind]; i++) {
      const name = `${protocol}-${kind}-${i}`;
      if (kind === "download") {
        jobs.push({
          protocol,
          kind,
          remote: protocol === "ftp" ? "hello.txt" : sftp.file,
          text: protocol === "ftp" ? ftpText : sftp.fileContent,
        });
      } else if (kind === "download-missing") {
        jobs.push({ protocol, kind, remote: path(`${name}.missing`), text: "" });
      } else if (kind === "upload") {
        jobs.push({ protocol, kind, remote: path(`${name}.txt`), text: `${name}\n`.repeat(40) });
      } else if (kind === "append") {
        jobs.push({ protocol, kind, remote: path(`${name}.log`), text: `${name}\n` });
      } else {
        jobs.push({
          protocol,
          kind,
          remote: path(`${name}.from`),
          to: path(`${name}.to`),
          text: "",
        });
      }
    }
  }
  return jobs;
}

/** Files the jobs need: an empty log per append, a source per rename; owned by the login user. */
function prepareFiles(dir: string, jobs: TransferJobData[], localPath: (remote: string) => string) {
  const owner = statSync(dir);
  for (const job of jobs) {
    if (job.kind === "append" || job.kind === "rename") {
      const local = localPath(job.remote);
      writeFileSync(local, job.kind === "append" ? "" : "move me\n");
      chownSync(local, owner.uid, owner.gid);
    }
  }
}

function startWorker(config: WorkerConfig, onMessage: (m: WorkerMessage) => void): ChildProcess {
  const child = fork(workerScript, [], {
    cwd: packageDir,
    execArgv: ["--import", "tsx"],
    env: { ...process.env, TE_WORKER_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  child.on("message", (message) => onMessage(message as WorkerMessage));
  return child;
}

function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 50);
    };
    tick();
  });
}

async function stopWorker(child: ChildProcess, closed: () => boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (child.connected) child.send("close");
  await waitFor(closed, 10_000, "a worker to close").catch(() => child.kill("SIGKILL"));
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs 68 jobs (34 FTP, 34 SFTP) on `workers` processes. `helper`: the README's worker
 * (transferProcessor + transferBackoffStrategy). `plain`: the same processor on a bare Worker,
 * with BullMQ's exponential backoff (same first delay, same attempts).
 */
export async function runDistributed(options: {
  mode: "helper" | "plain";
  redisPort: number;
  ftp: FtpTarget;
  sftp: SftpSetup;
  runId: string;
  timeoutMs?: number;
}): Promise<RunReport> {
  const { mode, ftp, sftp, runId } = options;
  const run = distributedRun;
  const ftpDir = join(ftp.home, "jobs");
  if (!existsSync(ftpDir)) {
    mkdirSync(ftpDir);
    const owner = statSync(ftp.home);
    chownSync(ftpDir, owner.uid, owner.gid);
  }
  const sftpDir = join(sftp.scratch, `jobs-${runId}`);
  mkdirSync(sftpDir);
  const scratchOwner = statSync(sftp.scratch);
  chownSync(sftpDir, scratchOwner.uid, scratchOwner.gid);
  // Fresh names per run: the same server may serve several runs.
  const ftpJobs = jobsFor("ftp", "", readFileSync(join(ftp.home, "hello.txt"), "utf8"), sftp).map(
    (job) => ({
      ...job,
      remote: job.remote.replace(/^jobs\//, `jobs/${runId}-`),
      ...(job.to ? { to: job.to.replace(/^jobs\//, `jobs/${runId}-`) } : {}),
    }),
  );
  const sftpJobs = jobsFor("sftp", sftpDir, "", sftp);
  prepareFiles(ftpDir, ftpJobs, (remote) => join(ftp.home, remote));
  prepareFiles(sftpDir, sftpJobs, (remote) => remote);

  const ftpProxy = await startFaultProxy({
    target: { port: ftp.port },
    seed: run.seed,
    plan: run.ftpPlan,
    maxConnections: 64,
  });
  const oneShotProxy = await startFaultProxy({ target: { port: ftp.port }, maxConnections: 64 });
  for (let i = 0; i < run.lostReplies; i++) {
    // The append or rename is carried out; its reply (226 or 250) never reaches the client.
    oneShotProxy.queue(
      { kind: "reset", at: { direction: "down", match: /^(226|250) /m, swallow: true } },
      { kind: "none" },
    );
  }
  const sftpProxy = await startFaultProxy({
    target: { port: sftp.port },
    seed: run.seed + 1,
    plan: run.sftpPlan,
    maxConnections: 64,
  });

  const connection = { host: "127.0.0.1", port: options.redisPort };
  const queueName = `transfers-${runId}`;
  const queue = new Queue<TransferJobData, string>(queueName, { connection });
  const messages: WorkerMessage[] = [];
  const children: ChildProcess[] = [];
  const closed = new Set<number>();
  const started = performance.now();
  try {
    const ready = new Set<number>();
    for (let workerId = 1; workerId <= run.workers; workerId++) {
      const config: WorkerConfig = {
        workerId,
        queueName,
        redisPort: options.redisPort,
        mode,
        minDelayMs: run.minDelayMs,
        maxDelayMs: run.maxDelayMs,
        ftp: { host: ftpProxy.host, port: ftpProxy.port, user: ftp.user, password: ftp.password },
        ftpOneShotPort: oneShotProxy.port,
        sftp: {
          host: sftpProxy.host,
          port: sftpProxy.port,
          username: sftp.username,
          password: sftp.password,
        },
      };
      children.push(
        startWorker(config, (message) => {
          messages.push(message);
          if (message.type === "ready") ready.add(message.workerId);
          if (message.type === "closed") closed.add(message.workerId);
        }),
      );
    }
    await waitFor(() => ready.size === run.workers, 60_000, "the worker processes");
    // Interleaved, so that both protocols and every kind run all along.
    const all: TransferJobData[] = [];
    for (let i = 0; i < Math.max(ftpJobs.length, sftpJobs.length); i++) {
      if (ftpJobs[i]) all.push(ftpJobs[i]!);
      if (sftpJobs[i]) all.push(sftpJobs[i]!);
    }
    const jobOptions =
      mode === "helper"
        ? { attempts: run.attempts, backoff: { type: TRANSFER_BACKOFF } }
        : { attempts: run.attempts, backoff: { type: "exponential", delay: run.minDelayMs } };
    await queue.addBulk(
      all.map((data, i) => ({
        name: `${data.protocol}-${data.kind}`,
        data,
        opts: { ...jobOptions, jobId: `${runId}-${String(i).padStart(3, "0")}` },
      })),
    );
    const deadline = Date.now() + (options.timeoutMs ?? 240_000);
    for (;;) {
      const counts = await queue.getJobCounts("completed", "failed");
      if ((counts.completed ?? 0) + (counts.failed ?? 0) >= all.length) break;
      if (Date.now() > deadline)
        throw new Error(`the jobs did not finish: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ms = Math.round(performance.now() - started);
    const attemptsOf = new Map<string, Extract<WorkerMessage, { type: "attempt" }>[]>();
    for (const m of messages) {
      if (m.type !== "attempt") continue;
      const list = attemptsOf.get(m.jobId) ?? [];
      list.push(m);
      attemptsOf.set(m.jobId, list);
    }
    const jobs: JobOutcome[] = [];
    for (const state of ["completed", "failed"] as const) {
      for (const job of await queue.getJobs([state], 0, -1)) {
        const id = String(job.id);
        jobs.push({
          id,
          protocol: job.data.protocol,
          kind: job.data.kind,
          state,
          attemptsMade: job.attemptsMade,
          failedReason: state === "failed" ? job.failedReason : undefined,
          attempts: (attemptsOf.get(id) ?? []).sort((a, b) => a.attempt - b.attempt),
        });
      }
    }
    jobs.sort((a, b) => a.id.localeCompare(b.id));
    const appendCounts = new Map<string, number>();
    const renamed = new Set<string>();
    const byId = new Map(jobs.map((job) => [job.id, job]));
    for (const [i, data] of all.entries()) {
      const id = `${runId}-${String(i).padStart(3, "0")}`;
      if (!byId.has(id)) continue;
      const local = (remote: string) => (data.protocol === "ftp" ? join(ftp.home, remote) : remote);
      if (data.kind === "append") {
        const text = readFileSync(local(data.remote), "utf8");
        appendCounts.set(id, text.split(data.text).length - 1);
      } else if (data.kind === "rename") {
        if (!existsSync(local(data.remote)) && existsSync(local(data.to!))) renamed.add(id);
      }
    }
    const reconnects = messages.filter((m) => m.type === "reconnect");
    return {
      mode,
      jobs,
      attempts: messages.filter((m) => m.type === "attempt").length,
      reconnects: reconnects.length,
      failedReconnects: reconnects.filter((m) => m.type === "reconnect" && !m.ok).length,
      workersThatWorked: new Set(
        messages.filter((m) => m.type === "attempt").map((m) => m.workerId),
      ).size,
      ms,
      faults: { ftp: ftpProxy.stats, sftp: sftpProxy.stats, oneShot: oneShotProxy.stats },
      appendCounts,
      renamed,
    };
  } finally {
    await Promise.all(children.map((child, i) => stopWorker(child, () => closed.has(i + 1))));
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await ftpProxy.stop();
    await oneShotProxy.stop();
    await sftpProxy.stop();
  }
}

/** Did a non-idempotent job run again after an attempt that may have taken effect? */
export function repeatedAfterAmbiguousLoss(job: JobOutcome): boolean {
  if (!nonIdempotentKinds.has(job.kind)) return false;
  const first = job.attempts.findIndex((a) => !a.ok && a.ambiguous);
  return first !== -1 && first < job.attempts.length - 1;
}

/** Attempts made after the first permanent (not retryable) failure of a job. */
export function attemptsAfterPermanent(job: JobOutcome): number {
  const first = job.attempts.findIndex((a) => !a.ok && a.retryable === false);
  return first === -1 ? 0 : job.attempts.length - 1 - first;
}
