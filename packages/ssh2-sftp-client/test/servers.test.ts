// The same failures on two real SFTP servers, OpenSSH (an sshd of this file's own) and ProFTPD's
// mod_sftp, through ssh2-sftp-client and wrapClient (with `diagnose`, the adapter's way to read a
// bare SSH_FX_FAILURE). Each expected reason is what the condition is; the status code and the
// text are each server's own, where the two answer differently.
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
import type SftpClient from "ssh2-sftp-client";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createConnection, needsReconnect, withRetry, wrapClient } from "../src/index.js";
import { expectFailure, newClient, transferErrorOf } from "./helpers.js";

type Status = SftpStatus;
const { noSuchFile, denied, failure } = statuses;

/** What differs between the servers: their answers to the same request. */
interface Answers {
  /** rmdir of a directory that holds a file. */
  rmdirNotEmpty: Status;
  /** rename onto a file that exists. */
  renameOntoFile: Status;
  /** put (open for writing) of a path that is a directory. */
  putOntoDir: Status;
}

/** One server under test, as the conditions below use it. */
interface Target extends SftpServerTarget {
  config(overrides?: Record<string, unknown>): Record<string, unknown>;
  answers: Answers;
}

function conditions(target: () => Target): void {
  let client: SftpClient;
  const clients: SftpClient[] = [];
  beforeAll(async () => {
    client = wrapClient(newClient(), { diagnose: true });
    await client.connect(target().config());
  });
  afterAll(async () => {
    await client?.end();
  });
  afterEach(async () => {
    await target().resumeSessions();
    for (const extra of clients.splice(0)) await extra.end().catch(() => undefined);
  });
  const secrets = () => [target().password];
  const refused = (operation: string, path: string, status: Status | string) => ({
    code: typeof status === "string" ? status : status.code,
    codeName: typeof status === "string" ? undefined : status.codeName,
    retryable: false,
    reconnect: false,
    operation,
    path,
  });

  it("a wrong password: auth-failed, not retryable, a new connection for the next try", async () => {
    const password = "wrong-Secret-123";
    const error = await transferErrorOf(
      wrapClient(newClient()).connect(target().config({ password })),
    );
    expectFailure(
      error,
      {
        reason: "auth-failed",
        code: undefined,
        retryable: false,
        reconnect: true,
        operation: "connect",
        path: undefined,
      },
      [password, ...secrets()],
    );
  });

  // One test each, so that one misreading does not hide the others. stat's ENOENT and the
  // ERR_BAD_PATH of fastGet's and rmdir's own checks are the library's codes, with texts of its
  // own ("No such file: <path>" from _xstat whatever the server said): no server text to keep.
  const missingFile: [string, (path: string) => Promise<unknown>, Status | string, boolean][] = [
    ["stat", (path) => client.stat(path), "ENOENT", false],
    ["get", (path) => client.get(path), noSuchFile, true],
    [
      "fastGet",
      (path) => client.fastGet(path, join(tmpdir(), "te-servers-never")),
      "ERR_BAD_PATH",
      false,
    ],
    ["delete", (path) => client.delete(path), noSuchFile, true],
    [
      "rename",
      (path) => client.rename(path, posix.join(target().root, "renamed.txt")),
      noSuchFile,
      true,
    ],
  ];
  it.each(missingFile)("a missing file: %s is not-found", async (operation, call, status, text) => {
    const { missing } = target();
    expectAnswer(
      await transferErrorOf(call(missing)),
      { ...refused(operation, missing, status), reason: "not-found" },
      text ? noSuchFile.text : undefined,
      secrets(),
    );
  });

  it("a missing directory: not-found from list and rmdir", async () => {
    const dir = posix.join(target().root, "no-such-dir");
    expectAnswer(
      await transferErrorOf(client.list(dir)),
      { ...refused("list", dir, noSuchFile), reason: "not-found" },
      noSuchFile.text,
      secrets(),
    );
    expectAnswer(
      await transferErrorOf(client.rmdir(dir)),
      { ...refused("rmdir", dir, "ERR_BAD_PATH"), reason: "not-found" },
      undefined,
      secrets(),
    );
  });

  it("permission denied: put into a read-only directory, get of a root file, list of a root directory", async () => {
    const { readOnlyDir, privateFile, lockedDir } = target();
    const target1 = `${readOnlyDir}/new.txt`;
    expectAnswer(
      await transferErrorOf(client.put(Buffer.from("x"), target1)),
      { ...refused("put", target1, denied), reason: "permission-denied" },
      denied.text,
      secrets(),
    );
    expectAnswer(
      await transferErrorOf(client.get(privateFile)),
      { ...refused("get", privateFile, denied), reason: "permission-denied" },
      denied.text,
      secrets(),
    );
    expectAnswer(
      await transferErrorOf(client.list(lockedDir)),
      { ...refused("list", lockedDir, denied), reason: "permission-denied" },
      denied.text,
      secrets(),
    );
  });

  it("mkdir of an existing directory: the library answers 'already exists' without an error", async () => {
    const { nonEmptyDir, file } = target();
    await expect(client.mkdir(nonEmptyDir)).resolves.toMatch(/already exists$/);
    // Onto a file: the library's own check refuses it.
    expectAnswer(
      await transferErrorOf(client.mkdir(file)),
      { ...refused("mkdir", file, "ERR_BAD_PATH"), reason: "already-exists" },
      undefined,
      secrets(),
    );
  });

  it("rmdir of a non-empty directory: directory-not-empty", async () => {
    const { nonEmptyDir, answers } = target();
    expectAnswer(
      await transferErrorOf(client.rmdir(nonEmptyDir)),
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
    expectAnswer(
      await transferErrorOf(client.rename(file, `${nonEmptyDir}/inner.txt`)),
      { ...refused("rename", file, answers.renameOntoFile), reason: "already-exists" },
      answers.renameOntoFile.text,
      secrets(),
    );
  });

  it("put onto a directory's path: is-a-directory", async () => {
    const { nonEmptyDir, answers } = target();
    expectAnswer(
      await transferErrorOf(client.put(Buffer.from("x"), nonEmptyDir)),
      { ...refused("put", nonEmptyDir, answers.putOntoDir), reason: "is-a-directory" },
      answers.putOntoDir.text,
      secrets(),
    );
  });

  it("the server's session killed during a call: connection-lost, retryable, reconnect", async () => {
    const lost = wrapClient(newClient());
    clients.push(lost);
    await lost.connect(target().config());
    const { root } = target();
    // Paused first, so that the request is surely pending when the connection drops.
    await target().pauseSessions();
    const pending = lost.list(root);
    await target().killSessions();
    expectFailure(
      await transferErrorOf(pending),
      {
        reason: "connection-lost",
        code: "ECONNRESET",
        retryable: true,
        reconnect: true,
        operation: "list",
        path: root,
      },
      secrets(),
    );
    expect(needsReconnect(lost)).toBe(true);
  });

  it("withRetry reconnects a fresh client after the kill, and the call succeeds", async () => {
    const { root, file } = target();
    const connection = createConnection(target().config(), { timeoutMs: 5_000 });
    await connection.connect();
    const attempts: number[] = [];
    try {
      const listing = await withRetry(
        async (attempt) => {
          attempts.push(attempt);
          if (attempt === 1) await target().killSessions();
          return connection.client.list(root);
        },
        { reconnect: () => connection.connect(), minDelayMs: 10 },
      );
      expect(listing.map((entry) => posix.join(root, entry.name))).toContain(file);
      expect(attempts).toEqual([1, 2]);
    } finally {
      await connection.end();
    }
  });

  it("a closed port: connection-refused, retryable, reconnect", async () => {
    const error = await transferErrorOf(
      wrapClient(newClient()).connect(target().config({ port: await closedPort() })),
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
  openssh: { rmdirNotEmpty: failure, renameOntoFile: failure, putOntoDir: failure },
  "proftpd-sftp": {
    rmdirNotEmpty: { ...failure, text: "Directory is not empty" },
    renameOntoFile: {
      code: 11,
      codeName: "SSH_FX_FILE_ALREADY_EXISTS",
      text: "File already exists",
    },
    putOntoDir: denied,
  },
};

describeEachSftpServer((server) =>
  conditions(() => {
    const s = server();
    return {
      ...s,
      config: (overrides = {}) => ({
        host: s.host,
        port: s.port,
        username: s.username,
        password: s.password,
        readyTimeout: 5_000,
        ...overrides,
      }),
      answers: answersOf[s.server],
    };
  }),
);
