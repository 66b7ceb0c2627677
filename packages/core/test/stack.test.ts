// What a user reads first in a TransferError's stack is their own line, not the library's.

import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { adapterFunctions, isTransferError, PromiseCalls, wrapMethods } from "../src/adapter.js";
import { createTransferError, type TransferError } from "../src/error.js";
import { promiseCallsReader } from "./promise-calls-reader.js";

const notFound = () => createTransferError({ protocol: "ftp", code: 550 });

/** The frames of a stack, without its first line (name and message). */
const frames = (error: Error) => (error.stack ?? "").split("\n").slice(1);

describe("the stack of a TransferError", () => {
  it("of a wrapped client's rejected call: starts at the caller's await, not in the wrapper", async () => {
    const client = {
      async fetchFile(_path: string): Promise<string> {
        await new Promise((resolve) => setTimeout(resolve, 1));
        throw new Error("raw");
      },
    };
    const wrapped = wrapMethods(client, (_name, original) => async (...args: unknown[]) => {
      try {
        return await original.apply(client, args);
      } catch {
        // An adapter's reading, several frames deep inside the wrapper.
        throw notFound();
      }
    });
    async function userDownload() {
      return await wrapped.fetchFile("/x");
    }
    const error = (await userDownload().then(
      () => undefined,
      (e: unknown) => e,
    )) as TransferError;
    const own = frames(error).filter((line) => !line.includes("node:internal"));
    expect(own[0]).toMatch(/at (?:async )?userDownload /);
    expect(error.stack).not.toMatch(/settled|stackFromCaller|at notFound/);
    // A successful call returns the value; other errors pass through with their own stack.
    const ok = wrapMethods({ sum: (a: number, b: number) => a + b }, (_n, original) => original);
    expect(ok.sum(1, 2)).toBe(3);
  });

  const reader = adapterFunctions("ftp", (error) => ({
    protocol: "ftp" as const,
    code: 550,
    serverMessage: String(error),
  }));

  it("of toTransferError and createTransferError: the caller's frame first, no core frame", () => {
    function userCatch() {
      return reader.toTransferError("No such file");
    }
    function userMade() {
      return createTransferError({ protocol: "sftp", code: 2 });
    }
    expect(frames(userCatch())[0]).toMatch(/at userCatch /);
    expect(frames(userMade())[0]).toMatch(/at userMade /);
  });

  it("keeps the application's Error.stackTraceLimit, whatever the reading did", () => {
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = 3;
    try {
      const hostile = new Proxy(
        {},
        {
          get() {
            throw new Error("trap");
          },
        },
      );
      const failing = adapterFunctions("sftp", () => {
        throw new Error("a bug in a reader");
      });
      for (const make of [
        () => reader.toTransferError("x"),
        () => reader.isRetryable("x"),
        () => failing.toTransferError("x"),
        () => createTransferError(hostile as never),
      ]) {
        make();
        expect(Error.stackTraceLimit).toBe(3);
      }
      // The application's limit holds for the stack of the error made too.
      expect(frames(reader.toTransferError("x")).length).toBeLessThanOrEqual(3);
      expect(new Error("after").stack?.split("\n").length).toBe(4);
    } finally {
      Error.stackTraceLimit = before;
    }
  });

  it("where Error.stackTraceLimit cannot be set (a frozen Error): V8's own stack, nothing thrown", () => {
    const core = new URL("../dist/index.js", import.meta.url).href;
    const script = `
      Object.defineProperty(Error, "stackTraceLimit", { value: 10, writable: false });
      const { createTransferError, isRetryable } = await import(${JSON.stringify(core)});
      function userMade() { return createTransferError({ protocol: "ftp", code: 421 }); }
      const error = userMade();
      const frames = error.stack.split("\\n").slice(1);
      console.log(JSON.stringify([error.reason, frames.some((f) => /at userMade /.test(f)), /at userMade /.test(frames[0]), Error.stackTraceLimit, isRetryable(error)]));
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    // The caller is in the stack, below the core's own frames (V8 captured from the constructor).
    expect(JSON.parse(out)).toEqual(["service-unavailable", true, false, 10, true]);
  });
});

describe("the stack of a TransferError from PromiseCalls (an SFTP or promise-ftp wrapper)", () => {
  const { data, reader } = promiseCallsReader({
    connect: { connects: true },
    end: {},
    get: { path: 0, look: "download" },
  });
  class Diagnosed extends PromiseCalls {
    protected override diagnosis = {
      unclear: () => true,
      look: () => ({ kind: async () => "d" as const, size: async () => 3 }),
    };
  }
  /** A client whose get fails after a real wait (the client library's own timers below it). */
  const client = {
    get: async (path: string): Promise<string> => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (path === "/slow") await new Promise((resolve) => setTimeout(resolve, 100));
      throw new Error(path === "/lost" ? "connection lost" : "Failure");
    },
    other: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      throw new Error("other");
    },
  };
  const own = (error: unknown) =>
    frames(error as Error).filter((line) => !line.includes("node:internal"));

  it("a rejected call, a call past its deadline, a refused call, a converted method, a looked-into failure: the caller's await first", async () => {
    const calls = new Diagnosed(client, data, reader, { timeoutMs: 20, diagnose: true });
    const proxy = calls.proxy<typeof client>(() => false, new Set());
    const plain = new PromiseCalls(client, data, reader, { timeoutMs: 20 });
    const plainProxy = plain.proxy<typeof client>(() => false, new Set());
    async function userGet(wrapped: typeof client, path: string) {
      return await wrapped.get(path);
    }
    async function userOther() {
      return await plainProxy.other();
    }
    const failed = await userGet(plainProxy, "/x").catch((e: unknown) => e);
    const looked = await userGet(proxy, "/dir").catch((e: unknown) => e);
    const late = await userGet(plainProxy, "/slow").catch((e: unknown) => e);
    const lost = await userGet(proxy, "/lost").catch((e: unknown) => e);
    const refused = await userGet(proxy, "/after").catch((e: unknown) => e);
    const other = await userOther().catch((e: unknown) => e);
    expect(looked).toMatchObject({ reason: "is-a-directory" });
    expect(late).toMatchObject({ reason: "timeout" });
    expect(refused).toMatchObject({ message: expect.stringContaining("was not sent") });
    for (const [name, error] of Object.entries({ failed, looked, late, lost, refused })) {
      expect(isTransferError(error), name).toBe(true);
      expect(own(error)[0], name).toMatch(/at (?:async )?userGet /);
      expect((error as Error).stack, name).not.toMatch(/promise-calls|wrap-methods|deadline/);
    }
    expect(own(other)[0]).toMatch(/at (?:async )?userOther /);
  });
});
