// The README's example: download a file over SFTP, retrying what can be retried and
// reconnecting with a fresh client when the connection is gone.
//
//   SFTP_HOST=example.com SFTP_USER=me SFTP_PASSWORD=... npx tsx examples/download-with-retry.ts /remote/file
import { pathToFileURL } from "node:url";
import {
  createConnection,
  isTransferError,
  type SftpClientLike,
  type SftpConnectConfig,
  type SftpConnection,
  withRetry,
} from "@transfer-errors/ssh2-sftp-client";

/** Downloads `remotePath`; a lost connection is opened again (a new client) and the get repeated. */
export async function fetchFile(
  sftp: SftpConnection<SftpClientLike>,
  remotePath: string,
  log: (line: string) => void = console.warn,
): Promise<Buffer> {
  return withRetry(async () => (await sftp.client.get(remotePath)) as Buffer, {
    retries: 3,
    // Called before a retry whose hint says `reconnect`: a new ssh2-sftp-client instance.
    reconnect: () => sftp.connect(),
    onRetry: (error, attempt) => log(`attempt ${attempt} failed (${error.reason}), retrying`),
  });
}

/** Connects (retrying a refused or timed-out connect), downloads, and always disconnects. */
export async function download(
  config: SftpConnectConfig,
  remotePath: string,
  log = console.warn,
): Promise<Buffer> {
  const sftp = createConnection(config, { timeoutMs: 30_000 });
  try {
    await withRetry(() => sftp.connect(), {
      retries: 5,
      onRetry: (error, attempt) =>
        log(`connect attempt ${attempt} failed (${error.reason}), retrying`),
    });
    return await fetchFile(sftp, remotePath, log);
  } finally {
    await sftp.end();
  }
}

async function main(): Promise<void> {
  const remotePath = process.argv[2] ?? "/etc/hostname";
  try {
    const data = await download(
      {
        host: process.env.SFTP_HOST ?? "127.0.0.1",
        port: Number(process.env.SFTP_PORT ?? 22),
        username: process.env.SFTP_USER ?? "",
        password: process.env.SFTP_PASSWORD ?? "",
        readyTimeout: 10_000,
      },
      remotePath,
    );
    console.log(`${remotePath}: ${data.length} bytes`);
  } catch (error) {
    if (!isTransferError(error)) throw error;
    // reason, code and explanation say what went wrong; the password never appears in them.
    console.error(`${error.reason} (${error.code ?? "no code"}): ${error.explanation}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
