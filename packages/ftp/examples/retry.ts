// Download a file with retries, reconnecting when the connection is gone: promise-ftp, and
// node-ftp's callback Client connected with its 'error' events read as TransferErrors.
//
//   FTP_HOST=ftp.example.com FTP_USER=me FTP_PASSWORD=secret \
//     npx tsx examples/retry.ts /reports/today.csv ./today.csv
//
// The part between the region markers is the README's example, word for word (a test checks).

// #region readme
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { isTransferError, type TransferError, withRetry, wrapClient } from "@transfer-errors/ftp";
import type Client from "ftp";
import PromiseFtp from "promise-ftp";

type OnRetry = (error: TransferError, attempt: number) => void;

const logRetry: OnRetry = (error, attempt) =>
  console.warn(`attempt ${attempt} failed, ${error.reason}: ${error.retry.why}`);

/** Downloads `remotePath`; a lost connection is opened again and the download repeated. */
export function downloadWithRetry(
  ftp: PromiseFtp,
  remotePath: string,
  localPath: string,
  onRetry: OnRetry = logRetry,
) {
  return withRetry(
    async () => pipeline(await ftp.get(remotePath), createWriteStream(localPath)),
    // reconnect(): promise-ftp opens the connection again with the options of connect()
    { retries: 4, reconnect: () => ftp.reconnect(), onRetry },
  );
}

export async function fetchFile(
  options: PromiseFtp.Options,
  remotePath: string,
  localPath: string,
) {
  // timeoutMs: a deadline per call; node-ftp waits for a missing reply without end
  const ftp = wrapClient(new PromiseFtp(), { timeoutMs: 120_000 });
  try {
    await withRetry(() => ftp.connect(options), { retries: 2 });
    await downloadWithRetry(ftp, remotePath, localPath);
  } catch (error) {
    if (isTransferError(error)) console.error(`${error.message}\n${error.explanation}`);
    throw error;
  } finally {
    ftp.destroy();
  }
}

/** node-ftp's Client: a wrapped client's 'error' listeners get TransferErrors. */
export function connect(client: Client, options: Client.Options): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once("ready", resolve);
    client.once("error", reject); // a TransferError: reason, retry hint, explanation
    client.connect(options);
  });
}
// #endregion readme

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [remotePath, localPath] = process.argv.slice(2);
  if (!remotePath || !localPath) {
    console.error("usage: retry.ts <remote file> <local file>");
    process.exit(2);
  }
  const env = process.env;
  fetchFile(
    {
      host: env.FTP_HOST ?? "localhost",
      port: Number(env.FTP_PORT ?? 21),
      user: env.FTP_USER ?? "anonymous",
      password: env.FTP_PASSWORD ?? "guest",
    },
    remotePath,
    localPath,
  ).then(
    () => console.log(`saved ${localPath}`),
    () => {
      process.exitCode = 1;
    },
  );
}
