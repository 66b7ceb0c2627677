// The real servers of these tests: vsftpd (one per test file), the run's sshd and Redis.
// Under CI a server that cannot start fails the tests; elsewhere they skip with the reason.
import { reconnect, withRetry, wrapClient } from "@transfer-errors/basic-ftp";
import {
  type FaultProxy,
  type FaultProxyOptions,
  startFaultProxy,
} from "@transfer-errors/testkit/fault-proxy";
import {
  ftpServerSupport,
  type RunningFtpServer,
  startFtpServer,
} from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import type { SftpSetup } from "./sftp.ts";

const inCi = process.env.CI === "true";

/** Why vsftpd cannot run here (`undefined` when it can); throws under CI. */
export function ftpUnavailable(): string | undefined {
  const support = ftpServerSupport();
  if (support.ok) return undefined;
  if (inCi) throw new Error(`the integrations tests need vsftpd: ${support.why}`);
  console.warn(`skipping the FTP tests: ${support.why}`);
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
  const setup = inject("integrationsSftp");
  if (setup.unavailable) console.warn(`skipping the SFTP tests: ${setup.unavailable}`);
  return setup;
}

/** The run's Redis; `unavailable` is set when there is none (never under CI). */
export function redisSetup(): { port: number; unavailable?: string } {
  const setup = inject("integrationsRedis");
  if (setup.unavailable) console.warn(`skipping the BullMQ tests: ${setup.unavailable}`);
  return setup;
}

/**
 * A wrapped basic-ftp client logged in to vsftpd through a fault proxy (control connection
 * only), closed with the proxy after each test. `count.reconnects` counts `reconnect()` calls.
 */
export function useFtpThroughProxy(vsftpd: { readonly current: RunningFtpServer }) {
  let proxy: FaultProxy | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    client?.close();
    await proxy?.stop();
    proxy = client = undefined;
  });
  return async (options: Omit<FaultProxyOptions, "target"> = {}) => {
    const server = vsftpd.current;
    proxy = await startFaultProxy({ target: { port: server.port }, ...options });
    client = wrapClient(new Client(5_000), { timeoutMs: 10_000 });
    const c = client;
    const login = {
      host: proxy.host,
      port: proxy.port,
      user: server.user,
      password: server.password,
    };
    await withRetry(() => c.access(login), { retries: 5, minDelayMs: 1, maxDelayMs: 5 });
    const count = { reconnects: 0 };
    const reconnectCounted = async () => {
      count.reconnects += 1;
      await reconnect(c);
    };
    return { proxy, client: c, server, count, reconnect: reconnectCounted };
  };
}
