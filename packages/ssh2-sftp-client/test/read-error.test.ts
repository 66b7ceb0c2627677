// Unit tests with fabricated errors, shaped as ssh2-sftp-client 12.1 and ssh2 1.17 make them
// (the shapes seen against OpenSSH, and the ones in their source that a local server cannot
// produce: other servers' texts and statuses, DNS, missing levels).
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { toTransferError, withRetry } from "../src/index.js";
import { readError } from "../src/read-error.js";

/** An Error with the extra properties the libraries set. */
function libError(message: string, props: Record<string, unknown> = {}): Error {
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
    operation: e.operation,
    path: e.path,
  };
}

describe("SFTP statuses", () => {
  it("reads the status, the server text and the path behind the method prefix", () => {
    const error = toTransferError(
      libError("get: No such file /data/a.txt", { code: 2, custom: true }),
    );
    expect([
      error.reason,
      error.code,
      error.codeName,
      error.operation,
      error.path,
      error.serverMessage,
    ]).toEqual(["not-found", 2, "SSH_FX_NO_SUCH_FILE", "get", "/data/a.txt", "No such file"]);
  });

  it("names the public method behind internal prefixes", () => {
    expect(
      summary(libError("_rename: Failure From: /a To: /b", { code: 4, custom: true })),
    ).toMatchObject({
      operation: "rename",
      path: "/a",
      reason: "server-error",
    });
    expect(
      summary(libError("mkdir: _doMkdir: Permission denied /ro/x", { code: 3, custom: true })),
    ).toMatchObject({
      operation: "mkdir",
      path: "/ro/x",
      reason: "permission-denied",
    });
    expect(
      summary(
        libError("_put: Write stream error: Permission denied /ro/f", { code: 3, custom: true }),
      ),
    ).toMatchObject({ operation: "put", path: "/ro/f" });
    expect(
      summary(
        libError("fastPut: Failure Local: /l/big Remote: /small/f", { code: 4, custom: true }),
      ),
    ).toMatchObject({ operation: "fastPut", path: "/small/f" });
  });

  it("a raw ssh2 status error (streams) has no prefix and is still a status", () => {
    expect(summary(libError("No such file", { code: 2 }))).toMatchObject({
      reason: "not-found",
      codeName: "SSH_FX_NO_SUCH_FILE",
    });
  });

  it("the call's path wins over the one read from the message", () => {
    const error = toTransferError(
      libError("list: No such file /a b/c", { code: 2, custom: true }),
      {
        operation: "list",
        path: "/a b/c",
      },
    );
    expect([error.path, error.serverMessage]).toEqual(["/a b/c", "No such file"]);
  });

  it("SSH_FX_FAILURE is refined from a server text that says more, and keeps its code", () => {
    for (const [text, reason] of [
      ["Directory not empty", "directory-not-empty"],
      ["File exists", "already-exists"],
      ["No space left on device", "no-space"],
    ] as const) {
      const error = toTransferError(libError(`rmdir: ${text} /d`, { code: 4, custom: true }));
      expect([error.reason, error.code, error.codeName, error.serverMessage]).toEqual([
        reason,
        4,
        "SSH_FX_FAILURE",
        text,
      ]);
    }
    // A bare "Failure" says nothing by itself: read as most servers' sources mean it for the
    // request (RMDIR: a directory with entries), else the generic server-error.
    expect(toTransferError(libError("rmdir: Failure /d", { code: 4, custom: true })).reason).toBe(
      "directory-not-empty",
    );
    expect(toTransferError(libError("chmod: Failure /d", { code: 4, custom: true })).reason).toBe(
      "server-error",
    );
  });

  // A method that calls others is read by the call that failed: OpenSSH's "Failure" answered
  // fastPut's OPEN or WRITE there, not the MKDIR uploadDir also sends.
  it("uploadDir's failed fastPut is read by fastPut's requests, not uploadDir's MKDIR", () => {
    const serverGreeting = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3";
    const context = { operation: "uploadDir", serverGreeting };
    const message = "uploadFiles: fastPut: Failure Local: /l/a.csv Remote: /r/a.csv /l to /r";
    const put = toTransferError(libError(message, { code: 4, custom: true }), context);
    expect([put.operation, put.reason, put.code]).toEqual(["uploadDir", "server-error", 4]);
    const own = toTransferError(
      libError("uploadDir: Failure /r", { code: 4, custom: true }),
      context,
    );
    expect([own.operation, own.reason]).toEqual(["uploadDir", "already-exists"]);
  });

  it("a server text that names paths itself (Go's pkg/sftp) keeps them; the library's path is the last", () => {
    const error = toTransferError(
      libError("rmdir: remove /srv/old: directory not empty /srv/old", { code: 4, custom: true }),
    );
    expect([error.reason, error.serverMessage, error.path]).toEqual([
      "directory-not-empty",
      "remove /srv/old: directory not empty",
      "/srv/old",
    ]);
  });

  it("statuses of later protocol versions from other servers", () => {
    expect(
      summary(libError("mkdir: _doMkdir: File already exists /d", { code: 11, custom: true })),
    ).toMatchObject({
      reason: "already-exists",
      codeName: "SSH_FX_FILE_ALREADY_EXISTS",
    });
    expect(summary(libError("put: Quota exceeded /f", { code: 15, custom: true }))).toMatchObject({
      reason: "quota-exceeded",
    });
  });
});

describe("SSH disconnect reasons are not SFTP statuses", () => {
  it("a number while connecting is a disconnect reason", () => {
    const error = toTransferError(
      libError("getConnection: Too many authentication failures", { code: 2 }),
    );
    expect([
      error.codeName,
      error.reason,
      error.retryable,
      error.retry.reconnect,
      error.operation,
    ]).toEqual(["SSH_DISCONNECT_PROTOCOL_ERROR", "auth-failed", false, true, "connect"]);
  });

  it("a number through the connection listener during an operation (prefix, not custom) is one too", () => {
    const error = toTransferError(libError("list: Service not available", { code: 7 }));
    expect([error.codeName, error.reason, error.retry.reconnect]).toEqual([
      "SSH_DISCONNECT_SERVICE_NOT_AVAILABLE",
      "service-unavailable",
      true,
    ]);
  });

  it("ssh2's raw error with a level and a number is a disconnect", () => {
    const error = toTransferError(libError("Protocol error", { code: 2, level: "protocol" }));
    expect(error.codeName).toBe("SSH_DISCONNECT_PROTOCOL_ERROR");
  });
});

describe("ssh2-sftp-client's own codes", () => {
  it("ERR_NOT_CONNECTED: lost connection, or misuse before the first connect", () => {
    const error = libError("list: No SFTP connection available", { code: "ERR_NOT_CONNECTED" });
    expect(summary(error)).toMatchObject({
      reason: "connection-lost",
      retryable: true,
      reconnect: true,
    });
    expect(summary(error, { connected: false })).toMatchObject({
      reason: "client-misuse",
      retryable: false,
    });
    const twice = libError("connect: An existing SFTP connection is already defined", {
      code: "ERR_NOT_CONNECTED",
      custom: true,
    });
    expect(summary(twice)).toMatchObject({ reason: "client-misuse", operation: "connect" });
  });

  it("ERR_BAD_PATH: the same not-found as status 2, with the path read from the text", () => {
    expect(
      summary(
        libError("rmdir: Bad Path: /x/y: No such directory", {
          code: "ERR_BAD_PATH",
          custom: true,
        }),
      ),
    ).toEqual({
      reason: "not-found",
      code: "ERR_BAD_PATH",
      codeName: undefined,
      retryable: false,
      reconnect: false,
      operation: "rmdir",
      path: "/x/y",
    });
    expect(
      summary(
        libError("fastGet->fastGet: No such file  /x/y", { code: "ERR_BAD_PATH", custom: true }),
      ),
    ).toMatchObject({ reason: "not-found", path: "/x/y", operation: "fastGet" });
    expect(
      summary(
        libError("mkdir: _doMkdir: Bad path: /x/y parent not a directory or not exist", {
          code: "ERR_BAD_PATH",
        }),
      ),
    ).toMatchObject({ reason: "not-found", path: "/x/y" });
    expect(
      summary(
        libError("mkdir: _mkdir: Bad path: /x/f already exists as a file", {
          code: "ERR_BAD_PATH",
        }),
      ),
    ).toMatchObject({ reason: "already-exists", path: "/x/f" });
    expect(
      summary(libError("rmdir: Bad Path: /x/f: Not a directory", { code: "ERR_BAD_PATH" })),
    ).toMatchObject({
      reason: "not-a-directory",
    });
    expect(
      summary(
        libError("append: Bad path: /d: cannot append to a directory", { code: "ERR_BAD_PATH" }),
      ),
    ).toMatchObject({ reason: "is-a-directory" });
  });

  it("ERR_BAD_PATH from mkdir's rewording of SSH_FX_FAILURE is a server-error, not a permission problem", () => {
    const error = toTransferError(
      libError("mkdir: _doMkdir: Bad path: /full/d permission denied", {
        code: "ERR_BAD_PATH",
        custom: true,
      }),
    );
    expect([error.reason, error.code, error.path]).toEqual([
      "server-error",
      "ERR_BAD_PATH",
      "/full/d",
    ]);
    expect(error.explanation).toMatch(/SSH_FX_FAILURE/);
  });

  it("ERR_BAD_PATH of a local check is local-file-error", () => {
    for (const message of [
      "fastgPut: Bad path: /l/dir not a regular file",
      "_prepareDestination: Bad path: /l/file: not a directory",
      "uploadDir: getLocalStatus: Bad path: /l/src not exist",
      "fastGet->fastGet: Bad path: /l/x.txt: not exist",
    ]) {
      expect(
        toTransferError(libError(message, { code: "ERR_BAD_PATH", custom: true })).reason,
      ).toBe("local-file-error");
    }
  });

  it("ERR_GENERIC_CLIENT: the status text it kept, lost connections, no subsystem", () => {
    expect(
      summary(
        libError("fastGet->sftp: Permission denied Remote: /r/f Local: /l/f", {
          code: "ERR_GENERIC_CLIENT",
        }),
      ),
    ).toMatchObject({
      reason: "permission-denied",
      operation: "fastGet",
      path: "/r/f",
      code: "ERR_GENERIC_CLIENT",
    });
    expect(
      summary(libError("_rcopy: No such file /r/f", { code: "ERR_GENERIC_CLIENT", custom: true })),
    ).toMatchObject({
      reason: "not-found",
      operation: "rcopy",
    });
    expect(
      summary(libError("get: Unexpected end event", { code: "ERR_GENERIC_CLIENT" })),
    ).toMatchObject({
      reason: "connection-lost",
      retryable: true,
      reconnect: true,
    });
    expect(
      summary(
        libError("get: No response from server /r/f", { code: "ERR_GENERIC_CLIENT", custom: true }),
      ),
    ).toMatchObject({
      reason: "connection-lost",
      reconnect: true,
      path: "/r/f",
    });
    expect(
      summary(
        libError("sftp: Unable to start subsystem: sftp", {
          code: "ERR_GENERIC_CLIENT",
          custom: true,
        }),
      ),
    ).toMatchObject({
      reason: "unsupported",
      retryable: false,
    });
    expect(
      summary(
        libError("get: Bad path: /nonexistent-dir/x.txt: /nonexistent-dir: not exist", {
          code: "ERR_GENERIC_CLIENT",
        }),
      ),
    ).toMatchObject({ reason: "local-file-error" });
  });

  it("ENOENT, EACCES and ENOTDIR set by the library read like statuses 2 and 3", () => {
    expect(
      summary(libError("_xstat: No such file: /x", { code: "ENOENT", custom: true })),
    ).toMatchObject({
      reason: "not-found",
      path: "/x",
      operation: "stat",
    });
    expect(
      summary(libError("stat: Permission denied /x", { code: "EACCES", custom: true })).reason,
    ).toBe("permission-denied");
    expect(
      summary(libError("list: Not a directory /x", { code: "ENOTDIR", custom: true })).reason,
    ).toBe("not-a-directory");
  });

  it("ERR_BAD_AUTH is auth-failed", () => {
    expect(summary(libError("connect: Bad credentials", { code: "ERR_BAD_AUTH" }))).toMatchObject({
      reason: "auth-failed",
      retryable: false,
    });
  });

  it("negative errno from a local source check is local-file-error", () => {
    expect(
      summary(libError("put: Bad path: /l/missing not exist", { code: -2, custom: true }), {
        operation: "put",
        path: "/r/f",
      }),
    ).toMatchObject({
      reason: "local-file-error",
      path: "/r/f",
    });
  });

  it("Node's own ERR_ codes are read as Node's, not as the library's", () => {
    const error = libError("get: Premature close", { code: "ERR_STREAM_PREMATURE_CLOSE" });
    expect(summary(error)).toMatchObject({ reason: "connection-lost", retryable: true });
  });

  it("a Node file-system error on the local side is local-file-error, its local path not taken as remote", () => {
    const error = libError("ENOENT: no such file or directory, open '/l/out.txt'", {
      code: "ENOENT",
      errno: -2,
      syscall: "open",
      path: "/l/out.txt",
    });
    expect(summary(error, { operation: "fastGet", path: "/r/f" })).toMatchObject({
      reason: "local-file-error",
      path: "/r/f",
    });
  });
});

describe("ssh2's connection errors", () => {
  it("by level, when ssh2's own error is at hand", () => {
    expect(
      summary(libError("Error signing data with key: x", { level: "client-authentication" }))
        .reason,
    ).toBe("auth-failed");
    expect(summary(libError("Something new", { level: "client-timeout" }))).toMatchObject({
      reason: "timeout",
      reconnect: true,
    });
    expect(
      summary(
        libError(
          "Error while looking up IPv4 address for 'x.invalid': Error: getaddrinfo ENOTFOUND x.invalid",
          {
            level: "client-dns",
          },
        ),
      ).reason,
    ).toBe("host-not-found");
    expect(
      summary(
        libError("Handshake failed: no matching C->S cipher", { level: "handshake", fatal: true }),
      ).reason,
    ).toBe("unsupported");
    expect(
      summary(
        libError("connect ECONNREFUSED 127.0.0.1:1", {
          level: "client-socket",
          code: "ECONNREFUSED",
        }),
      ).reason,
    ).toBe("connection-refused");
  });

  it("by message, as ssh2-sftp-client passes them on (without level or code)", () => {
    const cases: [string, string, boolean][] = [
      ["getConnection: All configured authentication methods failed", "auth-failed", false],
      ["getConnection: Host denied (verification failed)", "host-key-rejected", false],
      ["getConnection: Timed out while waiting for handshake", "timeout", true],
      ["list: Keepalive timeout", "timeout", true],
      ["getConnection: Connection lost before handshake", "connection-lost", true],
      ["getConnection: Invalid identification string", "protocol-error", false],
      ["getConnection: Bad packet length", "protocol-error", false],
      ["Cannot parse privateKey: Unsupported key format", "client-misuse", false],
      ["Server does not support this extended request", "unsupported", false],
      ["sftp: (SSH) Channel open failure: open failed", "service-unavailable", true],
    ];
    for (const [message, reason, retryable] of cases) {
      expect([
        message,
        summary(libError(message)).reason,
        summary(libError(message)).retryable,
      ]).toEqual([message, reason, retryable]);
    }
  });

  it("ENOTFOUND while connecting is host-not-found; a reset during put is connection-lost", () => {
    expect(
      summary(libError("getConnection: getaddrinfo ENOTFOUND x.invalid", { code: "ENOTFOUND" })),
    ).toMatchObject({
      reason: "host-not-found",
      retryable: false,
      operation: "connect",
    });
    expect(
      summary(libError("put: Re-thrown: _put: read ECONNRESET", { code: "ECONNRESET" })),
    ).toMatchObject({
      reason: "connection-lost",
      reconnect: true,
      operation: "put",
    });
    expect(
      summary(
        libError("fastGet: Remote host has reset the connection: _fastGet: write ECONNRESET", {
          code: "ECONNRESET",
        }),
      ),
    ).toMatchObject({ reason: "connection-lost", operation: "fastGet" });
  });

  it("a TypeError from a method that does not check the connection means there is none", () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'unlink')");
    expect(summary(error, { operation: "delete" })).toMatchObject({
      reason: "connection-lost",
      reconnect: true,
    });
    expect(summary(error, { operation: "delete", connected: false }).reason).toBe("client-misuse");
  });
});

describe("toTransferError never throws and never leaks", () => {
  it("takes any value", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
      },
    );
    const getter = Object.defineProperty({}, "message", {
      get() {
        throw new Error("boom");
      },
    });
    for (const value of [
      undefined,
      null,
      42,
      "a string",
      Symbol("s"),
      hostile,
      getter,
      { code: {} },
      new Error(""),
    ]) {
      const error = toTransferError(value);
      expect(error.name).toBe("TransferError");
      expect(error.protocol).toBe("sftp");
    }
    expect(toTransferError("get: No such file /x").reason).toBe("not-found");
  });

  it("returns a TransferError as it is", () => {
    const first = toTransferError(libError("get: No such file /x", { code: 2, custom: true }));
    expect(toTransferError(first)).toBe(first);
  });

  it("masks the secrets it is given in every field and in toJSON()", () => {
    const secret = "s3cret-Passw0rd";
    const error = toTransferError(
      libError(`get: No such file /home/${secret}/x`, { code: 2, custom: true }),
      {
        secrets: [secret],
      },
    );
    const text = [
      error.message,
      error.path,
      error.explanation,
      JSON.stringify(error.toJSON()),
    ].join("\n");
    expect(text).not.toContain(secret);
    expect(error.path).toBe("/home/***/x");
  });

  it("a message that starts with the secret (read as a method prefix) shows it nowhere (issue 14)", () => {
    const secret = "hunter2Secret";
    const error = toTransferError(
      libError(`${secret}: No such file /x`, { code: 2, custom: true }),
      {
        secrets: [secret],
      },
    );
    const shown = [
      error.message,
      error.operation ?? "",
      error.path ?? "",
      error.explanation,
      error.retry.why,
      String(error),
      error.stack ?? "",
      JSON.stringify(error),
      inspect(error, { depth: 5 }),
    ].join("\n");
    expect(shown).not.toContain(secret);
    expect(error.reason).toBe("not-found");
  });

  it("readError keeps the original as cause", () => {
    const original = libError("get: No such file /x", { code: 2, custom: true });
    expect(readError(original).cause).toBe(original);
    expect(toTransferError(original).cause).toBe(original);
  });
});

describe("withRetry, bound to this adapter", () => {
  it("reads a raw ERR_NOT_CONNECTED as 'reconnect and retry'", async () => {
    let reconnects = 0;
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls === 1)
          throw libError("list: No SFTP connection available", { code: "ERR_NOT_CONNECTED" });
        return "listed";
      },
      { reconnect: () => void reconnects++, minDelayMs: 1 },
    );
    expect([result, calls, reconnects]).toEqual(["listed", 2, 1]);
  });

  it("stops at once on a failed login that came with no code", async () => {
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw libError("getConnection: All configured authentication methods failed");
      },
      { minDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(toTransferError(error).reason).toBe("auth-failed");
  });
});
