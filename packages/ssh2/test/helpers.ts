// The SFTP adapters' shared test support (@transfer-errors/testkit/sftp-tests), and what only
// ssh2's tests need.
import { running } from "@transfer-errors/testkit/sftp-tests";
import { Client, type ConnectConfig, type SFTPWrapper } from "ssh2";

export {
  describeSftp,
  type Expected,
  expectFailure,
  expectNoSecrets,
  rejectionOf,
  running,
  transferErrorOf,
  useFixtures,
} from "@transfer-errors/testkit/sftp-tests";

/** ssh2 connect options for the shared server (or another port of this machine). */
export function connectConfig(
  overrides: { [K in keyof ConnectConfig]?: ConnectConfig[K] | undefined } = {},
): ConnectConfig {
  const { host, port, user } = running();
  return {
    host,
    port,
    username: user.name,
    password: user.password,
    readyTimeout: 5_000,
    ...overrides,
  } as ConnectConfig;
}

export interface RawSession {
  client: Client;
  sftp: SFTPWrapper;
}

/** A raw ssh2 Client, connected, with its SFTP session (no adapter involved). */
export function openRaw(config: ConnectConfig = connectConfig()): Promise<RawSession> {
  const client = new Client();
  return new Promise((resolve, reject) => {
    client.on("error", reject);
    client.on("ready", () =>
      client.sftp((error, sftp) => (error ? reject(error) : resolve({ client, sftp }))),
    );
    client.connect(config);
  });
}

/** The first error a raw ssh2 Client emits while connecting (fails the test when it connects). */
export function clientErrorOf(config: ConnectConfig): Promise<unknown> {
  const client = new Client();
  return new Promise((resolve, reject) => {
    client.on("error", (error) => {
      client.end();
      resolve(error);
    });
    client.on("ready", () => {
      client.end();
      reject(new Error("expected a connect error, but the client connected"));
    });
    client.connect(config);
  });
}

/** Calls a callback-style method; resolves with its first result, rejects with its error. */
export function viaCallback<T = unknown>(
  run: (callback: (error: unknown, result?: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) =>
    run((error, result) => (error ? reject(error) : resolve(result as T))),
  );
}
