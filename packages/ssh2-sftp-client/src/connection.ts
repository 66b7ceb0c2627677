import { type Reconnectable, reconnectable, retire, safeGet } from "@transfer-errors/core/adapter";
import type { SftpClientLike, SftpConnectConfig } from "./client-types.js";
import { type WrapOptions, wrapClient } from "./wrap-client.js";

export interface ConnectionOptions<C extends object> extends WrapOptions {
  /**
   * Makes the client for each connect(). Default: `new SftpClient()` from ssh2-sftp-client,
   * with event callbacks that print nothing (the library's defaults write to the console).
   */
  createClient?: (() => C) | undefined;
  /** How long end() of a replaced client may take before its socket is destroyed. Default 2000 ms. */
  endTimeoutMs?: number | undefined;
}

/**
 * The wrapped `client`, `connect()` a fresh one and `end()` (bounded by `endTimeoutMs`). connect()
 * is the reconnect for `withRetry`: reusing one ssh2-sftp-client instance after a failure or an
 * end() gives bogus errors and calls that never settle.
 */
export type SftpConnection<C extends object> = Reconnectable<C>;

const quietCallbacks = { error: () => undefined, end: () => undefined, close: () => undefined };

async function defaultClient(): Promise<SftpClientLike> {
  const { default: SftpClient } = await import("ssh2-sftp-client");
  return new SftpClient("transfer-errors", quietCallbacks) as unknown as SftpClientLike;
}

/**
 * One SFTP connection that can be opened again: each connect() makes a new client instance,
 * wrapped with `options` (timeoutMs, diagnose, verifyUploads).
 *
 * ```ts
 * const sftp = createConnection({ host, username, password }, { timeoutMs: 30_000 });
 * await sftp.connect();
 * await withRetry(() => sftp.client.get("/data/report.csv"), { reconnect: () => sftp.connect() });
 * await sftp.end();
 * ```
 */
export function createConnection<C extends object = SftpClientLike>(
  config: SftpConnectConfig,
  options: ConnectionOptions<C> = {},
): SftpConnection<C> {
  const endTimeoutMs = options.endTimeoutMs ?? 2_000;
  // Ends a client, then destroys its ssh2 connection whatever happened.
  const end = (client: C) =>
    retire(client, endTimeoutMs, () => (safeGet(client, "client") as Destroyable)?.destroy?.());
  const connection: SftpConnection<C> = reconnectable({
    protocol: "sftp",
    retire: end,
    async open() {
      const raw = options.createClient
        ? options.createClient()
        : ((await defaultClient()) as unknown as C);
      // A lost client's errors carry this connection's connect(): withRetry reconnects by itself.
      return wrapClient(raw, { ...options, reconnect: () => connection.connect() });
    },
    connect: (wrapped) => (wrapped as unknown as SftpClientLike).connect(config),
  });
  return connection;
}

type Destroyable = { destroy?: () => void } | undefined;
