// The OpenSSH sshd of the fault runs, with its own test user and fixtures (a small file, a big
// one to cut mid-transfer, a scratch directory), for the tests' global setup and the bench.
import { randomBytes } from "node:crypto";
import { chown, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  createSftpFixtures,
  ensureSftpUser,
  type SftpFixtures,
  type SshdServer,
  startSshd,
} from "@transfer-errors/testkit/sshd";

export interface SftpSetup {
  /** Why there is no server (outside CI the SFTP tests skip with it). */
  unavailable?: string;
  port: number;
  username: string;
  password: string;
  /** Absolute paths on the server (the fixtures live on this machine). */
  file: string;
  fileContent: string;
  bigFile: string;
  bigFileBytes: number;
  missing: string;
  /** A directory the tests may write to. */
  scratch: string;
}

const BIG_FILE_BYTES = 512 * 1024;

/**
 * Starts sshd for `userName` (its password is set anew: one user per caller that runs at the
 * same time, or they change each other's password).
 */
export async function startSftpServer(
  userName: string,
): Promise<{ setup: SftpSetup; stop: () => Promise<void> }> {
  const user = await ensureSftpUser(userName);
  let fixtures: SftpFixtures | undefined;
  let server: SshdServer | undefined;
  const stop = async () => {
    await server?.stop();
    await fixtures?.remove();
  };
  try {
    fixtures = await createSftpFixtures(user);
    server = await startSshd({ user });
    const bigFile = join(fixtures.root, "big.bin");
    // Random bytes: no layer can make the transfer shorter than it is.
    await writeFile(bigFile, randomBytes(BIG_FILE_BYTES));
    await chown(bigFile, user.uid, user.gid);
    const setup: SftpSetup = {
      port: server.port,
      username: user.name,
      password: user.password,
      file: fixtures.file,
      fileContent: fixtures.fileContent,
      bigFile,
      bigFileBytes: BIG_FILE_BYTES,
      missing: fixtures.missing,
      scratch: await fixtures.makeDir("scratch"),
    };
    return { setup, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
