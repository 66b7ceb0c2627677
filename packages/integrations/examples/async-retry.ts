// async-retry with the retry hint: `bail` on a permanent failure, reconnect before the next
// attempt. The part between the region markers is the README's example.
// #region readme
import { reconnect } from "@transfer-errors/basic-ftp";
import { bailOnPermanent } from "@transfer-errors/integrations/async-retry";
import retry from "async-retry";
import type { Client } from "basic-ftp";

/** Downloads with async-retry; `client` is a wrapClient()-ed basic-ftp Client, logged in. */
export function download(client: Client, remotePath: string, localPath: string) {
  return retry(
    bailOnPermanent(() => client.downloadTo(localPath, remotePath), {
      // async-retry's onRetry is not awaited: the reconnect runs at the start of the next attempt
      reconnect: () => reconnect(client),
    }),
    { retries: 4, minTimeout: 200 },
  );
}
// #endregion readme
