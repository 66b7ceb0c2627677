// One sshd for the whole run, with its own test user: the ssh2-sftp-client package's setup
// changes the password of its user at start, so sharing one would race.
import { chown, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  createSftpFixtures,
  ensureSftpUser,
  type SftpFixtures,
  type SshdServer,
  sshdUnavailableReason,
  startSshd,
} from "@transfer-errors/testkit/sshd";
import type { TestProject } from "vitest/node";

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

declare module "vitest" {
  export interface ProvidedContext {
    sftp: SftpSetup;
  }
}

const BIG_FILE_BYTES = 512 * 1024;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const why = sshdUnavailableReason();
  if (why) {
    if (process.env.CI === "true") throw new Error(`the resilience tests need sshd: ${why}`);
    project.provide("sftp", { ...emptySetup(), unavailable: why });
    return async () => {};
  }
  const user = await ensureSftpUser("te-res-sftp");
  let fixtures: SftpFixtures | undefined;
  let server: SshdServer | undefined;
  try {
    fixtures = await createSftpFixtures(user);
    server = await startSshd({ user });
    const bigFile = join(fixtures.root, "big.bin");
    // Bytes that do not compress: the transfer is as long on the wire as on disk.
    const bytes = Buffer.alloc(BIG_FILE_BYTES);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    await writeFile(bigFile, bytes);
    await chown(bigFile, user.uid, user.gid);
    project.provide("sftp", {
      port: server.port,
      username: user.name,
      password: user.password,
      file: fixtures.file,
      fileContent: fixtures.fileContent,
      bigFile,
      bigFileBytes: BIG_FILE_BYTES,
      missing: fixtures.missing,
      scratch: await fixtures.makeDir("scratch"),
    });
  } catch (error) {
    await server?.stop();
    await fixtures?.remove();
    throw error;
  }
  return async () => {
    await server?.stop();
    await fixtures?.remove();
  };
}

function emptySetup(): SftpSetup {
  return {
    port: 0,
    username: "",
    password: "",
    file: "",
    fileContent: "",
    bigFile: "",
    bigFileBytes: 0,
    missing: "",
    scratch: "",
  };
}
