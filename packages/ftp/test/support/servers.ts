// Real servers for a test file: started before its tests, stopped after. Where they cannot run
// (no root, no apt) the tests are skipped with the reason; under CI=true that is a failure.
import {
  type FtpServerKind,
  ftpServerSupport,
  type RunningFtpServer,
  type StartOptions,
  startFtpServer,
} from "@transfer-errors/testkit/ftp";
import type Client from "ftp";
import { afterAll, beforeAll, describe } from "vitest";

const support = ftpServerSupport();
const underCi = process.env.CI === "true";
let warned = false;

/** `describe` when the servers can run (or under CI, where it must fail), else `describe.skip`. */
export function describeWithServers(name: string, body: () => void): void {
  if (support.ok) {
    describe(name, body);
    return;
  }
  if (underCi) {
    describe(name, () => {
      beforeAll(() => {
        throw new Error(`CI=true and the FTP test servers cannot run: ${support.why}`);
      });
      body();
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(`[ftp] integration tests skipped: ${support.why}`);
  }
  describe.skip(`${name} (skipped: ${support.why})`, body);
}

export interface ServerHandle {
  /** The running server; throws before beforeAll ran. */
  readonly server: RunningFtpServer;
  /** connect() options for the test user (node-ftp and promise-ftp take the same). */
  options(extra?: Partial<Client.Options>): Client.Options;
}

/** Starts `kind` before the tests of the enclosing describe and stops it after. */
export function useFtpServer(kind: FtpServerKind, start: StartOptions = {}): ServerHandle {
  let running: RunningFtpServer | undefined;
  beforeAll(async () => {
    running = await startFtpServer(kind, start);
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    get server() {
      if (!running) throw new Error(`${kind} is not running`);
      return running;
    },
    options(extra = {}) {
      const s = this.server;
      return {
        host: s.host,
        port: s.port,
        user: s.user,
        password: s.password,
        connTimeout: 5_000,
        pasvTimeout: 5_000,
        ...extra,
      };
    },
  };
}
