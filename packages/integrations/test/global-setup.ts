import { ownName } from "@transfer-errors/testkit/checkout";
// One sshd and one Redis for the whole run. Under CI a missing server fails the run; elsewhere
// the tests that need it skip with the reason.
import { sshdUnavailableReason } from "@transfer-errors/testkit/sshd";
import type { TestProject } from "vitest/node";
import { redisUnavailableReason, startRedis } from "./support/redis.ts";
import { noSftp, type SftpSetup, startSftpServer } from "./support/sftp.ts";

declare module "vitest" {
  export interface ProvidedContext {
    integrationsSftp: SftpSetup;
    integrationsRedis: { port: number; unavailable?: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const inCi = process.env.CI === "true";
  const stops: (() => Promise<void>)[] = [];
  const sshdWhy = sshdUnavailableReason();
  if (sshdWhy) {
    if (inCi) throw new Error(`the integrations tests need sshd: ${sshdWhy}`);
    project.provide("integrationsSftp", { ...noSftp, unavailable: sshdWhy });
  } else {
    const { setup: sftp, stop } = await startSftpServer(ownName("te-int"));
    stops.push(stop);
    project.provide("integrationsSftp", sftp);
  }
  const redisWhy = redisUnavailableReason();
  if (redisWhy) {
    if (inCi) throw new Error(`the integrations tests need Redis: ${redisWhy}`);
    project.provide("integrationsRedis", { port: 0, unavailable: redisWhy });
  } else {
    const redis = await startRedis();
    stops.push(redis.stop);
    project.provide("integrationsRedis", { port: redis.port });
  }
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
