// wrapClient and createConnection on a real sshd of their own (these tests kill and pause its
// sessions): lost connections, dead SFTP channels, deadlines, diagnose, the upload check, the
// fresh-client reconnect, and silence on the console.
import { writeFile } from "node:fs/promises";
import { inspect } from "node:util";
import { SFTP_SERVER_BINARY, type SshdServer, startSshd } from "@transfer-errors/testkit/sshd";
import type SftpClient from "ssh2-sftp-client";
import { afterAll, afterEach, beforeAll, expect, expectTypeOf, it, vi } from "vitest";
import {
  createConnection,
  isTransferError,
  needsReconnect,
  toTransferError,
  withRetry,
  wrapClient,
} from "../src/index.js";
import {
  connectConfig,
  describeSftp,
  expectFailure,
  newClient,
  rejectionOf,
  running,
  transferErrorOf,
  useFixtures,
} from "./helpers.js";

/** ssh2-sftp-client's public fields that its typings (@types 9.x) leave out. */
function internals(client: SftpClient): { sftp: unknown; client: { destroy(): void } } {
  return client as unknown as { sftp: unknown; client: { destroy(): void } };
}

/** Settles with the work, or with "pending" after `ms` (for calls the library never settles). */
function settledWithin(work: Promise<unknown>, ms: number): Promise<unknown> {
  work.catch(() => undefined);
  return Promise.race([
    work.then(
      () => "resolved",
      () => "rejected",
    ),
    new Promise((resolve) => setTimeout(() => resolve("pending"), ms)),
  ]);
}

describeSftp("wrapClient and createConnection", () => {
  const fixtures = useFixtures();
  let sshd: SshdServer;
  // OpenSSH's separate sftp-server, so that a test can kill the SFTP side alone.
  beforeAll(async () => {
    sshd = await startSshd({ user: running().user, subsystem: SFTP_SERVER_BINARY });
  });
  afterAll(async () => {
    await sshd?.stop();
  });
  afterEach(async () => {
    await sshd.resumeSessions();
    vi.restoreAllMocks();
  });
  const config = () => connectConfig({ port: sshd.port });

  async function connected(options: Parameters<typeof wrapClient>[1] = {}): Promise<SftpClient> {
    const client = wrapClient(newClient(), options);
    await client.connect(config());
    return client;
  }

  it("keeps the client's type, results and properties", async () => {
    const raw = newClient();
    const client = wrapClient(raw);
    expectTypeOf(client).toEqualTypeOf<SftpClient>();
    await client.connect(config());
    try {
      const { root, file, fileContent } = fixtures();
      expect((await client.get(file))?.toString()).toBe(fileContent);
      expect((await client.list(root)).map((entry) => entry.name).sort()).toEqual(
        (await raw.list(root)).map((entry) => entry.name).sort(),
      );
      expect(internals(client).sftp).toBe(internals(raw).sftp);
      expect(client.on).toBe(raw.on);
      expect(needsReconnect(client)).toBe(false);
    } finally {
      await client.end();
    }
  });

  it("console.log of a failure: the caller's frame first, only the fields that are set (no tls)", async () => {
    const client = await connected({ timeoutMs: 30_000 });
    async function getMissingFile() {
      return await client.get(`${fixtures().root}/no-such-file`);
    }
    try {
      const printed = inspect(await transferErrorOf(getMissingFile()));
      const frames = printed
        .split("\n")
        .filter((line) => /^\s+at /.test(line) && !line.includes("node:internal"));
      expect(frames[0]).toMatch(/at (?:async )?getMissingFile /);
      expect(printed).not.toMatch(/promise-calls|wrap-methods|packages\/core/);
      expect(printed).toContain("reason: 'not-found'");
      expect(printed).not.toContain("undefined");
      expect(printed).not.toMatch(/^ {2}tls:/m);
    } finally {
      await client.end();
    }
  });

  it("a session dropped during list: connection-lost, and the client is marked for reconnect", async () => {
    const client = await connected();
    const { root } = fixtures();
    // Paused first, so that the request is surely pending when the connection drops (the
    // unread request makes the kernel answer with a reset: "list: read ECONNRESET").
    await sshd.pauseSessions();
    const pending = client.list(root);
    await sshd.killSessions();
    expectFailure(await transferErrorOf(pending), {
      reason: "connection-lost",
      code: "ECONNRESET",
      retryable: true,
      reconnect: true,
      operation: "list",
      path: root,
    });
    expect(needsReconnect(client)).toBe(true);
    // The next call is refused at once instead of being sent on a dead connection.
    const refused = await transferErrorOf(client.stat(root));
    expectFailure(refused, {
      reason: "connection-lost",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "stat",
      path: root,
    });
    // Its cause is the failure that made the client unusable: list's.
    expect(refused.cause).toMatchObject({ operation: "list", code: "ECONNRESET" });
  });

  it("the connection closed with no call pending: the refused call's cause says so", async () => {
    const client = await connected();
    await sshd.killSessions();
    await vi.waitFor(() => expect(needsReconnect(client)).toBe(true));
    const error = await transferErrorOf(client.stat(fixtures().root));
    expect(error.reason).toBe("connection-lost");
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toMatch(/^the (?:connection|SFTP channel) was closed$/);
    expect(error.toJSON().cause).toMatchObject({ message: (error.cause as Error).message });
  });

  it("a call after end() is the library's to answer: client-misuse, its error the cause", async () => {
    const client = await connected();
    await client.end();
    const error = await transferErrorOf(client.list(fixtures().root));
    expectFailure(error, {
      reason: "client-misuse",
      code: "ERR_NOT_CONNECTED",
      retryable: false,
      reconnect: true,
      operation: "list",
      path: fixtures().root,
    });
    expect((error.cause as Error).message).toMatch(/No SFTP connection available/);
  });

  it("after a drop the raw client says ERR_NOT_CONNECTED: connection-lost, reconnect", async () => {
    const raw = newClient();
    await raw.connect(config());
    await sshd.killSessions();
    await vi.waitFor(() => expect(internals(raw).sftp).toBeUndefined());
    const { root } = fixtures();
    const error = toTransferError(await rejectionOf(raw.list(root)));
    expectFailure(error, {
      reason: "connection-lost",
      code: "ERR_NOT_CONNECTED",
      retryable: true,
      reconnect: true,
      operation: "list",
      path: undefined,
    });
  });

  it("calls after end(), the first and every later one: client-misuse; withRetry reopens nothing", async () => {
    const { root } = fixtures();
    const afterEnd = {
      reason: "client-misuse",
      retryable: false,
      reconnect: true,
      operation: "stat",
      path: root,
    } as const;
    const client = await connected();
    await client.end();
    // The first call is the library's own "No SFTP connection available"; the later ones are
    // refused by the wrapper: the same answer (issue 14), as basic-ftp's after close().
    expectFailure(await transferErrorOf(client.stat(root)), {
      ...afterEnd,
      code: "ERR_NOT_CONNECTED",
    });
    for (let i = 0; i < 2; i++) {
      expectFailure(await transferErrorOf(client.stat(root)), { ...afterEnd, code: undefined });
    }
    let attempts = 0;
    const reconnect = vi.fn(() => client.connect(config()));
    const failed = await transferErrorOf(
      withRetry(
        () => {
          attempts++;
          return client.stat(root);
        },
        { retries: 3, minDelayMs: 1, reconnect },
      ),
    );
    expect([failed.reason, attempts, reconnect.mock.calls.length]).toEqual(["client-misuse", 1, 0]);
    // A connection lost before end(): the calls after end() are still the application's doing.
    const lost = await connected();
    await sshd.killSessions();
    await vi.waitFor(() => expect(internals(lost).sftp).toBeUndefined());
    await transferErrorOf(lost.stat(root));
    expect(needsReconnect(lost)).toBe(true);
    await lost.end().catch(() => undefined);
    expectFailure(await transferErrorOf(lost.stat(root)), { ...afterEnd, code: undefined });
  });

  it("a timeoutMs past what a timer holds (2^31 ms) is clamped: calls work, no warning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      const client = await connected({ timeoutMs: 3_000_000_000 });
      const { root, file, fileContent } = fixtures();
      // Before the clamp every call rejected at once: "did not settle within 3000000000 ms".
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await client.get(file))?.toString()).toBe(fileContent);
      expect((await client.list(root)).length).toBeGreaterThan(0);
      await client.end();
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("the SFTP server dies during get: 'No response from server' is connection-lost", async () => {
    const client = await connected();
    // Large enough to be still downloading when the kill lands.
    const file = `${fixtures().root}/big.bin`;
    await writeFile(file, Buffer.alloc(32 * 1024 * 1024, 7), { mode: 0o644 });
    const pending = client.get(file);
    await sshd.killSftpServers();
    const error = await transferErrorOf(pending);
    expect((error.cause as Error).message).toMatch(/No response from server/);
    expectFailure(error, {
      reason: "connection-lost",
      code: "ERR_GENERIC_CLIENT",
      retryable: true,
      reconnect: true,
      operation: "get",
      path: file,
    });
    await client.end();
  });

  it("a dead SFTP channel: the raw client's next call never settles, the wrapped one rejects at once", async () => {
    const raw = newClient();
    await raw.connect(config());
    const client = await connected();
    await sshd.killSftpServers();
    const { root } = fixtures();
    await vi.waitFor(() => expect(needsReconnect(client)).toBe(true));
    // The library's defect this guards against (it flips when ssh2-sftp-client fixes it).
    expect(await settledWithin(raw.list(root), 800)).toBe("pending");
    const refused = await transferErrorOf(client.list(root));
    expectFailure(refused, {
      reason: "connection-lost",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "list",
      path: root,
    });
    expect((refused.cause as Error).message).toBe("the SFTP channel was closed");
    internals(raw).client.destroy();
    await client.end();
  });

  it("a silent peer: timeoutMs rejects with timeout and marks the client for reconnect", async () => {
    const client = await connected({ timeoutMs: 1_500 });
    const { root, file } = fixtures();
    await sshd.pauseSessions();
    const started = Date.now();
    const error = await transferErrorOf(client.list(root));
    // The deadline (1.5 s) ended it: nothing else times out on a silent peer without keepalive.
    // The bound leaves room for a busy machine and is still far below the test's timeout.
    expect(Date.now() - started).toBeLessThan(10_000);
    expectFailure(error, {
      reason: "timeout",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "list",
      path: root,
    });
    expect(needsReconnect(client)).toBe(true);
    expectFailure(await transferErrorOf(client.rename(file, `${file}.moved`)), {
      reason: "connection-lost",
      code: undefined,
      // rename may have happened before the connection was lost: not safe to repeat blindly.
      retryable: false,
      reconnect: true,
      operation: "rename",
      path: file,
    });
    await sshd.resumeSessions();
    internals(client).client.destroy();
  });

  it("a silent peer with keepalive: ssh2's 'Keepalive timeout' is timeout", async () => {
    const client = wrapClient(newClient());
    await client.connect({ ...config(), keepaliveInterval: 150, keepaliveCountMax: 2 });
    await sshd.pauseSessions();
    const { root } = fixtures();
    expectFailure(await transferErrorOf(client.list(root)), {
      reason: "timeout",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "list",
      path: root,
    });
  });

  it("createConnection reconnects with a fresh client inside withRetry", async () => {
    const { root } = fixtures();
    const connection = createConnection(config(), { timeoutMs: 5_000 });
    const first = await connection.connect();
    const attempts: number[] = [];
    const clients: unknown[] = [];
    try {
      const listing = await withRetry(
        async (attempt) => {
          attempts.push(attempt);
          clients.push(connection.client);
          if (attempt === 1) await sshd.killSessions();
          return connection.client.list(root);
        },
        { reconnect: () => connection.connect(), minDelayMs: 10 },
      );
      expect(listing.map((entry) => entry.name)).toContain("file.txt");
      expect(attempts).toEqual([1, 2]);
      expect(clients[0]).toBe(first);
      expect(clients[1]).not.toBe(first);
    } finally {
      await connection.end();
    }
  });

  it("createConnection's client before connect() is a client-misuse error", () => {
    const connection = createConnection(config());
    let thrown: unknown;
    try {
      void connection.client;
    } catch (error) {
      thrown = error;
    }
    expect(isTransferError(thrown) && thrown.reason).toBe("client-misuse");
  });

  it("adds nothing to the console, through drops, timeouts and diagnoses", async () => {
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((method) =>
      vi.spyOn(console, method),
    );
    // Long enough for a login on a busy machine, short enough for the paused list.
    const connection = createConnection(config(), { timeoutMs: 2_000, diagnose: true });
    const client = await connection.connect();
    const { root, nonEmptyDir } = fixtures();
    await rejectionOf(client.rmdir(nonEmptyDir));
    await sshd.pauseSessions();
    await rejectionOf(client.list(root));
    await sshd.resumeSessions();
    await connection.connect();
    const next = connection.client;
    await sshd.killSessions();
    await rejectionOf(next.list(root));
    await connection.end();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describeSftp("diagnose and the upload check", () => {
  const fixtures = useFixtures();
  let client: SftpClient;
  beforeAll(async () => {
    client = wrapClient(newClient(), { diagnose: true, verifyUploads: true });
    await client.connect(connectConfig());
  });
  afterAll(async () => {
    await client?.end();
  });

  it("rmdir of a non-empty directory: SSH_FX_FAILURE refined to directory-not-empty, code kept", async () => {
    const { nonEmptyDir } = fixtures();
    const error = await transferErrorOf(client.rmdir(nonEmptyDir));
    expectFailure(error, {
      reason: "directory-not-empty",
      code: 4,
      codeName: "SSH_FX_FAILURE",
      retryable: false,
      reconnect: false,
      operation: "rmdir",
      path: nonEmptyDir,
    });
    expect(error.serverMessage).toBe("Failure");
  });

  it("rename onto an existing file: SSH_FX_FAILURE refined to already-exists", async () => {
    const { file, nonEmptyDir } = fixtures();
    const error = await transferErrorOf(client.rename(file, `${nonEmptyDir}/inner.txt`));
    expectFailure(error, {
      reason: "already-exists",
      code: 4,
      codeName: "SSH_FX_FAILURE",
      retryable: false,
      reconnect: false,
      operation: "rename",
      path: file,
    });
  });

  it("get of a directory: SSH_FX_FAILURE diagnosed as is-a-directory, code kept", async () => {
    const dir = fixtures().nonEmptyDir;
    const error = await transferErrorOf(client.get(dir));
    expect({ reason: error.reason, code: error.code, retryable: error.retryable }).toEqual({
      reason: "is-a-directory",
      code: 4,
      retryable: false,
    });
    expect(error.explanation).toMatch(/follow-up check/);
  });

  // OpenSSH's RENAME never overwrites: its "Failure" is read as the target that exists (its
  // greeting's catalog), without the look.
  it("without diagnose, the same rename is read from OpenSSH's catalog: already-exists", async () => {
    const plain = wrapClient(newClient());
    await plain.connect(connectConfig());
    try {
      const { file, nonEmptyDir } = fixtures();
      const error = await transferErrorOf(plain.rename(file, `${nonEmptyDir}/inner.txt`));
      expect([error.reason, error.code]).toEqual(["already-exists", 4]);
      expect(error.explanation).not.toMatch(/follow-up check/);
    } finally {
      await plain.end();
    }
  });

  it("put into a full disk: resolves unwrapped; with verifyUploads, no-space", async (context) => {
    const disk = fixtures().smallDisk;
    if (!disk) {
      if (process.env.CI === "true")
        throw new Error("CI=true and no tmpfs could be mounted for the full-disk test");
      context.skip("no tmpfs could be mounted here");
      return;
    }
    const data = Buffer.alloc(2 * 1024 * 1024, 1);
    const raw = newClient();
    await raw.connect(connectConfig());
    try {
      // The library's defect this guards against: the write failed, yet put() resolves.
      await expect(raw.put(data, `${disk}/raw.bin`)).resolves.toMatch(/Uploaded/);
      expect((await raw.stat(`${disk}/raw.bin`)).size).toBeLessThan(data.length);
      await raw.delete(`${disk}/raw.bin`);
      const target = `${disk}/checked.bin`;
      const error = await transferErrorOf(client.put(data, target));
      expectFailure(error, {
        reason: "no-space",
        code: undefined,
        // The core holds a full disk for transient (space can be freed): retry after a pause.
        retryable: true,
        reconnect: false,
        operation: "put",
        path: target,
      });
      await raw.delete(target);
      // A complete upload passes the check.
      await expect(client.put(Buffer.from("small"), `${disk}/ok.txt`)).resolves.toMatch(/Uploaded/);
      await raw.delete(`${disk}/ok.txt`);
    } finally {
      await raw.end();
    }
  });

  it("mkdir on a file system out of inodes: the library's 'permission denied' diagnosed as no-space", async (context) => {
    const disk = fixtures().smallDisk;
    if (!disk) {
      if (process.env.CI === "true")
        throw new Error("CI=true and no tmpfs could be mounted for the full-disk test");
      context.skip("no tmpfs could be mounted here");
      return;
    }
    let failed: unknown;
    const made: string[] = [];
    for (let i = 0; i < 64 && failed === undefined; i++) {
      const dir = `${disk}/d${i}`;
      await client.mkdir(dir).then(
        () => made.push(dir),
        (error: unknown) => {
          failed = error;
        },
      );
    }
    expect(isTransferError(failed)).toBe(true);
    if (!isTransferError(failed)) return;
    expectFailure(failed, {
      reason: "no-space",
      code: "ERR_BAD_PATH",
      retryable: true,
      reconnect: false,
      operation: "mkdir",
      path: `${disk}/d${made.length}`,
    });
    for (const dir of made) await client.rmdir(dir);
  });
});
