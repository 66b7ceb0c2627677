// What the SFTP adapters' tests share: the run's OpenSSH sshd (sftp-setup.ts), per-file fixtures, the checks every scenario makes of a TransferError, the
// same conditions on each real SFTP server (OpenSSH and ProFTPD's mod_sftp), and the test kit's
// FTP servers for an SFTP client pointed at an FTP port.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import { isTransferError, type TransferError } from "@transfer-errors/core";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import {
  type FtpServerKind,
  ftpServerSupport,
  type RunningFtpServer,
  startFtpServer,
} from "./ftp-servers.js";
import { type ProftpdSftpServer, proftpdSftpSkipReason, startProftpdSftp } from "./proftpd-sftp.js";
import type { SftpTestServer } from "./sftp-setup.js";
import {
  createSftpFixtures,
  mustHaveServers,
  type SftpFixtures,
  type SshdServer,
  startSshd,
} from "./sshd.js";

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

/** An SFTP status as one server sends it. */
export interface SftpStatus {
  code: number;
  codeName: string;
  text: string;
}

/** The statuses the cross-server conditions meet, with OpenSSH's texts. */
export const statuses = {
  noSuchFile: { code: 2, codeName: "SSH_FX_NO_SUCH_FILE", text: "No such file" },
  denied: { code: 3, codeName: "SSH_FX_PERMISSION_DENIED", text: "Permission denied" },
  failure: { code: 4, codeName: "SSH_FX_FAILURE", text: "Failure" },
} as const satisfies Record<string, SftpStatus>;

/** expectFailure and the server's text; the library's error printed when anything differs. */
export function expectAnswer(
  error: TransferError,
  expected: Expected,
  serverMessage: string | undefined,
  secrets: readonly string[],
): void {
  try {
    expectFailure(error, expected, secrets);
    expect(error.serverMessage).toBe(serverMessage);
  } catch (failed) {
    if (failed instanceof Error) {
      failed.message += `\nserverMessage: ${inspect(error.serverMessage)}\ncause: ${inspect(error.cause)}`;
    }
    throw failed;
  }
}

/** One real SFTP server under test: how to log in, its fixtures (as paths the session sees). */
export interface SftpServerTarget {
  server: "openssh" | "proftpd-sftp";
  host: string;
  port: number;
  username: string;
  password: string;
  root: string;
  file: string;
  missing: string;
  nonEmptyDir: string;
  /** The user may list it, not write to it (owned by root). */
  readOnlyDir: string;
  /** A file of root's, mode 0600. */
  privateFile: string;
  /** A directory of root's, mode 0700. */
  lockedDir: string;
  /** Stops (SIGSTOP) every session: a peer that never answers. */
  pauseSessions(): Promise<void> | void;
  resumeSessions(): Promise<void> | void;
  /** Kills every session: each client's connection drops. */
  killSessions(): Promise<void> | void;
}

/**
 * `body` once on each real SFTP server: OpenSSH (an sshd of the file's own, whose sessions its
 * tests may kill, on the run's test user and a file's fixtures) and ProFTPD's mod_sftp (the same
 * account). Each skips, saying why, where it cannot run; under CI=true that fails.
 */
export function describeEachSftpServer(body: (target: () => SftpServerTarget) => void): void {
  describeSftp("the same failures on OpenSSH", () => {
    const fixtures = useFixtures();
    let sshd: SshdServer;
    let privateFile: string;
    beforeAll(async () => {
      sshd = await startSshd({ user: running().user });
      privateFile = join(fixtures().root, "private.txt");
      await writeFile(privateFile, "nobody but root\n", { mode: 0o600 });
    });
    afterAll(async () => {
      await sshd?.stop();
    });
    body(() => {
      const { user } = running();
      const { root, file, missing, nonEmptyDir, readOnlyDir, lockedDir } = fixtures();
      return {
        server: "openssh",
        host: sshd.host,
        port: sshd.port,
        username: user.name,
        password: user.password,
        ...{ root, file, missing, nonEmptyDir, readOnlyDir, privateFile, lockedDir },
        pauseSessions: () => sshd.pauseSessions(),
        resumeSessions: () => sshd.resumeSessions(),
        killSessions: () => sshd.killSessions(),
      };
    });
  });
  const skip = proftpdSftpSkipReason();
  const name = `the same failures on ProFTPD mod_sftp${skip ? ` (skipped: ${skip})` : ""}`;
  (skip ? describe.skip : describe)(name, () => {
    let server: ProftpdSftpServer;
    beforeAll(async () => {
      // The same (non-root) account as OpenSSH's test user when there is one.
      const sftp = sftpServer();
      server = await startProftpdSftp({ owner: sftp.available ? sftp.user : undefined });
    });
    afterAll(async () => {
      await server?.stop();
    });
    body(() => ({
      server: "proftpd-sftp",
      host: server.host,
      port: server.port,
      username: server.user,
      password: server.password,
      ...server.fixtures,
      pauseSessions: () => server.pauseSessions(),
      resumeSessions: () => server.resumeSessions(),
      killSessions: () => server.killSessions(),
    }));
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
