// A traced download: one span per operation, retried attempts as events, the final failure as
// the span's error. The part between the region markers is the README's example.
// #region readme
import type { Tracer } from "@opentelemetry/api";
import { reconnect, withRetry } from "@transfer-errors/basic-ftp";
import {
  recordRetriedAttempt,
  recordTransferFailure,
} from "@transfer-errors/integrations/opentelemetry";
import type { Client } from "basic-ftp";

export function tracedDownload(
  tracer: Tracer,
  client: Client,
  remotePath: string,
  localPath: string,
) {
  return tracer.startActiveSpan("ftp download", async (span) => {
    try {
      return await withRetry(() => client.downloadTo(localPath, remotePath), {
        retries: 3,
        minDelayMs: 100,
        reconnect: () => reconnect(client),
        // an attempt that is retried is an event, not the span's error
        onRetry: (error, attempt) => recordRetriedAttempt(span, error, attempt),
      });
    } catch (error) {
      // status ERROR, error.type = the reason (not-found, connection-lost...)
      recordTransferFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}
// #endregion readme
