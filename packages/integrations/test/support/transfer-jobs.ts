// The jobs of the distributed run and what the worker processes report: shared by the parent
// (test and bench) and the worker script.

export type Protocol = "ftp" | "sftp";
export type JobKind = "download" | "download-missing" | "upload" | "append" | "rename";

export interface TransferJobData {
  protocol: Protocol;
  kind: JobKind;
  /** Remote path (FTP: relative to the login directory; SFTP: absolute). */
  remote: string;
  /** rename: the new name. */
  to?: string;
  /** upload, append: the text sent; download: the text expected. */
  text: string;
}

/** The configuration a worker process reads from `TE_WORKER_CONFIG`. */
export interface WorkerConfig {
  workerId: number;
  queueName: string;
  redisPort: number;
  /** `helper`: transferProcessor + transferBackoffStrategy. `plain`: BullMQ's exponential backoff. */
  mode: "helper" | "plain";
  minDelayMs: number;
  maxDelayMs: number;
  ftp: { host: string; port: number; user: string; password: string };
  /** The FTP proxy that loses the reply of appends and renames (one connection per job). */
  ftpOneShotPort: number;
  sftp: { host: string; port: number; username: string; password: string };
}

/** Messages from a worker process. */
export type WorkerMessage =
  | { type: "ready"; workerId: number }
  | {
      type: "attempt";
      workerId: number;
      jobId: string;
      attempt: number;
      kind: JobKind;
      protocol: Protocol;
      ok: boolean;
      reason?: string;
      retryable?: boolean;
      ambiguous?: boolean;
    }
  | { type: "reconnect"; workerId: number; protocol: Protocol; ok: boolean }
  | { type: "closed"; workerId: number };

export const nonIdempotentKinds: ReadonlySet<JobKind> = new Set(["append", "rename"]);
