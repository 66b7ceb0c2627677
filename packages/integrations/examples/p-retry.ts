// p-retry with the retry hint: a permanent failure stops at once, a lost connection is opened
// again before the next attempt. The part between the region markers is the README's example.
// #region readme
import { reconnect } from "@transfer-errors/basic-ftp";
import { shouldRetryTransfer } from "@transfer-errors/integrations/p-retry";
import type { Client } from "basic-ftp";
import pRetry from "p-retry";

/** Downloads with p-retry; `client` is a wrapClient()-ed basic-ftp Client, logged in. */
export function download(client: Client, remotePath: string, localPath: string) {
  return pRetry(() => client.downloadTo(localPath, remotePath), {
    retries: 4,
    minTimeout: 200,
    randomize: true,
    // false for not-found, auth-failed, an append that may have happened...; reconnects first
    // when the connection is gone (awaited by p-retry before the next attempt)
    shouldRetry: shouldRetryTransfer({ reconnect: () => reconnect(client) }),
  });
}
// #endregion readme
