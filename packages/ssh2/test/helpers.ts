import { inspect } from "node:util";
import {
  createSftpFixtures,
  mustHaveServers,
  type SftpFixtures,
} from "@transfer-errors/testkit/sshd";
import { Client, type ConnectConfig, type SFTPWrapper } from "ssh2";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { isTransferError, type TransferError } from "../src/index.js";

export const server = inject("sftp");

/** `describe` when the test sshd runs; a skip that says why when it cannot (never under CI). */
export function describeSftp(name: string, body: () => void): void {
  if (server.available) {
    describe(name, body);
    return;
  }
  if (mustHaveServers())
    throw new Error(`CI=true and the SFTP test server is missing: ${server.why}`);
  describe.skip(`${name} (skipped: ${server.why})`, body);
}

export function running() {
  if (!server.available) throw new Error("the test sshd is not running");
  return server;
}

/** ssh2 connect options for the shared server (or another port of this machine). */
export function connectConfig(
  overrides: { [K in keyof ConnectConfig]?: ConnectConfig[K] | undefined } = {},
): ConnectConfig {
  const { host, port, user } = running();
  return {
    host,
    port,
    username: user.name,
    password: user.password,
    readyTimeout: 5_000,
    ...overrides,
  } as ConnectConfig;
}

export interface RawSession {
  client: Client;
  sftp: SFTPWrapper;
}

/** A raw ssh2 Client, connected, with its SFTP session (no adapter involved). */
export function openRaw(config: ConnectConfig = connectConfig()): Promise<RawSession> {
  const client = new Client();
  return new Promise((resolve, reject) => {
    client.on("error", reject);
    client.on("ready", () =>
      client.sftp((error, sftp) => (error ? reject(error) : resolve({ client, sftp }))),
    );
    client.connect(config);
  });
}

/** The first error a raw ssh2 Client emits while connecting (fails the test when it connects). */
export function clientErrorOf(config: ConnectConfig): Promise<unknown> {
  const client = new Client();
  return new Promise((resolve, reject) => {
    client.on("error", (error) => {
      client.end();
      resolve(error);
    });
    client.on("ready", () => {
      client.end();
      reject(new Error("expected a connect error, but the client connected"));
    });
    client.connect(config);
  });
}

/** Calls a callback-style method; resolves with its first result, rejects with its error. */
export function viaCallback<T = unknown>(
  run: (callback: (error: unknown, result?: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) =>
    run((error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/** Fixtures for one test file, removed after it. */
export function useFixtures(): () => SftpFixtures {
  let fixtures: SftpFixtures | undefined;
  beforeAll(async () => {
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
