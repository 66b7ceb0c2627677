// One BullMQ worker process of the distributed run: it consumes transfer jobs against the real
// FTP and SFTP servers behind the fault proxies, and reports every attempt to its parent.
// Run with `node --import tsx transfer-worker.ts`, configured by TE_WORKER_CONFIG (JSON).
import { Readable, Writable } from "node:stream";
import { reconnect, wrapClient } from "@transfer-errors/basic-ftp";
import { isTransferError } from "@transfer-errors/core";
import {
  createConnection,
  needsReconnect,
  type SftpClientLike,
} from "@transfer-errors/ssh2-sftp-client";
import { Client } from "basic-ftp";
import { type Job, Worker } from "bullmq";
import { createTransferWorker } from "../../examples/bullmq.ts";
import {
  nonIdempotentKinds,
  type TransferJobData,
  type WorkerConfig,
  type WorkerMessage,
} from "./transfer-jobs.ts";

const config = JSON.parse(process.env.TE_WORKER_CONFIG ?? "{}") as WorkerConfig;
const send = (message: WorkerMessage) => process.send?.(message);

/** Client timeouts: short, the servers are on loopback. */
const FTP_TIMEOUT_MS = 3_000;

class Memory extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.chunks.push(chunk);
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

// One FTP session per worker for idempotent jobs, reconnected when the last error said so.
let ftp: Client | undefined;
let ftpLoggedIn = false;
let ftpReconnect = false;

async function ftpClient(): Promise<Client> {
  const login = { ...config.ftp };
  if (!ftp) {
    ftp = wrapClient(new Client(FTP_TIMEOUT_MS), { timeoutMs: 3 * FTP_TIMEOUT_MS });
  }
  if (!ftpLoggedIn || ftpReconnect || ftp.closed) {
    const first = !ftpLoggedIn;
    try {
      if (first) await ftp.access(login);
      else await reconnect(ftp);
      ftpLoggedIn = true;
      ftpReconnect = false;
      if (!first) send({ type: "reconnect", workerId: config.workerId, protocol: "ftp", ok: true });
    } catch (error) {
      ftpReconnect = ftpLoggedIn;
      if (!first)
        send({ type: "reconnect", workerId: config.workerId, protocol: "ftp", ok: false });
      throw error;
    }
  }
  return ftp;
}

/** Appends and renames: a session of their own, through the proxy that loses their reply. */
async function oneShotFtp<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = wrapClient(new Client(FTP_TIMEOUT_MS), { timeoutMs: 3 * FTP_TIMEOUT_MS });
  try {
    await client.access({ ...config.ftp, port: config.ftpOneShotPort });
    return await work(client);
  } finally {
    client.close();
  }
}

// One SFTP connection per worker; a new client whenever the last one is marked or the hint said so.
const sftp = createConnection<SftpClientLike>(
  { ...config.sftp, readyTimeout: 5_000 },
  { timeoutMs: 10_000 },
);
let sftpConnected = false;
let sftpReconnect = false;

async function sftpClient(): Promise<SftpClientLike> {
  if (sftpConnected && !sftpReconnect && !needsReconnect(sftp.client)) return sftp.client;
  const first = !sftpConnected;
  try {
    await sftp.connect();
    sftpConnected = true;
    sftpReconnect = false;
    if (!first) send({ type: "reconnect", workerId: config.workerId, protocol: "sftp", ok: true });
  } catch (error) {
    sftpReconnect = sftpConnected;
    if (!first) send({ type: "reconnect", workerId: config.workerId, protocol: "sftp", ok: false });
    throw error;
  }
  return sftp.client;
}

function expectText(actual: string, expected: string, what: string): void {
  if (actual !== expected)
    throw new Error(
      `${what}: got ${actual.length} characters, not the expected ${expected.length}`,
    );
}

async function runFtp(data: TransferJobData): Promise<string> {
  switch (data.kind) {
    case "download":
    case "download-missing": {
      const client = await ftpClient();
      const sink = new Memory();
      await client.downloadTo(sink, data.remote);
      expectText(sink.text(), data.text, "downloaded text");
      return "downloaded";
    }
    case "upload": {
      const client = await ftpClient();
      await client.uploadFrom(Readable.from([Buffer.from(data.text)]), data.remote);
      return "uploaded";
    }
    case "append":
      await oneShotFtp((client) =>
        client.appendFrom(Readable.from([Buffer.from(data.text)]), data.remote),
      );
      return "appended";
    case "rename":
      await oneShotFtp((client) => client.rename(data.remote, data.to!));
      return "renamed";
  }
}

async function runSftp(data: TransferJobData): Promise<string> {
  const client = await sftpClient();
  switch (data.kind) {
    case "download":
    case "download-missing": {
      const content = (await client.get(data.remote)) as Buffer;
      expectText(content.toString("utf8"), data.text, "downloaded text");
      return "downloaded";
    }
    case "upload":
      await client.put(Buffer.from(data.text), data.remote);
      return "uploaded";
    case "append":
      await client.append(Buffer.from(data.text), data.remote);
      return "appended";
    case "rename":
      await client.rename(data.remote, data.to!);
      return "renamed";
  }
}

/** The job, reported attempt by attempt; a failure that says reconnect marks the connection. */
async function processJob(job: Job<TransferJobData, string>): Promise<string> {
  const data = job.data;
  const attempt = job.attemptsMade + 1;
  const base = {
    type: "attempt" as const,
    workerId: config.workerId,
    jobId: String(job.id),
    attempt,
    kind: data.kind,
    protocol: data.protocol,
  };
  try {
    const result = data.protocol === "ftp" ? await runFtp(data) : await runSftp(data);
    send({ ...base, ok: true });
    return result;
  } catch (error) {
    if (isTransferError(error)) {
      // Appends and renames over FTP had a session of their own: the shared one is fine.
      if (error.retry.reconnect && !nonIdempotentKinds.has(data.kind)) {
        if (data.protocol === "ftp") ftpReconnect = true;
        else sftpReconnect = true;
      }
      send({
        ...base,
        ok: false,
        reason: error.reason,
        retryable: error.retryable,
        ambiguous: error.retry.ambiguous === true,
      });
    } else {
      send({
        ...base,
        ok: false,
        reason: "not-a-transfer-error",
        retryable: false,
        ambiguous: false,
      });
    }
    throw error;
  }
}

const connection = { host: "127.0.0.1", port: config.redisPort, maxRetriesPerRequest: null };
const worker =
  config.mode === "helper"
    ? createTransferWorker(config.queueName, connection, processJob, {
        minDelayMs: config.minDelayMs,
        maxDelayMs: config.maxDelayMs,
      })
    : new Worker<TransferJobData, string>(config.queueName, processJob, { connection });
worker.on("error", () => {});

async function close(): Promise<void> {
  await worker.close();
  ftp?.close();
  await sftp.end().catch(() => undefined);
  send({ type: "closed", workerId: config.workerId });
  process.disconnect?.();
}

process.on("message", (message) => {
  if (message === "close") void close();
});
// The parent is gone (a killed test run): nobody will ask this worker to close.
process.on("disconnect", () => process.exit(0));
await worker.waitUntilReady();
send({ type: "ready", workerId: config.workerId });
