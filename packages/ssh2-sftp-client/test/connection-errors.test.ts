// ssh2's connection errors through ssh2-sftp-client: logins, host keys, handshakes, refused and
// reset connections, disconnect reasons, lost sessions, all on 127.0.0.1.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { closedPort, startSilentListener } from "@transfer-errors/testkit/net";
import { startSshd, startTcpFault } from "@transfer-errors/testkit/sshd";
import type SftpClient from "ssh2-sftp-client";
import { expect, it } from "vitest";
import { toTransferError, wrapClient } from "../src/index.js";
import {
  connectConfig,
  describeSftp,
  expectFailure,
  newClient,
  running,
  transferErrorOf,
} from "./helpers.js";

/** A wrapped client that has not connected yet. */
function wrapped(): SftpClient {
  return wrapClient(newClient());
}

const connectFailure = {
  code: undefined,
  operation: "connect",
  path: undefined,
} as const;

describeSftp("connection errors", () => {
  it("a wrong password reaches the caller with no code: auth-failed, not retryable", async () => {
    const error = await transferErrorOf(
      wrapped().connect(connectConfig({ password: "wrong-Secret-123" })),
    );
    expectFailure(
      error,
      { ...connectFailure, reason: "auth-failed", retryable: false, reconnect: true },
      ["wrong-Secret-123", running().user.password],
    );
  });

  it("ssh2's own error keeps `level: client-authentication`; toTransferError reads it", async () => {
    const client = newClient();
    const levels: unknown[] = [];
    client.on("error", (error: unknown) => levels.push(error));
    await client.connect(connectConfig({ password: "wrong-Secret-123" })).catch(() => undefined);
    const raw = levels.find((e) => (e as { level?: string }).level === "client-authentication");
    expect(raw).toBeDefined();
    const error = toTransferError(raw, { operation: "connect" });
    expect(error.reason).toBe("auth-failed");
    expect(error.retryable).toBe(false);
  });

  it("a DISCONNECT with reason 2 is read as an SSH disconnect, never as SFTP status 2", async () => {
    const sshd = await startSshd({ user: running().user, maxAuthTries: 1 });
    try {
      const error = await transferErrorOf(
        wrapped().connect(connectConfig({ port: sshd.port, password: "wrong-Secret-123" })),
      );
      expectFailure(
        error,
        {
          ...connectFailure,
          code: 2,
          codeName: "SSH_DISCONNECT_PROTOCOL_ERROR",
          reason: "auth-failed",
          retryable: false,
          reconnect: true,
        },
        ["wrong-Secret-123"],
      );
      expect(error.codeName).not.toBe("SSH_FX_NO_SUCH_FILE");
      expect(error.serverMessage).toBe("Too many authentication failures");
    } finally {
      await sshd.stop();
    }
  });

  it("a host key refused by hostVerifier: host-key-rejected, not retryable", async () => {
    const error = await transferErrorOf(
      wrapped().connect(connectConfig({ hostVerifier: () => false })),
    );
    expectFailure(error, {
      ...connectFailure,
      reason: "host-key-rejected",
      retryable: false,
      reconnect: true,
    });
  });

  it("a listener that never speaks: handshake timeout, retryable after reconnect", async () => {
    const silent = await startSilentListener();
    try {
      const error = await transferErrorOf(
        wrapped().connect(connectConfig({ port: silent.port, readyTimeout: 800 })),
      );
      expectFailure(error, {
        ...connectFailure,
        reason: "timeout",
        retryable: true,
        reconnect: true,
      });
    } finally {
      await silent.close();
    }
  });

  it("a closed port: ECONNREFUSED, connection-refused", async () => {
    const error = await transferErrorOf(
      wrapped().connect(connectConfig({ port: await closedPort() })),
    );
    expectFailure(error, {
      ...connectFailure,
      code: "ECONNREFUSED",
      reason: "connection-refused",
      retryable: true,
      reconnect: true,
    });
  });

  it("a reset connection: ECONNRESET, connection-lost", async () => {
    const fault = await startTcpFault({ kind: "reset" });
    try {
      const error = await transferErrorOf(wrapped().connect(connectConfig({ port: fault.port })));
      expectFailure(error, {
        ...connectFailure,
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
      const error = await transferErrorOf(wrapped().connect(connectConfig({ port: fault.port })));
      expectFailure(error, {
        ...connectFailure,
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
      const error = await transferErrorOf(wrapped().connect(connectConfig({ port: fault.port })));
      expectFailure(error, {
        ...connectFailure,
        reason: "protocol-error",
        retryable: false,
        reconnect: true,
      });
    } finally {
      await fault.close();
    }
  });

  it("an sshd without an SFTP subsystem: unsupported, with the library's ERR_GENERIC_CLIENT", async () => {
    const sshd = await startSshd({ user: running().user, subsystem: false });
    try {
      const error = await transferErrorOf(wrapped().connect(connectConfig({ port: sshd.port })));
      expectFailure(error, {
        ...connectFailure,
        code: "ERR_GENERIC_CLIENT",
        reason: "unsupported",
        retryable: false,
        reconnect: true,
      });
    } finally {
      await sshd.stop();
    }
  });

  // The account runs another command than the SFTP subsystem (a ForceCommand, a shell that
  // exits): ssh2 reports the command's exit status as the error's code, no DISCONNECT reason.
  it("an account whose ForceCommand exits: unsupported, the exit status no SSH_DISCONNECT code", async () => {
    const sshd = await startSshd({ user: running().user, extra: ["ForceCommand /bin/false"] });
    try {
      const error = await transferErrorOf(wrapped().connect(connectConfig({ port: sshd.port })));
      expectFailure(error, {
        ...connectFailure,
        code: 1,
        reason: "unsupported",
        retryable: false,
        reconnect: true,
      });
      expect([error.codeSpace, error.codeName]).toEqual(["library", undefined]);
      expect(error.message).not.toMatch(/SSH_DISCONNECT/);
    } finally {
      await sshd.stop();
    }
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
        wrapped().connect(
          connectConfig({ password: undefined, privateKey, passphrase: "wrong-Passphrase-2" }),
        ),
      );
      expectFailure(
        error,
        { ...connectFailure, reason: "auth-failed", retryable: false, reconnect: true },
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
    const error = await transferErrorOf(wrapped().connect(connectConfig({ port: 99999 })));
    expectFailure(error, {
      ...connectFailure,
      code: "ERR_SOCKET_BAD_PORT",
      reason: "client-misuse",
      retryable: false,
      reconnect: true,
    });
  });

  it("calls before connect() are client-misuse (ERR_NOT_CONNECTED, and delete's TypeError)", async () => {
    const client = wrapped();
    const path = "/anything";
    const misuse = (code: string | undefined, operation: string) => ({
      code,
      reason: "client-misuse",
      retryable: false,
      reconnect: false,
      operation,
      path,
    });
    expectFailure(await transferErrorOf(client.list(path)), misuse("ERR_NOT_CONNECTED", "list"));
    expectFailure(await transferErrorOf(client.stat(path)), misuse("ERR_NOT_CONNECTED", "stat"));
    expectFailure(await transferErrorOf(client.delete(path)), misuse(undefined, "delete"));
  });

  it("connect() twice on one client: client-misuse", async () => {
    const client = wrapped();
    await client.connect(connectConfig());
    try {
      const error = await transferErrorOf(client.connect(connectConfig()));
      expectFailure(error, {
        ...connectFailure,
        code: "ERR_NOT_CONNECTED",
        reason: "client-misuse",
        retryable: false,
        reconnect: true,
      });
    } finally {
      await client.end();
    }
  });
});
