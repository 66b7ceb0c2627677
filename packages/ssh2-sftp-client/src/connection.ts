import { createTransferError } from "@transfer-errors/core/adapter";
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

export interface SftpConnection<C extends object> {
  /** The current wrapped client; throws a `client-misuse` TransferError before the first connect(). */
  readonly client: C;
  /**
   * Connects a fresh client (ends the previous one first, ignoring its errors) and returns it
   * wrapped. This is the reconnect for `withRetry`: reusing one ssh2-sftp-client instance after a
   * failure or an end() gives bogus errors and calls that never settle.
   */
  connect(): Promise<C>;
  /** Ends the current client (bounded by `endTimeoutMs`, errors ignored). */
  end(): Promise<void>;
}

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
  let current: C | undefined;
  let connecting: Promise<C> | undefined;
  const endTimeoutMs = options.endTimeoutMs ?? 2_000;

  const open = async (): Promise<C> => {
    const previous = current;
    current = undefined;
    if (previous) await retire(previous, endTimeoutMs);
    const raw = options.createClient
      ? options.createClient()
      : ((await defaultClient()) as unknown as C);
    // A lost client's errors carry this connection's connect(): withRetry reconnects by itself.
    const wrapped = wrapClient(raw, { ...options, reconnect: () => connection.connect() });
    try {
      await (wrapped as unknown as SftpClientLike).connect(config);
    } catch (error) {
      await retire(wrapped, endTimeoutMs);
      throw error;
    }
    current = wrapped;
    return wrapped;
  };

  const connection: SftpConnection<C> = {
    get client(): C {
      if (current) return current;
      throw createTransferError({
        protocol: "sftp",
        message:
          "No connected client: createConnection() does not connect by itself, call connect() first",
        signals: ["misuse"],
      });
    },
    connect() {
      // Concurrent reconnects (several withRetry loops) share one new client.
      connecting ??= open().finally(() => {
        connecting = undefined;
      });
      return connecting;
    },
    async end() {
      const previous = current;
      current = undefined;
      if (previous) await retire(previous, endTimeoutMs);
    },
  };
  return connection;
}

/** Ends a client without waiting long or failing: then destroys its socket, whatever happened. */
async function retire(client: object, timeoutMs: number): Promise<void> {
  const endable = client as { end?: () => Promise<unknown>; client?: { destroy?: () => void } };
  try {
    if (typeof endable.end === "function") {
      await Promise.race([
        endable.end().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    }
  } catch {
    // A client that cannot even end is what is being replaced.
  }
  try {
    endable.client?.destroy?.();
  } catch {
    // already gone
  }
}
