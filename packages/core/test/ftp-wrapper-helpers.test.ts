// The parts both FTP wrappers (basic-ftp, node-ftp) are built from. The adapters' integration
// tests run them against real servers; these pin each part's own contract.
import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import {
  anyCodeRules,
  CallRecord,
  failureFrom,
  holdClose,
  isLocalFileError,
  loginSecrets,
  oneLine,
  PendingCalls,
  quotedReply,
  RunningCalls,
  readSafely,
  replyText,
  splitsFtpCommand,
  traitsTable,
  WrongProtocol,
  watchPlainGreeting,
} from "../src/adapter.js";

describe("CallRecord and RunningCalls", () => {
  it("reads the remote path and a local path where the operations table says", () => {
    const call = new CallRecord("downloadTo", ["/tmp/x", "remote.txt"], { path: 1, local: true });
    expect(call).toMatchObject({
      operation: "downloadTo",
      path: "remote.txt",
      localPath: "/tmp/x",
    });
    expect(new CallRecord("cd", [42], { path: 0 }).path).toBe(undefined);
    expect(new CallRecord("pwd", [], undefined)).toMatchObject({ path: undefined });
  });

  it("notes an error of the caller's own stream until detached", () => {
    const stream = new EventEmitter();
    const call = new CallRecord("uploadFrom", [stream, "f"], { path: 1, local: true });
    const error = new Error("EACCES");
    stream.emit("error", error);
    expect(call.fromCallerStream(error)).toBe(true);
    expect(call.fromCallerStream(new Error("other"))).toBe(false);
    const next = new CallRecord("uploadFrom", [stream, "f"], { path: 1, local: true });
    next.detach();
    expect(stream.listenerCount("error")).toBe(0);
  });

  it("a call runs alone unless another one is running; a later one makes it not alone", () => {
    const running = new RunningCalls();
    const first = new CallRecord("list", [], undefined);
    running.start(first);
    expect(first.alone).toBe(true);
    const second = new CallRecord("pwd", [], undefined);
    running.start(second);
    expect([first.alone, second.alone]).toEqual([false, false]);
    running.delete(first);
    running.delete(second);
    const third = new CallRecord("pwd", [], undefined);
    running.start(third);
    expect(third.alone).toBe(true);
  });
});

describe("replyText, quotedReply, oneLine", () => {
  it("takes the code off every line of a reply that carries it", () => {
    expect(replyText("550 No such file", 550)).toBe("No such file");
    expect(replyText("211-Status\n Connected\n211 End", 211)).toBe("Status\n Connected\nEnd");
    expect(replyText("5501 odd", 550)).toBe("5501 odd");
  });

  it("reads a reply quoted in a client's message", () => {
    const match = /^FTPError: (\d{3})(?:[ -]([\s\S]*))?$/.exec("FTPError: 425 Can't open")!;
    expect(quotedReply(match)).toEqual({ code: 425, serverMessage: "Can't open" });
  });

  it("joins lines, masks a PASS argument, stays linear on long runs of spaces", () => {
    expect(oneLine("  a\n  b  \n\nPASS hunter2\n")).toBe("a b PASS ***");
    const long = `${" ".repeat(200_000)}\nx`;
    const start = performance.now();
    expect(oneLine(long)).toBe("x");
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("splitsFtpCommand", () => {
  it("a line break or NUL in any string argument; other values and clean strings pass", () => {
    for (const bad of ["a\r\nDELE b", "a\nb", "a\rb", "a\u0000b"]) {
      expect(splitsFtpCommand(["ok", bad])).toBe(true);
    }
    expect(splitsFtpCommand(["/dir/file name.txt", 5, { path: "a\nb" }, undefined])).toBe(false);
  });
});

describe("isLocalFileError", () => {
  const fsError = (syscall: string, path?: string) =>
    Object.assign(new Error(syscall), { syscall, path });
  it("an fs error naming the local path, or of a file syscall with a path", () => {
    expect(isLocalFileError(fsError("open", "/tmp/x"), "/tmp/x")).toBe(true);
    expect(isLocalFileError(fsError("mkdir", "/other"), undefined)).toBe(true);
    expect(isLocalFileError(fsError("write"), "/tmp/x")).toBe(true); // ENOSPC on an open file
    expect(isLocalFileError(fsError("write"), undefined)).toBe(false);
    expect(isLocalFileError(fsError("connect", "/sock"), undefined)).toBe(false);
    expect(isLocalFileError("text", undefined)).toBe(false);
  });
});

describe("anyCodeRules", () => {
  it("makes rules that read the text whatever the code, with their signals", () => {
    const [plain, signalled] = anyCodeRules([
      ["a", "timeout", /^a/],
      ["b", "connection-lost", /^b/, "client-closed", "server-closed"],
    ]);
    expect(plain).toEqual({ id: "a", reason: "timeout", pattern: /^a/, anyCode: true });
    expect(signalled?.signals).toEqual(["client-closed", "server-closed"]);
  });
});

describe("loginSecrets and readSafely", () => {
  it("the password and the TLS options' key material, read safely", () => {
    const options = { password: "pw", secureOptions: { passphrase: "pp", key: "k" } };
    expect(loginSecrets(options)).toEqual(["pw", "pp", "k"]);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
      },
    );
    expect(loginSecrets(hostile)).toEqual([]);
    expect(loginSecrets(undefined)).toEqual([]);
    expect(
      readSafely(() => {
        throw new Error("x");
      }),
    ).toBe(undefined);
    expect(readSafely(() => 3)).toBe(3);
  });
});

describe("failureFrom over an FTP operations table (traitsTable)", () => {
  it("adds the operation's traits, the path, the secrets (when there are any) and the data", () => {
    const operations = { rename: { path: 0, traits: { idempotent: false } }, pwd: {} };
    const data = {
      protocol: "ftp" as const,
      rules: [],
      advice: { deadline: "d" },
      operations: traitsTable(operations),
    };
    expect(data.operations.pwd).toBe(undefined);
    expect(data.operations.constructor).toBe(undefined);
    const facts = { code: 550, signals: [] };
    const failure = failureFrom(data, { operation: "rename", path: "a", secrets: [] }, facts);
    expect(failure).toBe(facts);
    expect(failure).toMatchObject({
      protocol: "ftp",
      code: 550,
      path: "a",
      traits: { idempotent: false },
    });
    expect(failure.secrets).toBe(undefined);
    expect(failure.advice).toBe(data.advice);
    expect(failureFrom(data, { secrets: ["s"] })).toMatchObject({
      secrets: ["s"],
      traits: undefined,
    });
  });
});

describe("PendingCalls", () => {
  it("fails every pending call once, each removing itself", () => {
    const pending = new PendingCalls();
    const failed: unknown[] = [];
    const fail = (error: unknown) => {
      failed.push(error);
      pending.delete(fail);
    };
    pending.add(fail);
    pending.add((error) => failed.push(error));
    expect(pending.size).toBe(2);
    pending.failAll("closed");
    expect(failed).toEqual(["closed", "closed"]);
    expect(pending.size).toBe(1);
  });
});

describe("holdClose", () => {
  const hold = (cancels: boolean) => ({
    holds: (e: unknown) => (e as Error).message === "reset",
    absorbs: (e: unknown) => (e as Error).message === "closed after reset",
    cancels: () => cancels,
    graceMs: 100,
  });

  it("holds a reset's close for the grace; a reply in it keeps the connection", async () => {
    vi.useFakeTimers();
    const closed: string[] = [];
    const owner = { closeWithError: (e: Error) => closed.push(e.message) };
    const original = owner.closeWithError;
    const release = holdClose(owner, "closeWithError", hold(true));
    owner.closeWithError(new Error("reset"));
    owner.closeWithError(new Error("closed after reset"));
    expect(closed).toEqual([]);
    release(new Error("550"));
    await vi.advanceTimersByTimeAsync(200);
    expect(closed).toEqual([]);
    expect(owner.closeWithError).toBe(original);
    vi.useRealTimers();
  });

  it("closes after the grace, or at release when the call settled otherwise; others close now", async () => {
    vi.useFakeTimers();
    const closed: string[] = [];
    const proto = {
      closeWithError(e: Error) {
        closed.push(e.message);
      },
    };
    const owner = Object.create(proto) as typeof proto;
    let release = holdClose(owner, "closeWithError", hold(false));
    owner.closeWithError(new Error("deadline"));
    expect(closed).toEqual(["deadline"]);
    owner.closeWithError(new Error("reset"));
    await vi.advanceTimersByTimeAsync(100);
    expect(closed).toEqual(["deadline", "reset"]);
    release(undefined);
    expect(Object.hasOwn(owner, "closeWithError")).toBe(false);
    release = holdClose(owner, "closeWithError", hold(false));
    owner.closeWithError(new Error("reset"));
    release(new Error("other"));
    expect(closed).toEqual(["deadline", "reset", "reset"]);
    vi.useRealTimers();
  });
});

describe("watchPlainGreeting", () => {
  it("watches a plain socket for another protocol's first line, never an encrypted one", () => {
    const seen: WrongProtocol[] = [];
    const plain = new EventEmitter();
    watchPlainGreeting(plain, "ftp", (e) => seen.push(e));
    plain.emit("data", "SSH-2.0-OpenSSH_9.2\r\n");
    expect(seen).toHaveLength(1);
    const tls = Object.assign(new EventEmitter(), { encrypted: true });
    watchPlainGreeting(tls, "ftp", (e) => seen.push(e));
    tls.emit("data", "SSH-2.0-OpenSSH_9.2\r\n");
    expect(seen).toHaveLength(1);
    expect(() => watchPlainGreeting(undefined, "ftp", () => undefined)).not.toThrow();
    expect(seen[0]).toBeInstanceOf(WrongProtocol);
  });
});
