// exponential-backoff with the retry hint: its `retry` predicate is awaited, so it reconnects.
// The part between the region markers is the README's example.
// #region readme
import { reconnect } from "@transfer-errors/basic-ftp";
import { retryTransfer } from "@transfer-errors/integrations/exponential-backoff";
import type { Client } from "basic-ftp";
import { backOff } from "exponential-backoff";

/** Downloads with exponential-backoff; `client` is a wrapClient()-ed basic-ftp Client. */
export function download(client: Client, remotePath: string, localPath: string) {
  const numOfAttempts = 5;
  return backOff(() => client.downloadTo(localPath, remotePath), {
    numOfAttempts,
    startingDelay: 200,
    jitter: "full",
    retry: retryTransfer({ reconnect: () => reconnect(client), numOfAttempts }),
  });
}
// #endregion readme
