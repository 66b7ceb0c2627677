// A Temporal activity whose failures carry the retry hint as an ApplicationFailure.
// The part between the region markers is the README's example.
// #region readme
import { wrapClient } from "@transfer-errors/basic-ftp";
import { transferActivity } from "@transfer-errors/integrations/temporal";
import { type AccessOptions, Client } from "basic-ftp";

/** Register with `Worker.create({ activities: createActivities(options), ... })`. */
export function createActivities(options: AccessOptions) {
  return {
    // Throws ApplicationFailure { type: "TransferError:not-found", nonRetryable: true,
    // details: [the redacted toJSON()] }: Temporal retries only what can succeed.
    download: transferActivity(async (remotePath: string, localPath: string) => {
      const client = wrapClient(new Client(15_000), { timeoutMs: 60_000 });
      try {
        await client.access(options);
        await client.downloadTo(localPath, remotePath);
      } finally {
        client.close();
      }
    }),
  };
}
// #endregion readme
