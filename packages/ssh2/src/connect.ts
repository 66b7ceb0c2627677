import { secretsIn, watchSsh2Socket, withDeadline } from "@transfer-errors/core/adapter";
import { toTransferError } from "./read-error.js";
import { type WrapOptions, wrapClient } from "./wrap-client.js";

/** What connectSftp uses of an ssh2 `Client`. */
export interface SshClientLike {
  on(event: string, listener: (...args: never[]) => void): unknown;
  connect(config: never): unknown;
  sftp(callback: (error: Error | undefined, sftp: unknown) => void): unknown;
  destroy(): unknown;
}

/** The SFTP session type of a client: ssh2's `SFTPWrapper` for its `Client`. */
export type SftpOf<C> = C extends {
  sftp(callback: (error: Error | undefined, sftp: infer S) => void): unknown;
}
  ? S
  : never;

export interface SftpSession<C, S> {
  /** The connected client: end() it when done (the session ends with it). */
  client: C;
  /** Its SFTP session, wrapped with the options given to connectSftp. */
  sftp: S;
}

/**
 * Connects `client` (a new ssh2 `Client`) with `config`, opens its SFTP session and wraps it.
 * Every failure rejects with a `TransferError` (operation `"connect"`), without the config's
 * password, passphrase or private key; `options.timeoutMs` bounds the whole of it. For
 * `withRetry`'s reconnect, call it again with a new Client: one is not reusable.
 */
export async function connectSftp<C extends SshClientLike>(
  client: C,
  config: Parameters<C["connect"]>[0],
  options: WrapOptions = {},
): Promise<SftpSession<C, SftpOf<C>>> {
  const secrets = [...(options.secrets ?? []), ...secretsIn(config)];
  const opened = new Promise<SftpOf<C>>((resolve, reject) => {
    // Stays after connecting (and rejects no more): a later error must not crash the process.
    client.on("error", reject);
    client.on("close", () => reject(new Error("No response from server")));
    client.on("ready", () =>
      client.sftp((error, sftp) => (error ? reject(error) : resolve(sftp as SftpOf<C>))),
    );
    client.connect(config as never);
    // An FTP server on the port answers "220 ..." and waits: its first line is watched, and a
    // WrongProtocol reaches the 'error' listener above.
    watchSsh2Socket(client, secrets);
  });
  try {
    const sftp = await withDeadline(opened, "connect", options.timeoutMs);
    return { client, sftp: wrapClient(sftp as SftpOf<C> & object, { ...options, secrets }) };
  } catch (error) {
    client.destroy();
    throw toTransferError(error, { operation: "connect", secrets });
  }
}
