// Parity (SFTP): the same failure on the same server gets the same reason and retry hint through
// every adapter of the protocol. Each row runs through ssh2-sftp-client's adapter, this one on a
// raw ssh2 Client, and this one on node-ssh's SFTP session.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as sftpClientAdapter from "@transfer-errors/ssh2-sftp-client";
import { type SshdServer, startSshd, startTcpFault } from "@transfer-errors/testkit/sshd";
import { NodeSSH } from "node-ssh";
import { Client, type ConnectConfig, type SFTPWrapper } from "ssh2";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectSftp, type TransferError, toTransferError, wrapClient } from "../src/index.js";
import {
  connectConfig,
  describeSftp,
  rejectionOf,
  running,
  transferErrorOf,
  useFixtures,
  viaCallback,
} from "./helpers.js";

type Door = "ssh2-sftp-client" | "ssh2" | "node-ssh";
type Hint = { reason: string; retryable: boolean; reconnect: boolean };

const hintOf = (error: TransferError): Hint => ({
  reason: error.reason,
  retryable: error.retryable,
  reconnect: error.retry.reconnect,
});

/** node-ssh's options (its typings want a string key and password). */
function nodeSshConfig(config: ConnectConfig): Parameters<NodeSSH["connect"]>[0] {
  const { host, port, username, password, readyTimeout } = config;
  return { host, port, username, password, readyTimeout } as Parameters<NodeSSH["connect"]>[0];
}

/** Connected sessions of each kind, with the calls every row makes. */
interface Session {
  get(path: string): Promise<unknown>;
  upload(localFile: string, path: string): Promise<unknown>;
  list(path: string): Promise<unknown>;
  end(): Promise<void>;
}

async function open(door: Door, config: ConnectConfig): Promise<Session> {
  if (door === "ssh2-sftp-client") {
    const connection = sftpClientAdapter.createConnection(config as never);
    const client = await connection.connect();
    return {
      get: (path) => client.get(path),
      upload: (localFile, path) => client.put(localFile, path),
      list: (path) => client.list(path),
      end: () => connection.end(),
    };
  }
  let sftp: SFTPWrapper;
  let end: () => void;
  if (door === "ssh2") {
    const session = await connectSftp(new Client(), config);
    sftp = session.sftp;
    end = () => session.client.end();
  } else {
    const ssh = await new NodeSSH().connect(nodeSshConfig(config));
    ssh.connection?.on("error", () => undefined);
    sftp = wrapClient(await ssh.requestSFTP());
    end = () => ssh.dispose();
  }
  return {
    get: (path) => viaCallback((cb) => sftp.readFile(path, cb)),
    upload: (localFile, path) => viaCallback((cb) => sftp.fastPut(localFile, path, cb)),
    list: (path) => viaCallback((cb) => sftp.readdir(path, cb)),
    end: async () => end(),
  };
}

/** A connect that fails, through each door. */
async function connectFailure(door: Door, config: ConnectConfig): Promise<TransferError> {
  if (door === "ssh2-sftp-client")
    return transferErrorOf(sftpClientAdapter.createConnection(config as never).connect());
  if (door === "ssh2") return transferErrorOf(connectSftp(new Client(), config));
  const raw = await rejectionOf(new NodeSSH().connect(nodeSshConfig(config)));
  return toTransferError(raw, { operation: "connect" });
}

const doors: Door[] = ["ssh2-sftp-client", "ssh2", "node-ssh"];

describeSftp("parity of the SFTP adapters", () => {
  const fixtures = useFixtures();
  let sshd: SshdServer;
  let local: string;
  beforeAll(async () => {
    // A server of its own: the reset row kills its sessions.
    sshd = await startSshd({ user: running().user });
    local = await mkdtemp(join(tmpdir(), "te-parity-"));
    await writeFile(join(local, "upload.txt"), "parity\n");
  });
  afterAll(async () => {
    await sshd?.stop();
    await rm(local, { recursive: true, force: true });
  });
  const config = () => connectConfig({ port: sshd.port });

  /** Runs `scenario` through every door; expects the same hint from each. */
  async function expectParity(
    expected: Hint,
    scenario: (door: Door) => Promise<TransferError>,
  ): Promise<void> {
    const seen: Record<string, Hint> = {};
    for (const door of doors) seen[door] = hintOf(await scenario(door));
    expect(seen).toEqual(Object.fromEntries(doors.map((door) => [door, expected])));
  }

  async function during(door: Door, work: (session: Session) => Promise<unknown>) {
    const session = await open(door, config());
    try {
      return await transferErrorOf(work(session));
    } finally {
      await session.end();
    }
  }

  it("missing file: not-found, not retryable, no reconnect", async () => {
    await expectParity({ reason: "not-found", retryable: false, reconnect: false }, (door) =>
      during(door, (session) => session.get(fixtures().missing)),
    );
  });

  it("denied upload: permission-denied, not retryable, no reconnect", async () => {
    await expectParity(
      { reason: "permission-denied", retryable: false, reconnect: false },
      (door) =>
        during(door, (session) =>
          session.upload(join(local, "upload.txt"), `${fixtures().readOnlyDir}/${door}.txt`),
        ),
    );
  });

  it("wrong password: auth-failed, not retryable, reconnect", async () => {
    await expectParity({ reason: "auth-failed", retryable: false, reconnect: true }, (door) =>
      connectFailure(door, connectConfig({ port: sshd.port, password: "wrong-Secret-123" })),
    );
  });

  it("reset while connecting: connection-lost, retryable, reconnect", async () => {
    const fault = await startTcpFault({ kind: "reset" });
    try {
      await expectParity({ reason: "connection-lost", retryable: true, reconnect: true }, (door) =>
        connectFailure(door, connectConfig({ port: fault.port })),
      );
    } finally {
      await fault.close();
    }
  });

  it("reset during a listing: connection-lost, retryable, reconnect", async () => {
    await expectParity({ reason: "connection-lost", retryable: true, reconnect: true }, (door) =>
      during(door, async (session) => {
        await sshd.pauseSessions();
        const pending = session.list(fixtures().root);
        pending.catch(() => undefined);
        await sshd.killSessions();
        await sshd.resumeSessions();
        return pending;
      }),
    );
  });
});
