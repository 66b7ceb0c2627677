// The README's example: download a file over SFTP with ssh2, retrying what can be retried and
// reconnecting with a new Client when the connection is gone.
//
//   SFTP_HOST=example.com SFTP_USER=me SFTP_PASSWORD=... npx tsx examples/download-with-retry.ts /remote/file
import { pathToFileURL } from "node:url";
import { connectSftp, isTransferError, type SftpSession, withRetry } from "@transfer-errors/ssh2";
import { Client, type ConnectConfig, type SFTPWrapper } from "ssh2";

/** One SFTP connection that can be opened again: every open() makes a new ssh2 Client. */
export class Connection {
  private session: SftpSession<Client, SFTPWrapper> | undefined;
  constructor(private readonly config: ConnectConfig) {}

  /** The wrapped SFTP session: its callbacks get TransferErrors, each call has a deadline. */
  get sftp(): SFTPWrapper {
    if (!this.session) throw new Error("call open() first");
    return this.session.sftp;
  }

  async open(): Promise<void> {
    this.end();
    this.session = await connectSftp(new Client(), this.config, { timeoutMs: 30_000 });
  }

  end(): void {
    this.session?.client.end();
    this.session = undefined;
  }
}

/** ssh2's readFile as a promise. */
function readFile(sftp: SFTPWrapper, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    sftp.readFile(path, (error, data) => (error ? reject(error) : resolve(data))),
  );
}

/** Downloads `remotePath`; a lost connection is opened again and the download repeated. */
export function fetchFile(
  connection: Connection,
  remotePath: string,
  log: (line: string) => void = console.warn,
): Promise<Buffer> {
  return withRetry(() => readFile(connection.sftp, remotePath), {
    retries: 3,
    // Called before a retry whose hint says `reconnect`: a new Client and SFTP session.
    reconnect: () => connection.open(),
    onRetry: (error, attempt) => log(`attempt ${attempt} failed (${error.reason}), retrying`),
  });
}

/** Connects (retrying a refused or timed-out connect), downloads, and always disconnects. */
export async function download(
  config: ConnectConfig,
  remotePath: string,
  log = console.warn,
): Promise<Buffer> {
  const connection = new Connection(config);
  try {
    await withRetry(() => connection.open(), {
      retries: 5,
      onRetry: (error, attempt) =>
        log(`connect attempt ${attempt} failed (${error.reason}), retrying`),
    });
    return await fetchFile(connection, remotePath, log);
  } finally {
    connection.end();
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
