// wrapClient and connectSftp on a real sshd of their own (these tests kill and pause its
// sessions): lost connections, dead SFTP channels, the deadline, calls after close, node-ssh's
// SFTP, the reconnect with withRetry, and silence on the console.
import { writeFile } from "node:fs/promises";
import { SFTP_SERVER_BINARY, type SshdServer, startSshd } from "@transfer-errors/testkit/sshd";
import { NodeSSH } from "node-ssh";
import { Client, type SFTPWrapper } from "ssh2";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import {
  connectSftp,
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
  openRaw,
  type RawSession,
  rejectionOf,
  running,
  transferErrorOf,
  useFixtures,
  viaCallback,
} from "./helpers.js";

/** Settles with the work, or with "pending" after `ms` (for calls ssh2 never answers). */
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

/** node-ssh's connect options for the shared server. */
function nodeSshConfig(password = running().user.password) {
  const { host, port, user } = running();
  return { host, port, username: user.name, password, readyTimeout: 5_000 };
}

const readdir = (sftp: SFTPWrapper, path: string) => viaCallback((cb) => sftp.readdir(path, cb));

describeSftp("wrapClient on a session that breaks", () => {
  const fixtures = useFixtures();
  let sshd: SshdServer;
  const sessions: RawSession[] = [];
  // OpenSSH's separate sftp-server, so that a test can kill the SFTP side alone.
  beforeAll(async () => {
    sshd = await startSshd({ user: running().user, subsystem: SFTP_SERVER_BINARY });
  });
  afterAll(async () => {
    await sshd?.stop();
  });
  afterEach(async () => {
    await sshd.resumeSessions();
    for (const session of sessions.splice(0)) session.client.destroy();
    vi.restoreAllMocks();
  });
  const config = () => connectConfig({ port: sshd.port });

  async function opened(): Promise<RawSession> {
    const session = await openRaw(config());
    // The tests break connections on purpose: the Client's errors are read where they matter.
    session.client.on("error", () => undefined);
    sessions.push(session);
    return session;
  }

  it("a session dropped during readdir: connection-lost, and the session refuses further calls", async () => {
    const sftp = wrapClient((await opened()).sftp);
    const { root } = fixtures();
    // Paused first, so that the request is surely pending when the connection drops.
    await sshd.pauseSessions();
    const pending = readdir(sftp, root);
    await sshd.killSessions();
    const error = await transferErrorOf(pending);
    expectFailure(error, {
      reason: "connection-lost",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "readdir",
      path: root,
    });
    expect((error.cause as Error).message).toBe("No response from server");
    expect(needsReconnect(sftp)).toBe(true);
    // The next call is refused at once instead of being queued on a dead channel.
    expectFailure(await transferErrorOf(viaCallback((cb) => sftp.stat(root, cb))), {
      reason: "connection-lost",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "stat",
      path: root,
    });
  });

  it("the SFTP server dies during readFile: connection-lost (or the deadline, where ssh2 loses the callback)", async () => {
    // ssh2's readFile closes its handle after a failed read and waits for that close, which is
    // never answered on a dead channel (mscdex/ssh2#1490): only the deadline ends such a call.
    const sftp = wrapClient((await opened()).sftp, { timeoutMs: 3_000 });
    const file = `${fixtures().root}/big.bin`;
    await writeFile(file, Buffer.alloc(32 * 1024 * 1024, 7), { mode: 0o644 });
    const pending = viaCallback((cb) => sftp.readFile(file, cb));
    await sshd.killSftpServers();
    const error = await transferErrorOf(pending);
    expect(["connection-lost", "timeout"]).toContain(error.reason);
    expectFailure(error, {
      reason: error.reason,
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "readFile",
      path: file,
    });
  });

  it("a dead SFTP channel: the raw session's next call never settles, the wrapped one fails at once", async () => {
    const raw = (await opened()).sftp;
    const sftp = wrapClient((await opened()).sftp);
    await sshd.killSftpServers();
    const { root } = fixtures();
    await vi.waitFor(() => expect(needsReconnect(sftp)).toBe(true));
    // ssh2's behaviour this guards against (it flips when ssh2 fails such calls itself).
    expect(await settledWithin(readdir(raw, root), 800)).toBe("pending");
    expectFailure(await transferErrorOf(readdir(sftp, root)), {
      reason: "connection-lost",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "readdir",
      path: root,
    });
  });

  it("a silent peer: timeoutMs fails the call with timeout, ends the channel, refuses the next", async () => {
    const sftp = wrapClient((await opened()).sftp, { timeoutMs: 1_500 });
    const { root, file } = fixtures();
    await sshd.pauseSessions();
    const started = Date.now();
    const error = await transferErrorOf(readdir(sftp, root));
    expect(Date.now() - started).toBeLessThan(3_000);
    expectFailure(error, {
      reason: "timeout",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "readdir",
      path: root,
    });
    expect(needsReconnect(sftp)).toBe(true);
    expectFailure(
      await transferErrorOf(viaCallback((cb) => sftp.rename(file, `${file}.moved`, cb))),
      {
        reason: "connection-lost",
        code: undefined,
        // rename may have happened before the connection was lost: not safe to repeat blindly.
        retryable: false,
        reconnect: true,
        operation: "rename",
        path: file,
      },
    );
  });

  it("a silent peer with keepalive: the Client's 'Keepalive timeout' is timeout", async () => {
    const session = await openRaw({ ...config(), keepaliveInterval: 150, keepaliveCountMax: 2 });
    sessions.push(session);
    const clientError = new Promise((resolve) => session.client.on("error", resolve));
    const sftp = wrapClient(session.sftp);
    await sshd.pauseSessions();
    const pending = readdir(sftp, fixtures().root);
    const error = toTransferError(await clientError, { connection: true });
    expectFailure(error, {
      reason: "timeout",
      code: "client-timeout",
      retryable: true,
      reconnect: true,
      operation: undefined,
      path: undefined,
    });
    expect((await transferErrorOf(pending)).reason).toBe("connection-lost");
  });

  it("a call after end(): client-misuse, not retryable, reconnect (ssh2 would never call back)", async () => {
    const session = await opened();
    const sftp = wrapClient(session.sftp);
    const { file } = fixtures();
    const endSession = () => sftp.end();
    endSession();
    const error = await transferErrorOf(viaCallback((cb) => sftp.stat(file, cb)));
    expectFailure(error, {
      reason: "client-misuse",
      code: undefined,
      retryable: false,
      reconnect: true,
      operation: "stat",
      path: file,
    });
    // Its cause is what made the session unusable: the end() call, with the stack of where it was.
    expect((error.cause as Error).message).toBe("the application called end()");
    expect((error.cause as Error).stack).toMatch(/at endSession /);
    for (let i = 0; i < 2; i++) {
      const again = await transferErrorOf(viaCallback((cb) => sftp.stat(file, cb)));
      expect([again.reason, again.retryable], "again").toEqual(["client-misuse", false]);
    }
    // A stream on the closed session fails too, instead of waiting forever.
    const stream = sftp.createReadStream(file);
    const streamError = await new Promise((resolve) => stream.on("error", resolve));
    expect(isTransferError(streamError) && streamError.reason).toBe("client-misuse");
  });

  it("a call after the connection was closed under the session: connection-lost, retryable", async () => {
    const session = await opened();
    const sftp = wrapClient(session.sftp);
    session.client.end();
    await vi.waitFor(() => expect(needsReconnect(sftp)).toBe(true));
    const { file } = fixtures();
    const error = await transferErrorOf(viaCallback((cb) => sftp.stat(file, cb)));
    expectFailure(error, {
      reason: "connection-lost",
      code: undefined,
      retryable: true,
      reconnect: true,
      operation: "stat",
      path: file,
    });
    expect((error.cause as Error).message).toBe("its channel was closed");
  });

  it("connectSftp reconnects with a new Client inside withRetry", async () => {
    const { root } = fixtures();
    let session = await connectSftp(new Client(), config(), { timeoutMs: 5_000 });
    const first = session.sftp;
    const attempts: number[] = [];
    try {
      const listing = await withRetry(
        async (attempt) => {
          attempts.push(attempt);
          if (attempt === 1) {
            await sshd.pauseSessions();
            const pending = readdir(session.sftp, root);
            await sshd.killSessions();
            return pending;
          }
          return readdir(session.sftp, root);
        },
        {
          minDelayMs: 10,
          reconnect: async () => {
            session.client.end();
            session = await connectSftp(new Client(), config(), { timeoutMs: 5_000 });
          },
        },
      );
      expect((listing as { filename: string }[]).map((entry) => entry.filename)).toContain(
        "file.txt",
      );
      expect(attempts).toEqual([1, 2]);
      expect(session.sftp).not.toBe(first);
    } finally {
      session.client.end();
    }
  });

  it("adds nothing to the console, through drops, deadlines and closes", async () => {
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((method) =>
      vi.spyOn(console, method),
    );
    const { root, missing } = fixtures();
    const session = await connectSftp(new Client(), config(), { timeoutMs: 1_000 });
    await rejectionOf(viaCallback((cb) => session.sftp.stat(missing, cb)));
    await sshd.pauseSessions();
    await rejectionOf(readdir(session.sftp, root));
    await sshd.resumeSessions();
    await sshd.killSessions();
    await rejectionOf(readdir(session.sftp, root));
    session.client.end();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describeSftp("node-ssh's SFTP through wrapClient", () => {
  const fixtures = useFixtures();
  const ssh = new NodeSSH();
  let sftp: SFTPWrapper;
  beforeAll(async () => {
    await ssh.connect(nodeSshConfig());
    sftp = wrapClient(await ssh.requestSFTP());
  });
  afterAll(() => {
    ssh.dispose();
  });

  it("its SFTPWrapper's calls fail with TransferErrors", async () => {
    const { missing } = fixtures();
    expectFailure(await transferErrorOf(viaCallback((cb) => sftp.stat(missing, cb))), {
      reason: "not-found",
      code: 2,
      codeName: "SSH_FX_NO_SUCH_FILE",
      retryable: false,
      reconnect: false,
      operation: "stat",
      path: missing,
    });
  });

  it("node-ssh's own methods given the wrapped session reject with TransferErrors", async () => {
    const { missing } = fixtures();
    const error = await transferErrorOf(ssh.getFile("/tmp/te-never-written", missing, sftp));
    expect([error.reason, error.operation, error.path]).toEqual(["not-found", "fastGet", missing]);
  });

  it("node-ssh's mkdir over a file: its own message is already-exists", async () => {
    const error = toTransferError(await rejectionOf(ssh.mkdir(fixtures().file, "sftp", sftp)));
    expect([error.reason, error.retryable]).toEqual(["already-exists", false]);
  });

  it("node-ssh's connect with a wrong password rejects with ssh2's raw error: auth-failed", async () => {
    const other = new NodeSSH();
    const password = "wrong-Secret-123";
    const raw = await rejectionOf(other.connect(nodeSshConfig(password)));
    expectFailure(
      toTransferError(raw, { operation: "connect", secrets: [password] }),
      {
        reason: "auth-failed",
        code: "client-authentication",
        retryable: false,
        reconnect: true,
        operation: "connect",
        path: undefined,
      },
      [password],
    );
    other.dispose();
  });
});
