// The real servers of these tests: vsftpd for FTP (one per test file), the run's sshd for SFTP.
// Under CI a server that cannot start fails the tests; elsewhere they skip with the reason.
import {
  ftpServerSupport,
  type RunningFtpServer,
  startFtpServer,
} from "@transfer-errors/testkit/ftp";
import { afterAll, beforeAll, inject } from "vitest";
import type { SftpSetup } from "../src/sftp-server.ts";

const inCi = process.env.CI === "true";

/** Why vsftpd cannot run here (`undefined` when it can); throws under CI. */
export function ftpUnavailable(): string | undefined {
  const support = ftpServerSupport();
  if (support.ok) return undefined;
  if (inCi) throw new Error(`the resilience tests need vsftpd: ${support.why}`);
  console.warn(`skipping the FTP fault tests: ${support.why}`);
  return support.why;
}

/** Starts vsftpd before the file's tests and stops it after; read `.current` inside a test. */
export function useVsftpd(): { readonly current: RunningFtpServer } {
  let server: RunningFtpServer | undefined;
  beforeAll(async () => {
    if (ftpUnavailable() === undefined) server = await startFtpServer("vsftpd");
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get current() {
      if (!server) throw new Error("vsftpd is not running");
      return server;
    },
  };
}

/** The run's sshd and fixtures; `unavailable` is set when there is none (never under CI). */
export function sftpSetup(): SftpSetup {
  const setup = inject("resilienceSftp");
  if (setup.unavailable) console.warn(`skipping the SFTP fault tests: ${setup.unavailable}`);
  return setup;
}
