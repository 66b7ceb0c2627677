// What the SFTP adapters' tests share: the run's OpenSSH sshd (sftp-setup.ts), per-file fixtures, the checks every scenario makes of a TransferError, and the test
// kit's FTP servers for an SFTP client pointed at an FTP port.
import { inspect } from "node:util";
import { isTransferError, type TransferError } from "@transfer-errors/core";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import {
  type FtpServerKind,
  ftpServerSupport,
  type RunningFtpServer,
  startFtpServer,
} from "./ftp-servers.js";
import type { SftpTestServer } from "./sftp-setup.js";
import { createSftpFixtures, mustHaveServers, type SftpFixtures } from "./sshd.js";

/** The run's sshd, as the global setup (`provideSftpServer`) provided it. */
export function sftpServer(): SftpTestServer {
  return inject("sftp");
}

/** `describe` when the test sshd runs; a skip that says why when it cannot (never under CI). */
export function describeSftp(name: string, body: () => void): void {
  const server = sftpServer();
  if (server.available) {
    describe(name, body);
    return;
  }
  if (mustHaveServers())
    throw new Error(`CI=true and the SFTP test server is missing: ${server.why}`);
  describe.skip(`${name} (skipped: ${server.why})`, body);
}

export function running() {
  const server = sftpServer();
  if (!server.available) throw new Error("the test sshd is not running");
  return server;
}

/** Fixtures for one test file, removed after it. */
export function useFixtures(): () => SftpFixtures {
  let fixtures: SftpFixtures | undefined;
  beforeAll(async () => {
    const server = sftpServer();
    if (server.available) fixtures = await createSftpFixtures(server.user);
  });
  afterAll(async () => {
    await fixtures?.remove();
  });
  return () => {
    if (!fixtures) throw new Error("fixtures not created");
    return fixtures;
  };
}

/**
 * `describe` with the test kit's FTP servers of `kinds` running for its tests (started before,
 * stopped after): `serverOf(kind)` in the body. Skipped, saying why, where they cannot run;
 * under CI=true that fails.
 */
export function describeWithFtpServers(
  name: string,
  kinds: readonly FtpServerKind[],
  body: (serverOf: (kind: FtpServerKind) => RunningFtpServer) => void,
): void {
  const support = ftpServerSupport();
  if (!support.ok) {
    if (mustHaveServers())
      throw new Error(`CI=true and the FTP servers cannot run: ${support.why}`);
    describe.skip(`${name} (skipped: ${support.why})`, () => body(() => undefined as never));
    return;
  }
  describe(name, () => {
    const servers = new Map<FtpServerKind, RunningFtpServer>();
    beforeAll(async () => {
      for (const s of await Promise.all(kinds.map((kind) => startFtpServer(kind)))) {
        servers.set(s.kind, s);
      }
    });
    afterAll(async () => {
      await Promise.all([...servers.values()].map((s) => s.stop()));
    });
    body((kind) => {
      const found = servers.get(kind);
      if (!found) throw new Error(`the ${kind} test server is not running`);
      return found;
    });
  });
}

/** What a call rejected with (fails the test when it resolves). */
export async function rejectionOf(
  work: Promise<unknown> | (() => Promise<unknown>),
): Promise<unknown> {
  try {
    await (typeof work === "function" ? work() : work);
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but the call resolved");
}

/** The TransferError a call rejected with. */
export async function transferErrorOf(
  work: Promise<unknown> | (() => Promise<unknown>),
): Promise<TransferError> {
  const error = await rejectionOf(work);
  if (!isTransferError(error)) throw new Error(`expected a TransferError, got ${inspect(error)}`);
  return error;
}

export interface Expected {
  reason: string;
  code: number | string | undefined;
  codeName?: string | undefined;
  retryable: boolean;
  reconnect: boolean;
  operation: string | undefined;
  path: string | undefined;
}

/** Asserts the fields every scenario checks, and that no secret shows anywhere. */
export function expectFailure(
  error: TransferError,
  expected: Expected,
  secrets: readonly string[] = defaultSecrets(),
): void {
  expect({
    reason: error.reason,
    code: error.code,
    codeName: error.codeName,
    retryable: error.retryable,
    reconnect: error.retry.reconnect,
    operation: error.operation,
    path: error.path,
  }).toEqual({ codeName: undefined, ...expected });
  expect(error.name).toBe("TransferError");
  expect(error.protocol).toBe("sftp");
  expect(error.explanation.length).toBeGreaterThan(20);
  expectNoSecrets(error, secrets);
}

function defaultSecrets(): string[] {
  const server = sftpServer();
  return server.available ? [server.user.password] : [];
}

/** No secret in the message, the fields, toJSON(), String() or util.inspect of the error. */
export function expectNoSecrets(error: TransferError, secrets: readonly string[]): void {
  const views = [
    error.message,
    error.explanation,
    String(error),
    JSON.stringify(error),
    JSON.stringify(error.toJSON()),
    inspect(error, { depth: 5 }),
    error.stack ?? "",
    error.serverMessage ?? "",
    error.path ?? "",
  ];
  for (const secret of secrets) {
    for (const view of views) expect(view).not.toContain(secret);
  }
}
