// The parts both SFTP wrappers share (adapter data, rule rows, the library socket's first line, a
// converting method, the reading of ssh2's errors and its messages), each alone; the adapters' tests run them against OpenSSH.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import {
  type AdapterData,
  ConnectionLoss,
  classify,
  convertingMethod,
  DeadlineExceeded,
  failureFrom,
  isWrongProtocol,
  messageRules,
  pathArgument,
  readSsh2Number,
  sftpFreeSpace,
  sftpStatusTextRows,
  sftpStatusTexts,
  ssh2Advice,
  ssh2Failure,
  ssh2LevelRows,
  ssh2RebuiltAdvice,
  ssh2RebuiltRows,
  ssh2Rows,
  ssh2Shape,
  table,
  WrongProtocol,
  watchLibrarySocket,
  watchSsh2Socket,
} from "../src/adapter.js";

const data: AdapterData = {
  protocol: "sftp",
  operations: table({ get: { path: 0, commands: ["OPEN", "READ"] } }),
  rules: [],
  advice: { lost: "advice" },
};

describe("failureFrom and pathArgument", () => {
  it("fills in the adapter's data, the operation's traits and what the caller knows", () => {
    const cause = new Error("x");
    const failure = failureFrom(data, { operation: "get", path: "/f", secrets: ["pw"] }, { cause });
    expect(failure).toMatchObject({
      protocol: "sftp",
      operation: "get",
      traits: { commands: ["OPEN", "READ"] },
      path: "/f",
      secrets: ["pw"],
      rules: [],
      advice: { lost: "advice" },
      cause,
    });
    expect(failureFrom(data, { operation: "constructor" }).traits).toBe(undefined);
    expect(failureFrom(data, {}).traits).toBe(undefined);
  });

  it("a path is a string argument at the index; none, a negative index or another type: undefined", () => {
    expect(pathArgument(["a", "b"], 1)).toBe("b");
    expect(pathArgument(["a"], undefined)).toBe(undefined);
    expect(pathArgument(["a"], -1)).toBe(undefined);
    expect(pathArgument([Buffer.from("a")], 0)).toBe(undefined);
  });
});

describe("messageRules", () => {
  it("a row without codes reads any code; with one or several, only those; signals kept", () => {
    const [any, one, several] = messageRules([
      ["lost", "connection-lost", /^No response/, undefined, "client-closed"],
      ["auth", "auth-failed", /^/, "ERR_BAD_AUTH"],
      ["x", "server-error", /y/, ["A", "B"]],
    ]);
    expect(any).toEqual({
      id: "lost",
      reason: "connection-lost",
      pattern: /^No response/,
      anyCode: true,
      signals: ["client-closed"],
    });
    expect(one).toEqual({
      id: "auth",
      reason: "auth-failed",
      pattern: /^/,
      codes: ["ERR_BAD_AUTH"],
    });
    expect(several?.codes).toEqual(["A", "B"]);
  });

  it("the core reads them as an adapter's rules", () => {
    const rules = messageRules([
      ["lost", "connection-lost", /^No response/, undefined, "client-closed"],
    ]);
    const decided = classify({ protocol: "sftp", message: "No response from server", rules });
    expect(decided).toMatchObject({ reason: "connection-lost", rule: "lost" });
  });
});

/** A socket as ssh2 makes it: data events, bytesRead, destroy(error). */
function socket(bytesRead = 0) {
  const emitter = new EventEmitter();
  const destroyed: Error[] = [];
  return Object.assign(emitter, { bytesRead, destroy: (e: Error) => destroyed.push(e), destroyed });
}

describe("watchSsh2Socket", () => {
  it("watches the socket an ssh2 Client made (`_sock`); without one, nothing", () => {
    const _sock = socket();
    const seen: unknown[] = [];
    watchSsh2Socket({ _sock }, ["pw"], (error) => seen.push(error));
    _sock.emit("data", "220 FTP server ready\r\n");
    expect(seen).toHaveLength(1);
    expect(_sock.destroyed).toEqual(seen);
    expect(() => watchSsh2Socket({}, undefined)).not.toThrow();
    expect(() => watchSsh2Socket(null, undefined)).not.toThrow();
  });
});

describe("watchLibrarySocket", () => {
  it("another protocol's first line destroys the socket with a WrongProtocol, seen first", () => {
    const s = socket();
    const seen: unknown[] = [];
    watchLibrarySocket(s, "ssh", undefined, (error) => seen.push(error));
    s.emit("data", Buffer.from("220 FTP server ready\r\n"));
    expect(seen).toHaveLength(1);
    expect(isWrongProtocol(seen[0])).toBe(true);
    expect(s.destroyed).toEqual(seen);
  });

  it("masks the connection's secrets in the line it quotes", () => {
    const s = socket();
    const seen: Error[] = [];
    watchLibrarySocket(s, "ssh", ["hunter2-password"], (error) => seen.push(error));
    s.emit("data", "220 welcome hunter2-password\r\n");
    expect(seen[0]?.message).not.toContain("hunter2");
  });

  it("its own protocol's line, a socket that has read, none, or one that cannot be destroyed: nothing", () => {
    const own = socket();
    watchLibrarySocket(own, "ssh", undefined);
    own.emit("data", "SSH-2.0-OpenSSH_9.2\r\n");
    expect(own.destroyed).toEqual([]);
    const read = socket(10);
    watchLibrarySocket(read, "ssh", undefined);
    read.emit("data", "220 FTP\r\n");
    expect(read.destroyed).toEqual([]);
    expect(read.listenerCount("data")).toBe(0);
    expect(() => watchLibrarySocket(undefined, "ssh", undefined)).not.toThrow();
    const fixed = Object.assign(new EventEmitter(), { bytesRead: 0 });
    watchLibrarySocket(fixed, "ssh", undefined);
    expect(fixed.listenerCount("data")).toBe(0);
  });
});

describe("convertingMethod", () => {
  const convertFor = (args: unknown[]) => (error: unknown) => ({ converted: error, args });

  it("a synchronous throw and a rejection are converted; a value passes", async () => {
    const target = { n: 1 };
    const throwing = convertingMethod(
      target,
      () => {
        throw "boom";
      },
      convertFor,
    );
    expect(() => throwing("a")).toThrow(
      expect.objectContaining({ converted: "boom", args: ["a"] }),
    );
    const rejecting = convertingMethod(target, () => Promise.reject("late"), convertFor);
    await expect(rejecting()).rejects.toEqual({ converted: "late", args: [] });
    const value = convertingMethod(
      target,
      function (this: unknown) {
        return this;
      },
      convertFor,
    );
    expect(value()).toBe(target);
  });

  it("the converter is made before the call; a stream's result (settles false) is left as it is", async () => {
    let state = "before";
    const seen: string[] = [];
    const method = convertingMethod(
      {},
      () => {
        state = "after";
        return Promise.reject(new Error("x"));
      },
      () => {
        seen.push(state);
        return (error) => error;
      },
    );
    await expect(method()).rejects.toThrow("x");
    expect(seen).toEqual(["before"]);
    const stream = Promise.reject(new Error("its own"));
    stream.catch(() => undefined);
    expect(convertingMethod({}, () => stream, convertFor, false)()).toBe(stream);
  });
});

describe("ssh2's errors: ssh2Shape, ssh2Failure, readSsh2Number", () => {
  it("reads the code, ssh2's level and the message of an error, a string or anything", () => {
    const error = Object.assign(new Error("Keepalive timeout"), { level: "client-timeout" });
    expect(ssh2Shape(error)).toEqual({
      code: undefined,
      level: "client-timeout",
      text: "Keepalive timeout",
      localFile: false,
    });
    expect(ssh2Shape(Object.assign(new Error("No such file"), { code: 2 }))).toMatchObject({
      code: 2,
      text: "No such file",
    });
    expect(ssh2Shape("plain text")).toEqual({
      code: undefined,
      level: undefined,
      text: "plain text",
      localFile: false,
    });
    expect(ssh2Shape(null)).toEqual({
      code: undefined,
      level: undefined,
      text: "",
      localFile: false,
    });
  });

  it("a Node file-system error (a syscall and a path) is a local file's", () => {
    const local = { code: "ENOENT", syscall: "open", path: "/tmp/x", message: "ENOENT: open" };
    expect(ssh2Shape(local).localFile).toBe(true);
    expect(ssh2Shape({ code: "ECONNREFUSED", syscall: "connect" }).localFile).toBe(false);
    expect(ssh2Shape({ code: 2, path: "/x" }).localFile).toBe(false);
  });

  it("the wrapper's deadline is a signal, whatever the adapter", () => {
    const deadline = new DeadlineExceeded("get", 100);
    const failure = ssh2Failure(data, deadline, ssh2Shape(deadline), { operation: "get" }, false);
    expect(failure.signals).toEqual(["deadline"]);
    expect(classify(failure).reason).toBe("timeout");
  });

  it("a Failure with the code (else the level), the message and the call's signals", () => {
    const error = Object.assign(new Error("Timed out"), { level: "client-timeout" });
    const failure = ssh2Failure(data, error, ssh2Shape(error), { operation: "get" }, false);
    expect(failure).toMatchObject({
      protocol: "sftp",
      operation: "get",
      code: "client-timeout",
      message: "Timed out",
      signals: [],
      cause: error,
    });
    const ended = ssh2Failure(data, error, ssh2Shape(error), { ended: true }, true);
    expect(ended.signals).toEqual(["connecting", "closed-by-application"]);
    expect(failure.codeSpace).toBe("library");
    const coded = Object.assign(new Error("x"), { code: 4, level: "protocol" });
    expect(ssh2Failure(data, coded, ssh2Shape(coded), {}, false).code).toBe(4);
    const reset = Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" });
    expect(ssh2Failure(data, reset, ssh2Shape(reset), {}, false).codeSpace).toBe("system");
    expect(ssh2Failure(data, "text", ssh2Shape("text"), {}, false).codeSpace).toBeUndefined();
  });

  it("an FTP server on the port (the wrappers' look at the first line) is a signal", () => {
    const peer = new WrongProtocol("ssh", "ftp", "220 ProFTPD Server ready");
    expect(ssh2Failure(data, peer, ssh2Shape(peer), {}, true).signals).toEqual([
      "connecting",
      "wrong-protocol",
    ]);
  });

  it("a number is a DISCONNECT reason (the connection is gone) or an SFTP status, with the server's text", () => {
    const error = Object.assign(new Error("Too many authentication failures"), { code: 2 });
    const disconnect = ssh2Failure(data, error, ssh2Shape(error), {}, true);
    readSsh2Number(disconnect, true, "Too many authentication failures");
    expect(disconnect).toMatchObject({
      codeSpace: "ssh-disconnect",
      serverMessage: "Too many authentication failures",
      signals: ["connecting", "client-closed"],
    });
    // SSH_DISCONNECT_PROTOCOL_ERROR, with which OpenSSH sends that text (the adapters' rules read it).
    expect(classify(disconnect)).toMatchObject({
      reason: "protocol-error",
      codeSpace: "ssh-disconnect",
    });
    const status = ssh2Failure(data, error, ssh2Shape(error), {}, false);
    readSsh2Number(status, false, "No such file");
    expect(status).toMatchObject({ codeSpace: "sftp-status", serverMessage: "No such file" });
    expect(status.signals).toEqual([]);
    expect(classify(status).reason).toBe("not-found");
  });
});

describe("ssh2Rows and ssh2Advice", () => {
  const rules = messageRules(ssh2Rows);
  const read = (message: string, operation?: string) =>
    classify({ protocol: "sftp", message, operation, rules, advice: ssh2Advice });

  it("read ssh2's own messages, whatever the code", () => {
    expect(read("Handshake failed: no matching host key format")).toMatchObject({
      reason: "unsupported",
      rule: "no-algorithm",
    });
    expect(
      read(
        "Cannot parse privateKey: Encrypted private OpenSSH key detected, but no passphrase given",
      ),
    ).toMatchObject({ reason: "auth-failed", rule: "key-passphrase" });
    expect(read("Invalid identification string")).toMatchObject({ rule: "not-ssh" });
    expect(read("Received malformed KEXINIT")).toMatchObject({
      reason: "protocol-error",
      signals: ["client-closed"],
    });
    expect(read("Host key does not match")).toMatchObject({ reason: "host-key-rejected" });
  });

  it("read a failed login, whatever the wording ssh2 or the server gives it", () => {
    for (const message of [
      "All configured authentication methods failed",
      "getConnection: Too many authentication failures",
      "Authentication failed",
    ]) {
      expect(read(message), message).toMatchObject({ reason: "auth-failed", rule: "auth" });
    }
  });

  it("read ssh2's checks, its subsystem and channel failures, also behind a client's prefix", () => {
    expect(read("connect: Received exit code 127 while establishing SFTP session")).toMatchObject({
      reason: "unsupported",
      rule: "no-subsystem",
    });
    expect(read("Received signal SIGKILL while establishing SFTP session")).toMatchObject({
      rule: "no-subsystem",
    });
    expect(read("(SSH) Channel open failure: open failed")).toMatchObject({
      reason: "service-unavailable",
      rule: "no-channel",
    });
    for (const message of [
      "Cannot parse privateKey: Unsupported key format",
      "Invalid username",
      "Bad arguments",
      "Unknown flags string: zz",
      "buffer is not a Buffer",
      "offset extends beyond buffer",
    ]) {
      expect(read(message), message).toMatchObject({
        reason: "client-misuse",
        rule: "bad-options",
      });
    }
    expect(read("get: Bad packet length 12345")).toMatchObject({
      rule: "corrupt-stream",
      signals: ["client-closed"],
    });
    expect(read("Received packet 94 instead of 2")).toMatchObject({ rule: "corrupt-stream" });
    expect(read("Received more data than requested")).toMatchObject({ rule: "corrupt-stream" });
  });

  it("read a wrapper's refusal on a lost connection (ConnectionLoss.refusal)", () => {
    const loss = new ConnectionLoss();
    loss.mark("its channel was closed");
    for (const what of ["client", "SFTP session"]) {
      expect(read(loss.refusal("stat", what)), what).toMatchObject({
        reason: "connection-lost",
        rule: "marked",
        signals: ["client-closed"],
      });
    }
  });

  it("ssh2LevelRows read ssh2's `level` as the code", () => {
    const levels = messageRules(ssh2LevelRows);
    const byLevel = (code: string) =>
      classify({ protocol: "sftp", code, codeSpace: "library", message: "x", rules: levels });
    expect(byLevel("client-authentication")).toMatchObject({ reason: "auth-failed", rule: "auth" });
    expect(byLevel("client-timeout")).toMatchObject({
      reason: "timeout",
      signals: ["client-closed"],
    });
    expect(byLevel("client-dns")).toMatchObject({ reason: "host-not-found", rule: "dns" });
  });

  it("have advice for the ids both adapters give ssh2's failures", () => {
    for (const id of [
      "auth",
      "host-key",
      "no-subsystem",
      "key-passphrase",
      "wrong-protocol",
      "no-algorithm",
      "no-channel",
      "bad-options",
      "not-ssh",
    ]) {
      expect(ssh2Advice[id], id).toMatch(/\w/);
    }
  });

  it("ssh2RebuiltRows read ssh2's messages a library rebuilt without their level", () => {
    const rules = messageRules(ssh2RebuiltRows);
    const rebuilt = (message: string) =>
      classify({
        protocol: "sftp",
        code: "ERR_GENERIC_CLIENT",
        codeSpace: "library",
        message,
        rules,
        advice: ssh2RebuiltAdvice,
      });
    expect(rebuilt("getConnection: Timed out while waiting for handshake")).toMatchObject({
      reason: "timeout",
      rule: "handshake-timeout",
    });
    expect(rebuilt("getConnection: Keepalive timeout")).toMatchObject({ rule: "keepalive" });
    expect(rebuilt("getConnection: Connection lost before handshake")).toMatchObject({
      reason: "connection-lost",
      rule: "lost-before-handshake",
    });
    expect(
      rebuilt("getConnection: Error while looking up IPv4 address for 'x': Error: ENOTFOUND"),
    ).toMatchObject({ reason: "host-not-found", rule: "dns" });
    for (const id of ["handshake-timeout", "keepalive", "lost-before-handshake"]) {
      expect(ssh2RebuiltAdvice[id], id).toMatch(/\w/);
    }
  });
});

describe("sftpStatusTexts and sftpStatusTextRows", () => {
  const rules = messageRules(sftpStatusTextRows("ERR_GENERIC_CLIENT"));
  const read = (message: string, code = "ERR_GENERIC_CLIENT") =>
    classify({ protocol: "sftp", code, codeSpace: "library", message, rules });

  it("read a status's own text, under the library's code only, as the status is read", () => {
    expect(read("No such file")).toMatchObject({ reason: "not-found", rule: "status-2" });
    expect(read("No such file or directory")).toMatchObject({ rule: "status-2" });
    expect(read("Permission denied")).toMatchObject({ reason: "permission-denied" });
    expect(read("Failure")).toMatchObject({ reason: "server-error", rule: "status-4" });
    expect(read("Bad message")).toMatchObject({ reason: "bad-request" });
    expect(read("Connection lost")).toMatchObject({ reason: "connection-lost", rule: "status-6" });
    expect(read("Operation unsupported")).toMatchObject({ reason: "unsupported" });
    expect(read("End of file")).toMatchObject({ reason: "protocol-error", rule: "status-1" });
    // Exactly the text, and only under that code.
    expect(read("Failure to launch").rule).not.toBe("status-4");
    expect(read("Failure", "ERR_BAD_PATH").rule).not.toBe("status-4");
  });

  it("know the texts of statuses 1 to 8, and nothing else", () => {
    expect(sftpStatusTexts.has("No such file")).toBe(true);
    expect(sftpStatusTexts.has("Connection lost")).toBe(true);
    expect(sftpStatusTexts.has("No error")).toBe(false);
    expect(sftpStatusTexts.has("failure")).toBe(false);
  });
});

describe("sftpFreeSpace", () => {
  type Answer = (err: unknown, stats?: Record<string, unknown>) => void;
  const channel = (answer: (cb: Answer) => void) => ({
    asked: [] as string[],
    ext_openssh_statvfs(path: string, cb: Answer) {
      this.asked.push(path);
      answer(cb);
    },
  });

  it("reads free bytes (f_bavail × f_frsize, else f_bsize) and inodes at the path", async () => {
    const sftp = channel((cb) => cb(undefined, { f_bavail: 3, f_frsize: 4096, f_favail: 7 }));
    await expect(sftpFreeSpace(sftp, "/up")).resolves.toEqual({ bytes: 12288, inodes: 7 });
    expect(sftp.asked).toEqual(["/up"]);
    const bsize = channel((cb) => cb(undefined, { f_bavail: 2, f_frsize: 0, f_bsize: 512 }));
    await expect(sftpFreeSpace(bsize, "/")).resolves.toMatchObject({ bytes: 1024 });
  });

  it("is undefined without the extension, on its failure or a synchronous throw", async () => {
    await expect(sftpFreeSpace(undefined, "/")).resolves.toBeUndefined();
    await expect(sftpFreeSpace({}, "/")).resolves.toBeUndefined();
    const failing = channel((cb) => cb(new Error("unsupported")));
    await expect(sftpFreeSpace(failing, "/")).resolves.toBeUndefined();
    const throwing = channel(() => {
      throw new Error("Server does not support this extended request");
    });
    await expect(sftpFreeSpace(throwing, "/")).resolves.toBeUndefined();
  });
});
