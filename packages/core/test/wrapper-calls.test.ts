// The call machinery of the wrappers, alone: a promise client's calls (PromiseCalls, and one call
// with callWithPromise) and a callback client's (callWithCallback, convertingStream). The
// adapters' tests run them against OpenSSH through ssh2-sftp-client and ssh2, and against the FTP
// servers through node-ftp and promise-ftp.
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type AdapterData,
  callWithCallback,
  callWithPromise,
  convertingStream,
  isDeadlineExceeded,
  isTransferError,
  PendingCalls,
  PromiseCalls,
  promiseCallsOf,
  reconnectorOf,
  table,
} from "../src/adapter.js";
import { promiseCallsReader } from "./promise-calls-reader.js";

afterEach(() => {
  vi.useRealTimers();
});

const { data, reader } = promiseCallsReader({
  connect: { connects: true },
  end: {},
  get: { path: 0 },
});

function fakeClient() {
  return {
    get: vi.fn(async (path: string) => `content of ${path}`),
    connect: vi.fn(async (_config: object) => true),
    end: vi.fn(async () => true),
    other: vi.fn(() => {
      throw new Error("sync");
    }),
  };
}

describe("PromiseCalls", () => {
  it("a success passes; a failure is read with the operation, path and connect's secrets", async () => {
    const client = fakeClient();
    const calls = new PromiseCalls(client, data, reader, {});
    const proxy = calls.proxy<typeof client>(() => false, new Set());
    expect(promiseCallsOf(proxy)).toBe(calls);
    await proxy.connect({ password: "hunter2-secret" });
    await expect(proxy.get("/f")).resolves.toBe("content of /f");
    client.get.mockRejectedValueOnce(new Error("refused hunter2-secret"));
    const error = await proxy.get("/g").catch((e: unknown) => e);
    expect(isTransferError(error)).toBe(true);
    expect(error).toMatchObject({ operation: "get", path: "/g" });
    expect(String((error as Error).message)).not.toContain("hunter2-secret");
    expect(() => proxy.other()).toThrow(expect.objectContaining({ operation: "other" }));
  });

  it("a failure that needs a new connection: later calls refused at once, marked for withRetry", async () => {
    const client = fakeClient();
    const reconnect = vi.fn();
    const calls = new PromiseCalls(client, data, reader, { reconnect });
    const proxy = calls.proxy<typeof client>(() => false, new Set());
    client.get.mockRejectedValueOnce(new Error("connection lost"));
    const first = await proxy.get("/a").catch((e: unknown) => e);
    expect(first).toMatchObject({ retry: { reconnect: true } });
    expect(calls.loss.why).toMatch(/^get failed: /);
    const refused = await proxy.get("/b").catch((e: unknown) => e);
    expect(client.get).toHaveBeenCalledTimes(1);
    expect(String((refused as Error).message)).toContain(
      "was not sent: the client needs a new connection",
    );
    expect((refused as Error).cause).toBe(first);
    reconnectorOf(refused)?.(refused as never);
    expect(reconnect).toHaveBeenCalledTimes(1);
    await proxy.connect({});
    expect(calls.loss.why).toBe(undefined);
    await expect(proxy.get("/c")).resolves.toBe("content of /c");
  });

  it("past the deadline: a timeout with the deadline signal; after end() nothing reconnects", async () => {
    vi.useFakeTimers();
    const client = fakeClient();
    client.get.mockReturnValueOnce(new Promise(() => undefined));
    const calls = new PromiseCalls(client, data, reader, { timeoutMs: 50, reconnect: () => 1 });
    const proxy = calls.proxy<typeof client>(() => false, new Set());
    const pending = proxy.get("/slow").catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60);
    const error = await pending;
    expect(error).toMatchObject({ reason: "timeout", operation: "get", path: "/slow" });
    expect(isDeadlineExceeded(error)).toBe(false);
    await proxy.end();
    const after = await proxy.get("/x").catch((e: unknown) => e);
    expect(reconnectorOf(after)).toBe(null);
    expect(after).toMatchObject({ reason: "client-misuse", retryable: false });
  });

  it("after end(), every later call is client-misuse, not retryable (issue 14): never a loss to reconnect", async () => {
    const client = fakeClient();
    const reconnect = vi.fn();
    const calls = new PromiseCalls(client, data, reader, { reconnect });
    const proxy = calls.proxy<typeof client>(() => false, new Set());
    await proxy.connect({});
    await proxy.end();
    // The client's own answer to the first call says little ("No SFTP connection available");
    // the reader hears that the application ended the client. The calls after it are refused
    // by the wrapper itself, and must say the same.
    client.get.mockRejectedValue(new Error("connection lost"));
    for (const path of ["/a", "/b", "/c"]) {
      const error = await proxy.get(path).catch((e: unknown) => e);
      expect(error, path).toMatchObject({ reason: "client-misuse", retryable: false });
      expect(reconnectorOf(error), path).toBe(null);
    }
    expect(reconnect).not.toHaveBeenCalled();
  });
});

describe("PromiseCalls' follow-up checks", () => {
  /** A client whose server holds `/dir` (a directory) and `/short` (3 bytes). */
  const looked: AdapterData = {
    ...data,
    operations: table({ get: { path: 0, look: "download" } }),
  };
  class Checked extends PromiseCalls {
    protected override diagnosis = {
      unclear: (failure: { message?: string | undefined }) => failure.message === "Failure",
      look: () => ({
        kind: async (path: string) => (path === "/dir" ? "d" : path === "/short" ? "-" : false),
        size: async () => 3,
      }),
      upload: async (method: string, args: unknown[]) =>
        method === "get" ? { remote: String(args[0]), expected: 10 } : undefined,
    };
  }

  it("diagnose: an unclear failure of a looked-into method gets what the look found", async () => {
    const client = fakeClient();
    client.get.mockRejectedValue(new Error("Failure"));
    const plain = new Checked(client, looked, reader, {}).proxy<typeof client>(
      () => false,
      new Set(),
    );
    await expect(plain.get("/dir")).rejects.toMatchObject({ reason: "unknown" });
    const diagnosed = new Checked(client, looked, reader, { diagnose: true });
    const proxy = diagnosed.proxy<typeof client>(() => false, new Set());
    await expect(proxy.get("/dir")).rejects.toMatchObject({ reason: "is-a-directory" });
  });

  it("verifyUploads: a success that left a shorter file rejects", async () => {
    const client = fakeClient();
    const plain = new Checked(client, looked, reader, {}).proxy<typeof client>(
      () => false,
      new Set(),
    );
    await expect(plain.get("/short")).resolves.toBe("content of /short");
    const verified = new Checked(client, looked, reader, { verifyUploads: true });
    const proxy = verified.proxy<typeof client>(() => false, new Set());
    await expect(proxy.get("/short")).rejects.toMatchObject({
      reason: "server-error",
      path: "/short",
    });
  });
});

describe("callWithCallback", () => {
  const convert = (error: unknown) => ({ converted: error });

  it("passes a reply on (replied sees it), converts an error", () => {
    const seen: unknown[] = [];
    const replied = vi.fn();
    const ok = (cb: (e: unknown, r?: unknown) => void) => cb(undefined, "r");
    callWithCallback({}, ok, [(e: unknown, r: unknown) => seen.push(e, r)], {
      operation: "stat",
      timeoutMs: undefined,
      convert,
      replied,
    });
    expect(seen).toEqual([undefined, "r"]);
    expect(replied).toHaveBeenCalledWith(["r"]);
    const failing = (_path: string, cb: (e: unknown) => void) => cb("boom");
    callWithCallback({}, failing, ["/p", (e: unknown) => seen.push(e)], {
      operation: "stat",
      timeoutMs: undefined,
      convert,
    });
    expect(seen.at(-1)).toEqual({ converted: "boom" });
  });

  it("the deadline answers once and calls expired; a late reply is dropped", () => {
    vi.useFakeTimers();
    const seen: unknown[] = [];
    let late: ((e: unknown) => void) | undefined;
    const expired = vi.fn();
    const hanging = (cb: (e: unknown) => void) => {
      late = cb;
    };
    callWithCallback({}, hanging, [(e: unknown) => seen.push(e)], {
      operation: "read",
      timeoutMs: 20,
      convert: (e) => e,
      expired,
    });
    vi.advanceTimersByTime(25);
    expect(seen).toHaveLength(1);
    expect(isDeadlineExceeded(seen[0])).toBe(true);
    expect(expired).toHaveBeenCalledTimes(1);
    late?.("late");
    expect(seen).toHaveLength(1);
  });

  it("a refused call is answered on the next tick and not sent", async () => {
    const original = vi.fn();
    const seen: unknown[] = [];
    callWithCallback({}, original, [(e: unknown) => seen.push(e)], {
      operation: "stat",
      timeoutMs: undefined,
      convert,
      refused: "refused",
    });
    expect(seen).toEqual([]);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(seen).toEqual(["refused"]);
    expect(original).not.toHaveBeenCalled();
  });

  it("a synchronous throw is converted; one from the callback itself passes as it is", () => {
    const throwing = () => {
      throw "bad arguments";
    };
    const call = { operation: "open", timeoutMs: undefined, convert };
    expect(() => callWithCallback({}, throwing, [() => undefined], call)).toThrow(
      expect.objectContaining({ converted: "bad arguments" }),
    );
    const answersAtOnce = (cb: (e: unknown) => void) => cb(undefined);
    const callbackThrows = () => {
      throw "the caller's own";
    };
    expect(() => callWithCallback({}, answersAtOnce, [callbackThrows], call)).toThrow(
      "the caller's own",
    );
  });
});

describe("callWithCallback's pending calls", () => {
  const convert = (error: unknown) => ({ converted: error });

  it("waits in pending until answered: failAll answers it, once, and it leaves", () => {
    const pending = new PendingCalls();
    const seen: unknown[] = [];
    let late: ((e: unknown) => void) | undefined;
    const hanging = (cb: (e: unknown) => void) => {
      late = cb;
    };
    const call = { operation: "pwd", timeoutMs: undefined, convert, pending };
    callWithCallback({}, hanging, [(e: unknown) => seen.push(e)], call);
    expect(pending.size).toBe(1);
    pending.failAll("closed");
    late?.("late");
    expect(seen).toEqual([{ converted: "closed" }]);
    expect(pending.size).toBe(0);
  });

  it("leaves pending when it is answered or throws; without a callback it never waits there", () => {
    const pending = new PendingCalls();
    const call = { operation: "pwd", timeoutMs: undefined, convert, pending };
    callWithCallback({}, (cb: (e: unknown) => void) => cb(undefined), [() => undefined], call);
    const throwing = () => {
      throw "bad arguments";
    };
    expect(() => callWithCallback({}, throwing, [() => undefined], call)).toThrow();
    callWithCallback({}, () => undefined, ["no callback"], call);
    expect(pending.size).toBe(0);
  });
});

describe("callWithPromise", () => {
  const convert = (error: unknown) => ({ converted: error });
  const base = { operation: "get", timeoutMs: undefined, convert };

  it("resolves with the value (replied sees it); a rejection, falsy too, or a throw is converted", async () => {
    const replied = vi.fn();
    const target = { name: "target" };
    const ok = vi.fn(function (this: unknown, path: string) {
      return Promise.resolve(`${path} from ${(this as typeof target).name}`);
    });
    await expect(callWithPromise(target, ok, ["/a"], { ...base, replied })).resolves.toBe(
      "/a from target",
    );
    expect(replied).toHaveBeenCalledWith(["/a from target"]);
    for (const value of ["boom", 0, undefined]) {
      const rejecting = () => Promise.reject(value);
      await expect(callWithPromise({}, rejecting, [], base)).rejects.toEqual({ converted: value });
    }
    const throwing = () => {
      throw "sync";
    };
    await expect(callWithPromise({}, throwing, [], base)).rejects.toEqual({ converted: "sync" });
  });

  it("a refused call rejects with the refusal as it is and is not sent", async () => {
    const original = vi.fn();
    await expect(callWithPromise({}, original, [], { ...base, refused: "no" })).rejects.toBe("no");
    expect(original).not.toHaveBeenCalled();
  });

  it("the deadline rejects and calls expired; failAll fails it once; both leave pending", async () => {
    vi.useFakeTimers();
    const pending = new PendingCalls();
    const expired = vi.fn();
    const hanging = () => new Promise(() => undefined);
    const late = callWithPromise({}, hanging, [], { ...base, timeoutMs: 20, expired, pending });
    const outcome = late.catch((error: { converted: unknown }) => error.converted);
    expect(pending.size).toBe(1);
    vi.advanceTimersByTime(25);
    expect(isDeadlineExceeded(await outcome)).toBe(true);
    expect(expired).toHaveBeenCalledTimes(1);
    const failed = callWithPromise({}, hanging, [], { ...base, pending });
    pending.failAll("closed");
    pending.failAll("again");
    await expect(failed).rejects.toEqual({ converted: "closed" });
    expect(pending.size).toBe(0);
  });
});

describe("convertingStream", () => {
  it("converts its 'error' events", () => {
    const stream = new EventEmitter();
    const seen: unknown[] = [];
    convertingStream(stream, (e) => ({ converted: e }));
    stream.on("error", (e) => seen.push(e));
    stream.emit("error", "reset");
    expect(seen).toEqual([{ converted: "reset" }]);
  });

  it("a refused stream emits the refusal once, on the next tick, and no other error", async () => {
    const stream = new EventEmitter();
    const seen: unknown[] = [];
    stream.on("error", (e) => seen.push(e));
    convertingStream(stream, (e) => e, "refused");
    await new Promise((resolve) => process.nextTick(resolve));
    stream.emit("error", "later");
    expect(seen).toEqual(["refused"]);
    expect(convertingStream(undefined, (e) => e)).toBe(undefined);
  });
});
