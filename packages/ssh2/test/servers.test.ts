// The same failures on two real SFTP servers, OpenSSH (an sshd of this file's own) and ProFTPD's
// mod_sftp, through ssh2's SFTPWrapper (wrapClient) and connectSftp. Each expected reason is what
// the condition is; the status code and the text are each server's own, where the two answer
// differently.
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { closedPort } from "@transfer-errors/testkit/net";
import {
  describeEachSftpServer,
  expectAnswer,
  type SftpServerTarget,
  type SftpStatus,
  statuses,
} from "@transfer-errors/testkit/sftp-tests";
import { Client, type ConnectConfig, type SFTPWrapper } from "ssh2";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { connectSftp, needsReconnect, type SftpSession, withRetry } from "../src/index.js";
import { expectFailure, transferErrorOf, viaCallback } from "./helpers.js";

type Status = SftpStatus;
const { noSuchFile, denied, failure } = statuses;

/** What differs between the servers: their answers to the same request. */
interface Answers {
  /** mkdir of a directory that exists. */
  mkdirExisting: Status;
  /** rmdir of a directory that holds a file. */
  rmdirNotEmpty: Status;
  /** rename onto a file that exists. */
  renameOntoFile: Status;
  /**
   * open for writing of a path that is a directory, and what that reply alone says: ssh2 has no
   * `diagnose` look (ssh2-sftp-client's finds the directory), so OpenSSH's "Failure" to OPEN
   * (EISDIR, EROFS, ENOSPC...) stays server-error and mod_sftp's refusal by its STOR handler
   * permission-denied.
   */
  writeOntoDir: Status & { reason: "server-error" | "permission-denied" };
}

/** One server under test, as the conditions below use it. */
interface Target extends SftpServerTarget {
  config(overrides?: Partial<ConnectConfig>): ConnectConfig;
  answers: Answers;
}

type Call = (sftp: SFTPWrapper, path: string, cb: (error: unknown) => void) => void;

function conditions(target: () => Target): void {
  let session: SftpSession<Client, SFTPWrapper>;
  const sessions: SftpSession<Client, SFTPWrapper>[] = [];
  beforeAll(async () => {
    session = await connectSftp(new Client(), target().config());
  });
  afterAll(() => {
    session?.client.end();
  });
  afterEach(async () => {
    await target().resumeSessions();
    for (const extra of sessions.splice(0)) extra.client.destroy();
  });
  const secrets = () => [target().password];
  const refused = (operation: string, path: string, status: Status) => ({
    code: status.code,
    codeName: status.codeName,
    retryable: false,
    reconnect: false,
    operation,
    path,
  });
  const failed = (call: Call, path: string) =>
    transferErrorOf(viaCallback((cb) => call(session.sftp, path, cb)));

  it("a wrong password: auth-failed, not retryable, a new connection for the next try", async () => {
    const password = "wrong-Secret-123";
    const error = await transferErrorOf(connectSftp(new Client(), target().config({ password })));
    expectFailure(
      error,
      {
        reason: "auth-failed",
        code: "client-authentication",
        retryable: false,
        reconnect: true,
        operation: "connect",
        path: undefined,
      },
      [password, ...secrets()],
    );
  });

  const local = join(tmpdir(), "te-ssh2-servers-never-written");
  const missingFile: [string, Call][] = [
    ["stat", (sftp, path, cb) => sftp.stat(path, cb)],
    ["readFile", (sftp, path, cb) => sftp.readFile(path, cb)],
    ["fastGet", (sftp, path, cb) => sftp.fastGet(path, local, cb)],
    ["unlink", (sftp, path, cb) => sftp.unlink(path, cb)],
    ["rename", (sftp, path, cb) => sftp.rename(path, posix.join(target().root, "renamed"), cb)],
  ];
  it.each(missingFile)("a missing file: %s is not-found", async (operation, call) => {
    const { missing } = target();
    expectAnswer(
      await failed(call, missing),
      { ...refused(operation, missing, noSuchFile), reason: "not-found" },
      noSuchFile.text,
      secrets(),
    );
  });

  const missingDir: [string, Call][] = [
    ["readdir", (sftp, path, cb) => sftp.readdir(path, cb)],
    ["rmdir", (sftp, path, cb) => sftp.rmdir(path, cb)],
  ];
  it.each(missingDir)("a missing directory: %s is not-found", async (operation, call) => {
    const dir = posix.join(target().root, "no-such-dir");
    expectAnswer(
      await failed(call, dir),
      { ...refused(operation, dir, noSuchFile), reason: "not-found" },
      noSuchFile.text,
      secrets(),
    );
  });

  it("permission denied: a write into a read-only directory, a root file, a root directory", async () => {
    const { readOnlyDir, privateFile, lockedDir } = target();
    const upload = `${readOnlyDir}/new.txt`;
    const cases: [string, string, Call][] = [
      ["writeFile", upload, (sftp, path, cb) => sftp.writeFile(path, "x", cb)],
      ["readFile", privateFile, (sftp, path, cb) => sftp.readFile(path, cb)],
      ["readdir", lockedDir, (sftp, path, cb) => sftp.readdir(path, cb)],
    ];
    for (const [operation, path, call] of cases) {
      expectAnswer(
        await failed(call, path),
        { ...refused(operation, path, denied), reason: "permission-denied" },
        denied.text,
        secrets(),
      );
    }
  });

  it("mkdir of an existing directory: already-exists", async () => {
    const { nonEmptyDir, answers } = target();
    expectAnswer(
      await failed((sftp, path, cb) => sftp.mkdir(path, cb), nonEmptyDir),
      { ...refused("mkdir", nonEmptyDir, answers.mkdirExisting), reason: "already-exists" },
      answers.mkdirExisting.text,
      secrets(),
    );
  });

  it("rmdir of a non-empty directory: directory-not-empty", async () => {
    const { nonEmptyDir, answers } = target();
    expectAnswer(
      await failed((sftp, path, cb) => sftp.rmdir(path, cb), nonEmptyDir),
      {
        ...refused("rmdir", nonEmptyDir, answers.rmdirNotEmpty),
        reason: "directory-not-empty",
      },
      answers.rmdirNotEmpty.text,
      secrets(),
    );
  });

  it("rename onto an existing file: already-exists", async () => {
    const { file, nonEmptyDir, answers } = target();
    const onto = `${nonEmptyDir}/inner.txt`;
    expectAnswer(
      await failed((sftp, path, cb) => sftp.rename(path, onto, cb), file),
      { ...refused("rename", file, answers.renameOntoFile), reason: "already-exists" },
      answers.renameOntoFile.text,
      secrets(),
    );
  });

  it("writeFile onto a directory's path: what the reply alone says", async () => {
    const { nonEmptyDir, answers } = target();
    const { reason } = answers.writeOntoDir;
    expectAnswer(
      await failed((sftp, path, cb) => sftp.writeFile(path, "x", cb), nonEmptyDir),
      { ...refused("writeFile", nonEmptyDir, answers.writeOntoDir), reason },
      answers.writeOntoDir.text,
      secrets(),
    );
  });

  it("the server's session killed during a call: connection-lost, retryable, reconnect", async () => {
    const lost = await connectSftp(new Client(), target().config());
    sessions.push(lost);
    const { root } = target();
    // Paused first, so that the request is surely pending when the connection drops.
    await target().pauseSessions();
    const pending = viaCallback((cb) => lost.sftp.readdir(root, cb));
    await target().killSessions();
    expectFailure(
      await transferErrorOf(pending),
      {
        reason: "connection-lost",
        code: undefined,
        retryable: true,
        reconnect: true,
        operation: "readdir",
        path: root,
      },
      secrets(),
    );
    expect(needsReconnect(lost.sftp)).toBe(true);
  });

  it("withRetry reconnects with a new Client after the kill, and the call succeeds", async () => {
    const { root, file } = target();
    let current = await connectSftp(new Client(), target().config(), { timeoutMs: 5_000 });
    sessions.push(current);
    const attempts: number[] = [];
    const listing = await withRetry(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt === 1) await target().killSessions();
        return viaCallback<{ filename: string }[]>((cb) => current.sftp.readdir(root, cb));
      },
      {
        minDelayMs: 10,
        reconnect: async () => {
          current = await connectSftp(new Client(), target().config(), { timeoutMs: 5_000 });
          sessions.push(current);
        },
      },
    );
    expect(listing.map((entry) => posix.join(root, entry.filename))).toContain(file);
    expect(attempts).toEqual([1, 2]);
  });

  it("a closed port: connection-refused, retryable, reconnect", async () => {
    const error = await transferErrorOf(
      connectSftp(new Client(), target().config({ port: await closedPort() })),
    );
    expectFailure(
      error,
      {
        reason: "connection-refused",
        code: "ECONNREFUSED",
        retryable: true,
        reconnect: true,
        operation: "connect",
        path: undefined,
      },
      secrets(),
    );
  });
}

/** Each server's answers to the requests they answer differently. */
const answersOf: Record<SftpServerTarget["server"], Answers> = {
  openssh: {
    mkdirExisting: failure,
    rmdirNotEmpty: failure,
    renameOntoFile: failure,
    writeOntoDir: { ...failure, reason: "server-error" },
  },
  "proftpd-sftp": {
    mkdirExisting: { ...failure, text: "File already exists" },
    rmdirNotEmpty: { ...failure, text: "Directory is not empty" },
    renameOntoFile: {
      code: 11,
      codeName: "SSH_FX_FILE_ALREADY_EXISTS",
      text: "File already exists",
    },
    // mod_xfer's STOR check refuses a directory before mod_sftp opens anything.
    writeOntoDir: { ...denied, reason: "permission-denied" },
  },
};

describeEachSftpServer((server) =>
  conditions(() => {
    const s = server();
    return {
      ...s,
      config: (overrides = {}) =>
        ({
          host: s.host,
          port: s.port,
          username: s.username,
          password: s.password,
          readyTimeout: 5_000,
          ...overrides,
        }) as ConnectConfig,
      answers: answersOf[s.server],
    };
  }),
);
