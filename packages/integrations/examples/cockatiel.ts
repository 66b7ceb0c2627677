// cockatiel with the retry hint: the policy preset (handleWhen + a backoff that follows the
// server's wait), and the reconnect inside execute. The part between the markers is the README's.
// #region readme
import { reconnect } from "@transfer-errors/basic-ftp";
import { transferRetryPolicy, withReconnect } from "@transfer-errors/integrations/cockatiel";
import type { Client } from "basic-ftp";

// retry(handleWhen(isTransientTransfer()), { maxAttempts: 4, backoff: new TransferBackoff(...) })
const policy = transferRetryPolicy({ maxAttempts: 4, minDelayMs: 200, maxDelayMs: 5_000 });

/** Downloads through the policy; `client` is a wrapClient()-ed basic-ftp Client, logged in. */
export function download(client: Client, remotePath: string, localPath: string) {
  // cockatiel's onRetry is an event, not awaited: the reconnect runs inside the next attempt
  return policy.execute(
    withReconnect(
      () => client.downloadTo(localPath, remotePath),
      () => reconnect(client),
    ),
  );
}
// #endregion readme
