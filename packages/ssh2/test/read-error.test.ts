// Unit tests with fabricated errors, shaped as ssh2 1.17 and node-ssh 13.2 make them (the shapes
// seen against OpenSSH, and the ones in their source a local server cannot produce: other
// servers' statuses and texts, disconnect reasons, DNS, fatal SFTP errors).
import { runs } from "@transfer-errors/testkit/fast-check";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isRetryable,
  isTransferError,
  readError,
  type TransferError,
  toTransferError,
  withRetry,
} from "../src/index.js";

/** An Error with the extra properties ssh2 sets. */
function sshError(message: string, props: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), props);
}

function summary(error: unknown, context?: Parameters<typeof toTransferError>[1]) {
  const e = toTransferError(error, context);
  return {
    reason: e.reason,
    code: e.code,
    codeName: e.codeName,
    retryable: e.retryable,
    reconnect: e.retry.reconnect,
  };
}

describe("SFTP statuses", () => {
  it("a status error is the code and the server's text", () => {
    const error = toTransferError(sshError("No such file", { code: 2 }), {
      operation: "stat",
      path: "/data/a.txt",
    });
    expect([
      error.reason,
      error.codeName,
      error.serverMessage,
      error.operation,
      error.path,
    ]).toEqual(["not-found", "SSH_FX_NO_SUCH_FILE", "No such file", "stat", "/data/a.txt"]);
  });

  it("other servers' statuses beyond version 3, and ssh2's text for a status without one", () => {
    expect(summary(sshError("File already exists", { code: 11 }))).toMatchObject({
      reason: "already-exists",
      codeName: "SSH_FX_FILE_ALREADY_EXISTS",
      retryable: false,
    });
    expect(summary(sshError("Unknown status", { code: 12 })).reason).toBe("permission-denied");
  });

  it("the server's text refines the generic SSH_FX_FAILURE", () => {
    expect(summary(sshError("Directory not empty", { code: 4 })).reason).toBe(
      "directory-not-empty",
    );
    expect(summary(sshError("Failure", { code: 4 })).reason).toBe("server-error");
  });
});

describe("connection errors", () => {
  it("a number from the Client is an SSH disconnect reason, never an SFTP status", () => {
    const tooMany = sshError("Too many authentication failures", { code: 2 });
    expect(summary(tooMany, { operation: "connect" })).toEqual({
      reason: "auth-failed",
      code: 2,
      codeName: "SSH_DISCONNECT_PROTOCOL_ERROR",
      retryable: false,
      reconnect: true,
    });
    expect(summary(sshError("Too many connections", { code: 12 }), { connection: true })).toEqual({
      reason: "service-unavailable",
      code: 12,
      codeName: "SSH_DISCONNECT_TOO_MANY_CONNECTIONS",
      retryable: true,
      reconnect: true,
    });
  });

  it("ssh2's levels", () => {
    const cases: [Error, string, boolean][] = [
      [
        sshError("All configured authentication methods failed", {
          level: "client-authentication",
        }),
        "auth-failed",
        false,
      ],
      [
        sshError("Timed out while waiting for handshake", { level: "client-timeout" }),
        "timeout",
        true,
      ],
      [sshError("Keepalive timeout", { level: "client-timeout" }), "timeout", true],
      [
        sshError(
          "Error while looking up IPv4 address for 'x.invalid': Error: getaddrinfo ENOTFOUND x.invalid",
          { level: "client-dns" },
        ),
        "host-not-found",
        false,
      ],
      [
        sshError("getaddrinfo EAI_AGAIN x.example", { level: "client-socket", code: "EAI_AGAIN" }),
        "host-not-found",
        true,
      ],
      [
        sshError("read ECONNRESET", { level: "client-socket", code: "ECONNRESET" }),
        "connection-lost",
        true,
      ],
      [
        sshError("Handshake failed: no matching C->S cipher", { level: "handshake", fatal: true }),
        "unsupported",
        false,
      ],
      [
        sshError("Connection lost before handshake", { level: "protocol", fatal: true }),
        "connection-lost",
        true,
      ],
      [sshError("Invalid packet length", { level: "sftp-protocol" }), "protocol-error", false],
    ];
    for (const [raw, reason, retryable] of cases) {
      expect([
        raw.message,
        summary(raw).reason,
        summary(raw).retryable,
        summary(raw).reconnect,
      ]).toEqual([raw.message, reason, retryable, true]);
    }
  });

  it("requests pending when the channel closes: connection-lost, reconnect", () => {
    expect(summary(new Error("No response from server"))).toEqual({
      reason: "connection-lost",
      code: undefined,
      codeName: undefined,
      retryable: true,
      reconnect: true,
    });
  });

  it("a lost connection during a rename or an append is ambiguous: never retryable", () => {
    for (const operation of ["rename", "appendFile", "ext_openssh_rename"]) {
      const error = toTransferError(new Error("No response from server"), { operation });
      expect([error.reason, error.retryable, error.retry.ambiguous]).toEqual([
        "connection-lost",
        false,
        true,
      ]);
    }
  });

  it("a subsystem that exits: unsupported, its exit code is no SFTP status", () => {
    const error = toTransferError(
      sshError("Received exit code 127 while establishing SFTP session", { code: 127 }),
    );
    expect([error.reason, error.code, error.codeName, error.retry.reconnect]).toEqual([
      "unsupported",
      127,
      undefined,
      true,
    ]);
    const one = toTransferError(
      sshError("Received exit code 1 while establishing SFTP session", { code: 1 }),
    );
    expect([one.reason, one.codeName]).toEqual(["unsupported", undefined]);
  });

  it("channel and argument errors", () => {
    expect(summary(sshError("(SSH) Channel open failure: open failed", { reason: 4 })).reason).toBe(
      "service-unavailable",
    );
    expect(summary(new Error("Server does not support this extended request")).reason).toBe(
      "unsupported",
    );
    expect(summary(new Error("Cannot parse privateKey: Unsupported key format")).reason).toBe(
      "client-misuse",
    );
    expect(summary(new Error("handle is not a Buffer")).reason).toBe("client-misuse");
  });

  // Real error reports (packages/server-replies/reports): ssh2's key parser and agent.
  it("a key whose passphrase is wrong or empty is a credential; an agent that fails is the setup", () => {
    const connect = { operation: "connect" };
    for (const message of [
      "Cannot parse privateKey: Malformed OpenSSH private key. Bad passphrase?",
      "Cannot parse privateKey: Failed to generate information to decrypt key",
      "Cannot parse privateKey: OpenSSH key integrity check failed -- bad passphrase?",
    ])
      expect(summary(new Error(message), connect).reason, message).toBe("auth-failed");
    expect(summary(new Error("Failed to retrieve identities from agent"), connect).reason).toBe(
      "client-misuse",
    );
    expect(summary(new Error("Pageant is not running"), connect).reason).toBe("client-misuse");
    // ssh2's level for it, when the message is another.
    const signing = sshError("Agent responded with failure", { level: "agent" });
    expect(summary(signing, connect)).toMatchObject({ reason: "client-misuse", retryable: false });
  });
});

describe("node-ssh", () => {
  it("its SSHError on a close before 'ready' is connection-lost", () => {
    class SSHError extends Error {
      constructor(
        message: string,
        readonly code: string | null = null,
      ) {
        super(message);
      }
    }
    expect(
      summary(new SSHError("No response from server", "ETIMEDOUT"), { operation: "connect" }),
    ).toMatchObject({ reason: "connection-lost", retryable: true, reconnect: true });
  });

  it("its own messages and argument checks", () => {
    expect(summary(new Error("Not connected to server")).reason).toBe("connection-lost");
    expect(
      summary(new Error("mkdir() failed, target already exists and is not a directory")).reason,
    ).toBe("already-exists");
    expect(
      summary(sshError("config.username must be a valid string", { code: "ERR_ASSERTION" })).reason,
    ).toBe("client-misuse");
  });
});

describe("local files", () => {
  it("a file-system error worded as one is local-file-error, without a path (fastPut of a directory)", () => {
    const raw = sshError("EISDIR: illegal operation on a directory, read", {
      errno: -21,
      code: "EISDIR",
      syscall: "read",
    });
    expect(summary(raw, { operation: "fastPut" }).reason).toBe("local-file-error");
    // A socket's error has the same syscall, worded the other way round: the connection's.
    const socket = sshError("read ECONNRESET", {
      errno: -104,
      code: "ECONNRESET",
      syscall: "read",
    });
    expect(summary(socket, { operation: "fastPut" }).reason).toBe("connection-lost");
  });

  it("fastGet's local write error is local-file-error; the remote path stays the call's", () => {
    const raw = sshError("ENOENT: no such file or directory, open '/nope/x'", {
      code: "ENOENT",
      errno: -2,
      syscall: "open",
      path: "/nope/x",
    });
    const error = toTransferError(raw, { operation: "fastGet", path: "/remote/x" });
    expect([error.reason, error.code, error.path, error.retryable]).toEqual([
      "local-file-error",
      "ENOENT",
      "/remote/x",
      false,
    ]);
  });
});

describe("any value", () => {
  const hostile = new Proxy(
    {},
    {
      get() {
        throw new Error("trap");
      },
    },
  );
  const values: unknown[] = [
    undefined,
    null,
    0,
    "a string",
    Symbol("s"),
    10n,
    hostile,
    { code: Number.NaN, message: 42 },
    { code: 2, level: 7 },
    sshError("x", { code: -1 }),
  ];

  it("never throws, and isRetryable agrees with toTransferError", () => {
    for (const value of values) {
      const error = toTransferError(value);
      expect(isTransferError(error)).toBe(true);
      expect(isRetryable(value)).toBe(error.retryable);
    }
  });

  it("a TransferError comes back as it is", () => {
    const error = toTransferError(new Error("No response from server"));
    expect(toTransferError(error)).toBe(error);
  });

  it("holds the invariants for generated errors", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.option(fc.oneof(fc.integer({ min: -5, max: 40 }), fc.string({ maxLength: 20 }))),
        fc.option(fc.constantFrom("client-socket", "client-timeout", "sftp-protocol", "handshake")),
        fc.option(fc.constantFrom("connect", "rename", "readFile", "appendFile")),
        (message, code, level, operation) => {
          const raw = sshError(message, { code: code ?? undefined, level: level ?? undefined });
          const context = operation ? { operation } : undefined;
          const error: TransferError = toTransferError(raw, context);
          expect(isRetryable(raw)).toBe(toTransferError(raw).retryable);
          if (error.retry.ambiguous) expect(error.retryable).toBe(false);
          if (operation === "connect") expect(error.retry.reconnect).toBe(true);
          expect(error.cause).toBe(raw);
        },
      ),
      runs(500),
    );
  });

  it("reads long hostile texts in linear time", () => {
    const long = "a ".repeat(200_000);
    const texts = [
      `Received exit code ${long} while establishing SFTP session`,
      `Received packet ${"9".repeat(200_000)} instead of`,
      `${"Inbound: ".repeat(50_000)}`,
      `No such file${" /x".repeat(100_000)}`,
    ];
    const started = Date.now();
    for (const text of texts) {
      toTransferError(sshError(text, { code: 4 }));
      toTransferError(sshError(text));
      toTransferError(sshError(text, { level: "protocol" }));
    }
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("keeps the caller's secrets out of every text", () => {
    const secret = "s3cret-Value-9";
    const error = toTransferError(sshError(`Permission denied for ${secret}`, { code: 3 }), {
      secrets: [secret],
    });
    const views = [error.message, error.explanation, error.serverMessage, JSON.stringify(error)];
    for (const view of views) expect(view).not.toContain(secret);
  });

  it("readError only reads: the facts the core decides from", () => {
    const failure = readError(sshError("No such file", { code: 2 }), { operation: "stat" });
    expect(failure).toMatchObject({ protocol: "sftp", code: 2, codeSpace: "sftp-status" });
    expect(failure).not.toHaveProperty("reason");
  });

  it("withRetry retries a lost connection and stops at a missing file", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw calls === 1
            ? new Error("No response from server")
            : sshError("No such file", { code: 2 });
        },
        { minDelayMs: 1, maxDelayMs: 2, reconnect: () => undefined },
      ),
    ).rejects.toMatchObject({ reason: "not-found" });
    expect(calls).toBe(2);
  });
});
