// Download a file with retries, reconnecting when the connection is gone.
//
//   FTP_HOST=ftp.example.com FTP_USER=me FTP_PASSWORD=secret \
//     npx tsx examples/retry.ts /reports today.csv ./today.csv
//
// The part between the region markers is the README's example, word for word (a test checks).
import { pathToFileURL } from "node:url";
// #region readme
import {
  isTransferError,
  reconnect,
  type TransferError,
  withRetry,
  wrapClient,
} from "@transfer-errors/basic-ftp";
import { type AccessOptions, Client } from "basic-ftp";

type OnRetry = (error: TransferError, attempt: number) => void;

const logRetry: OnRetry = (error, attempt) =>
  console.warn(`attempt ${attempt} failed, ${error.reason}: ${error.retry.why}`);

/** Downloads `remotePath`; a lost connection is opened again and the download repeated. */
export function downloadWithRetry(
  client: Client,
  remotePath: string,
  localPath: string,
  onRetry: OnRetry = logRetry,
) {
  return withRetry(() => client.downloadTo(localPath, remotePath), {
    retries: 4,
    // access() with the options of the last access(), then cd() back to the working directory
    reconnect: () => reconnect(client),
    onRetry,
  });
}

export async function fetchFile(
  options: AccessOptions,
  directory: string,
  remotePath: string,
  localPath: string,
): Promise<void> {
  // timeoutMs: a deadline per call, for the waits basic-ftp's own timeout does not cover
  const client = wrapClient(new Client(15_000), { timeoutMs: 120_000 });
  try {
    await withRetry(() => client.access(options), { retries: 2 });
    await client.cd(directory);
    await downloadWithRetry(client, remotePath, localPath);
  } catch (error) {
    if (isTransferError(error)) console.error(`${error.message}\n${error.explanation}`);
    throw error;
  } finally {
    client.close();
  }
}
// #endregion readme

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [directory = "/", remotePath, localPath] = process.argv.slice(2);
  if (!remotePath || !localPath) {
    console.error("usage: retry.ts <remote directory> <remote file> <local file>");
    process.exit(2);
  }
  const env = process.env;
  fetchFile(
    {
      host: env.FTP_HOST ?? "localhost",
      port: Number(env.FTP_PORT ?? 21),
      user: env.FTP_USER ?? "anonymous",
      password: env.FTP_PASSWORD ?? "guest",
      secure: env.FTP_SECURE === "true",
    },
    directory,
    remotePath,
    localPath,
  ).then(
    () => console.log(`saved ${localPath}`),
    () => {
      process.exitCode = 1;
    },
  );
}
