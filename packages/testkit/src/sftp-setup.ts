// The SFTP adapters' global setup: one OpenSSH sshd for a whole test run, provided to its tests
// as `sftp` (read by sftp-tests.ts). Nothing here imports vitest's runtime: a global setup runs
// outside the test workers.
import type { TestProject } from "vitest/node";
import { ownName } from "../checkout/index.js";
import {
  ensureSftpUser,
  mustHaveServers,
  type SftpUser,
  sshdUnavailableReason,
  startSshd,
} from "./sshd.js";

export type SftpTestServer =
  | { available: true; host: string; port: number; user: SftpUser }
  | { available: false; why: string };

declare module "vitest" {
  export interface ProvidedContext {
    sftp: SftpTestServer;
  }
}

/**
 * A global setup's body: starts one sshd for the run with a test user named after `userBase`
 * and this checkout (another checkout's run resets a shared user's password), and provides it
 * as `sftp`. Without sshd the tests skip, saying why; under CI=true that fails.
 */
export async function provideSftpServer(project: TestProject, userBase: string, label: string) {
  const why = sshdUnavailableReason();
  if (why) {
    if (mustHaveServers()) throw new Error(`CI=true and the SFTP test server cannot start: ${why}`);
    console.warn(`[${label}] skipping the integration tests against OpenSSH: ${why}`);
    project.provide("sftp", { available: false, why });
    return undefined;
  }
  const user = await ensureSftpUser(ownName(userBase));
  const server = await startSshd({ user });
  project.provide("sftp", { available: true, host: server.host, port: server.port, user });
  return async () => {
    await server.stop();
  };
}
