// The OpenSSH sshd of these tests, with a test user of its own (another package's setup that
// changes its user's password at the same time must not be this one) and a few files.
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
  /** Absolute paths on the server. */
  file: string;
  fileContent: string;
  missing: string;
  /** A directory the jobs may write to, owned by the test user. */
  scratch: string;
}

export const noSftp: SftpSetup = {
  port: 0,
  username: "",
  password: "",
  file: "",
  fileContent: "",
  missing: "",
  scratch: "",
};

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
    const scratch = await fixtures.makeDir("scratch");
    const file = join(scratch, "report.csv");
    await writeFile(file, fixtures.fileContent);
    await chown(file, user.uid, user.gid);
    return {
      setup: {
        port: server.port,
        username: user.name,
        password: user.password,
        file,
        fileContent: fixtures.fileContent,
        missing: fixtures.missing,
        scratch,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
