// One sshd for the whole run, with its own test user: the ssh2-sftp-client package's setup
// changes the password of its user at start, so sharing one would race.
import { ownName } from "@transfer-errors/testkit/checkout";
import { sshdUnavailableReason } from "@transfer-errors/testkit/sshd";
import type { TestProject } from "vitest/node";
import { type SftpSetup, startSftpServer } from "../src/sftp-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    resilienceSftp: SftpSetup;
  }
}

const none: SftpSetup = {
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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const why = sshdUnavailableReason();
  if (why) {
    if (process.env.CI === "true") throw new Error(`the resilience tests need sshd: ${why}`);
    project.provide("resilienceSftp", { ...none, unavailable: why });
    return async () => {};
  }
  const { setup: sftp, stop } = await startSftpServer(ownName("te-res-sftp"));
  project.provide("resilienceSftp", sftp);
  return stop;
}
