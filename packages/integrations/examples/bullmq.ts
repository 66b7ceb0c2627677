// A BullMQ worker whose transfer jobs fail at once when a retry cannot help, and otherwise wait
// as the hint says. The part between the region markers is the README's example.
// #region readme
import {
  TRANSFER_BACKOFF,
  type TransferBackoffOptions,
  transferBackoffStrategy,
  transferProcessor,
} from "@transfer-errors/integrations/bullmq";
import { type ConnectionOptions, type Job, type JobsOptions, Worker } from "bullmq";

/** For `queue.add(name, data, transferJobOptions)`: retries decided by the worker's strategy. */
export const transferJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: TRANSFER_BACKOFF },
};

export function createTransferWorker<Data, Result>(
  queueName: string,
  connection: ConnectionOptions,
  process: (job: Job<Data, Result>) => Promise<Result>,
  backoff: TransferBackoffOptions = { minDelayMs: 1_000, maxDelayMs: 60_000 },
) {
  // Permanent failures (not-found, permission-denied, an append cut off after it may have been
  // applied) become UnrecoverableError: the job fails at this attempt, the reason in failedReason.
  return new Worker<Data, Result>(queueName, transferProcessor(process), {
    connection,
    // For jobs with backoff.type TRANSFER_BACKOFF: the server's delayMs, else jittered backoff.
    settings: { backoffStrategy: transferBackoffStrategy(backoff) },
  });
}
// #endregion readme
