// The parts both SFTP wrappers share (adapter data, rule rows, the library socket's first line, a
// converting method), each alone; the adapters' tests run them against OpenSSH.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import {
  type AdapterData,
  classify,
  convertingMethod,
  failureFrom,
  isWrongProtocol,
  messageRules,
  pathArgument,
  table,
  watchLibrarySocket,
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
