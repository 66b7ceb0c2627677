// Starts one OpenSSH sshd for the whole test run (each test file makes its own fixtures, and
// the files that break connections start their own sshd with this user).
import { ownName } from "@transfer-errors/testkit/checkout";
import {
  ensureSftpUser,
  mustHaveServers,
  type SftpUser,
  sshdUnavailableReason,
  startSshd,
} from "@transfer-errors/testkit/sshd";
import type { TestProject } from "vitest/node";

export type SftpTestServer =
  | { available: true; host: string; port: number; user: SftpUser }
  | { available: false; why: string };

declare module "vitest" {
  export interface ProvidedContext {
    sftp: SftpTestServer;
  }
}

export default async function setup(project: TestProject) {
  const why = sshdUnavailableReason();
  if (why) {
    if (mustHaveServers()) throw new Error(`CI=true and the SFTP test server cannot start: ${why}`);
    console.warn(`[ssh2] skipping the integration tests against OpenSSH: ${why}`);
    project.provide("sftp", { available: false, why });
    return;
  }
  // A user of its own: another package's test run (or worktree) resets te-sftp's password.
  const user = await ensureSftpUser(ownName("te-ssh2"));
  const server = await startSshd({ user });
  project.provide("sftp", { available: true, host: server.host, port: server.port, user });
  return async () => {
    await server.stop();
  };
}
