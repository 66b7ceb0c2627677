// The SFTP adapters' shared test support (@transfer-errors/testkit/sftp-tests), and what only
// ssh2-sftp-client's tests need.

import { running } from "@transfer-errors/testkit/sftp-tests";
import SftpClient from "ssh2-sftp-client";

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

/** connect() options for the shared server (or another port of this machine). */
export function connectConfig(overrides: Record<string, unknown> = {}) {
  const { host, port, user } = running();
  return {
    host,
    port,
    username: user.name,
    password: user.password,
    readyTimeout: 5_000,
    ...overrides,
  };
}

/** Library callbacks that print nothing (its defaults write every event to the console). */
export const quietCallbacks = {
  error: () => undefined,
  end: () => undefined,
  close: () => undefined,
};

export function newClient(): SftpClient {
  return new SftpClient("test", quietCallbacks);
}
