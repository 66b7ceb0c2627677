// ssh2 Client connection errors, read from its 'error' event and through connectSftp: logins,
// host keys, handshakes, refused and reset connections, disconnect reasons, all on 127.0.0.1.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { closedPort, startSilentListener } from "@transfer-errors/testkit/net";
import { startSshd, startTcpFault } from "@transfer-errors/testkit/sshd";
import { Client, type ConnectConfig } from "ssh2";
import { expect, it } from "vitest";
import { connectSftp, isRetryable, type TransferError, toTransferError } from "../src/index.js";
import {
  clientErrorOf,
  connectConfig,
  describeSftp,
  type Expected,
  expectFailure,
  running,
  transferErrorOf,
} from "./helpers.js";

const atConnect = { operation: "connect", path: undefined } as const;

/** The same failure read both ways: from the Client's 'error' event, and through connectSftp. */
async function bothWays(
  config: ConnectConfig,
  expected: Omit<Expected, "operation" | "path">,
  secrets?: string[],
): Promise<[TransferError, TransferError]> {
  const raw = await clientErrorOf(config);
  const fromEvent = toTransferError(raw, { operation: "connect" });
  expectFailure(fromEvent, { ...atConnect, ...expected }, secrets);
  expect(isRetryable(raw)).toBe(expected.retryable);
  const viaConnect = await transferErrorOf(connectSftp(new Client(), config));
  expectFailure(viaConnect, { ...atConnect, ...expected }, secrets);
  return [fromEvent, viaConnect];
}

describeSftp("ssh2 connection errors", () => {
  it("a wrong password: level client-authentication, auth-failed, not retryable, reconnect", async () => {
    const password = "wrong-Secret-123";
    const [fromEvent] = await bothWays(
      connectConfig({ password }),
      { code: "client-authentication", reason: "auth-failed", retryable: false, reconnect: true },
      [password, running().user.password],
    );
    // Without a context, ssh2's `level` alone says the same.
    const bare = toTransferError(fromEvent.cause);
    expect([bare.reason, bare.retryable, bare.retry.reconnect]).toEqual([
      "auth-failed",
      false,
      true,
    ]);
  });

  it("a DISCONNECT with reason 2 is read as an SSH disconnect, never as SFTP status 2", async () => {
    const sshd = await startSshd({ user: running().user, maxAuthTries: 1 });
    try {
      const password = "wrong-Secret-123";
      const [fromEvent] = await bothWays(
        connectConfig({ port: sshd.port, password }),
        {
          code: 2,
          codeName: "SSH_DISCONNECT_PROTOCOL_ERROR",
          reason: "auth-failed",
          retryable: false,
          reconnect: true,
        },
        [password],
      );
      expect(fromEvent.serverMessage).toBe("Too many authentication failures");
      // From a Client 'error' listener that is not about connecting: `connection: true`.
      const later = toTransferError(fromEvent.cause, { connection: true });
      expect([later.codeName, later.reason]).toEqual([
        "SSH_DISCONNECT_PROTOCOL_ERROR",
        "auth-failed",
      ]);
    } finally {
      await sshd.stop();
    }
  });

  it("a host key refused by hostVerifier: host-key-rejected, not retryable", async () => {
    await bothWays(connectConfig({ hostVerifier: () => false }), {
      code: "handshake",
      reason: "host-key-rejected",
      retryable: false,
      reconnect: true,
    });
  });

  it("a listener that never speaks: handshake timeout, retryable after reconnect", async () => {
    const silent = await startSilentListener();
    try {
      await bothWays(connectConfig({ port: silent.port, readyTimeout: 800 }), {
        code: "client-timeout",
        reason: "timeout",
        retryable: true,
        reconnect: true,
      });
    } finally {
      await silent.close();
    }
  });

  it("connectSftp's own deadline (timeoutMs) bounds the whole connect", async () => {
    const silent = await startSilentListener();
    try {
      const started = Date.now();
      const error = await transferErrorOf(
        connectSftp(new Client(), connectConfig({ port: silent.port, readyTimeout: 20_000 }), {
          timeoutMs: 500,
        }),
      );
      expect(Date.now() - started).toBeLessThan(3_000);
      expectFailure(error, {
        ...atConnect,
        code: undefined,
        reason: "timeout",
        retryable: true,
        reconnect: true,
      });
    } finally {
      await silent.close();
    }
  });

  it("a closed port: ECONNREFUSED, connection-refused", async () => {
    await bothWays(connectConfig({ port: await closedPort() }), {
      code: "ECONNREFUSED",
      reason: "connection-refused",
      retryable: true,
      reconnect: true,
    });
  });

  it("a reset connection: ECONNRESET, connection-lost", async () => {
    const fault = await startTcpFault({ kind: "reset" });
    try {
      await bothWays(connectConfig({ port: fault.port }), {
        code: "ECONNRESET",
        reason: "connection-lost",
        retryable: true,
        reconnect: true,
      });
    } finally {
      await fault.close();
    }
  });

  it("a server that closes before its greeting: connection-lost, retryable", async () => {
    const fault = await startTcpFault({ kind: "close" });
    try {
      await bothWays(connectConfig({ port: fault.port }), {
        code: "protocol",
        reason: "connection-lost",
        retryable: true,
        reconnect: true,
      });
    } finally {
      await fault.close();
    }
  });

  it("something that is not an SSH-2 server: protocol-error", async () => {
    const fault = await startTcpFault({ kind: "banner", line: "SSH-1.5-ancient\r\n" });
    try {
      await bothWays(connectConfig({ port: fault.port }), {
        code: undefined,
        reason: "protocol-error",
        retryable: false,
        reconnect: true,
      });
    } finally {
      await fault.close();
    }
  });

  it("an sshd without an SFTP subsystem: unsupported", async () => {
    const sshd = await startSshd({ user: running().user, subsystem: false });
    try {
      const error = await transferErrorOf(
        connectSftp(new Client(), connectConfig({ port: sshd.port })),
      );
      expectFailure(error, {
        ...atConnect,
        code: undefined,
        reason: "unsupported",
        retryable: false,
        reconnect: true,
      });
    } finally {
      await sshd.stop();
    }
  });

  it("an account whose ForceCommand exits: unsupported, the exit status no SSH_DISCONNECT code", async () => {
    const sshd = await startSshd({ user: running().user, extra: ["ForceCommand /bin/false"] });
    try {
      const error = await transferErrorOf(
        connectSftp(new Client(), connectConfig({ port: sshd.port })),
      );
      expectFailure(error, {
        ...atConnect,
        code: 1,
        reason: "unsupported",
        retryable: false,
        reconnect: true,
      });
      expect([error.codeSpace, error.codeName]).toEqual(["library", undefined]);
    } finally {
      await sshd.stop();
    }
  });

  it("ssh2's 'Received exit code N while establishing SFTP session': N is no SFTP status", () => {
    const raw = Object.assign(new Error("Received exit code 1 while establishing SFTP session"), {
      code: 1,
      signal: undefined,
    });
    const error = toTransferError(raw);
    expect([error.reason, error.codeName, error.retry.reconnect]).toEqual([
      "unsupported",
      undefined,
      true,
    ]);
  });

  it("a private key whose passphrase is wrong: auth-failed (a credential); key and passphrase never shown", async () => {
    const dir = await mkdtemp(join(tmpdir(), "te-key-"));
    try {
      const keyFile = join(dir, "id");
      await promisify(execFile)("ssh-keygen", [
        "-q",
        "-t",
        "ed25519",
        "-N",
        "right-Passphrase-1",
        "-f",
        keyFile,
      ]);
      const privateKey = await readFile(keyFile, "utf8");
      const error = await transferErrorOf(
        connectSftp(
          new Client(),
          connectConfig({ password: undefined, privateKey, passphrase: "wrong-Passphrase-2" }),
        ),
      );
      expectFailure(
        error,
        {
          ...atConnect,
          code: undefined,
          reason: "auth-failed",
          retryable: false,
          reconnect: true,
        },
        [
          privateKey,
          "wrong-Passphrase-2",
          "right-Passphrase-1",
          ...privateKey.split("\n").filter((line) => line.length > 20 && !line.startsWith("-----")),
        ],
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("a port out of range: Node's ERR_SOCKET_BAD_PORT is client-misuse", async () => {
    const error = await transferErrorOf(connectSftp(new Client(), connectConfig({ port: 99999 })));
    expectFailure(error, {
      ...atConnect,
      code: "ERR_SOCKET_BAD_PORT",
      reason: "client-misuse",
      retryable: false,
      reconnect: true,
    });
  });

  it("a password that shows in a server's text is redacted by connectSftp", async () => {
    const password = "leaky-Secret-42";
    const client = new Client();
    // A client whose connect fails with a message quoting the password (as a buggy server might).
    client.connect = () => {
      throw new Error(`Invalid username or password: ${password}`);
    };
    const error = await transferErrorOf(connectSftp(client, connectConfig({ password })));
    expectFailure(
      error,
      { ...atConnect, code: undefined, reason: "client-misuse", retryable: false, reconnect: true },
      [password],
    );
  });
});
