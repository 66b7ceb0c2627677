// The FTP wrappers' call flow (FtpCalls) and its parts: the working directory a session's calls
// moved to, the held close of a download's data reset, a wrapper's own failures as signals. The
// basic-ftp adapter's integration tests run them against real servers.
import { describe, expect, it } from "vitest";
import {
  adapterFunctions,
  DeadlineExceeded,
  type Finding,
  type FtpCallContext,
  FtpCalls,
  failureFrom,
  ftpAdapterData,
  holdDataReset,
  nextWorkingDir,
  reconnectorOf,
  ShortTransfer,
  type Signal,
  type TransferCounts,
  table,
  WrongProtocol,
  wrapperSignal,
} from "../src/adapter.js";

describe("nextWorkingDir", () => {
  it("follows CWD (relative and absolute) and CDUP; a login goes back to the login directory", () => {
    expect(nextWorkingDir("", "cd", "a/b")).toBe("a/b");
    expect(nextWorkingDir("a/b", "cd", "../c")).toBe("a/c");
    expect(nextWorkingDir("a", "up")).toBe("");
    expect(nextWorkingDir("a", "cd", "/x//y/")).toBe("/x/y/");
    expect(nextWorkingDir("/x", "login")).toBe("");
    expect(nextWorkingDir("a", undefined, "b")).toBe("a");
    expect(nextWorkingDir("a", "cd", undefined)).toBe("a");
  });
});

describe("wrapperSignal", () => {
  it("reads the wrapper's own failures, and nothing else", () => {
    expect(wrapperSignal(new DeadlineExceeded("get", 5))).toBe("deadline");
    expect(wrapperSignal(new ShortTransfer("download", "f", 10, 5))).toBe("short-transfer");
    expect(wrapperSignal(new WrongProtocol("ftp", "ssh", "SSH-2.0-OpenSSH_9.2"))).toBe(
      "wrong-protocol",
    );
    expect(wrapperSignal(new Error("Deadline exceeded: get"))).toBeUndefined();
  });
});

describe("holdDataReset", () => {
  const reset = new Error("read ECONNRESET (data socket)");
  const setup = () => {
    const closed: unknown[] = [];
    const owner = { closeWithError: (error: Error) => closed.push(error) };
    const release = holdDataReset(
      owner,
      "closeWithError",
      (error) => error === reset,
      () => false,
    );
    return { closed, owner, release };
  };

  it("a negative reply that settles the call keeps the session open", () => {
    const { closed, owner, release } = setup();
    owner.closeWithError(reset);
    release(Object.assign(new Error("550 No such file"), { code: 550 }));
    expect(closed).toEqual([]);
  });

  it("anything else closes: at once, or once the call settled without a reply", () => {
    const { closed, owner, release } = setup();
    const other = new Error("Timeout (control socket)");
    owner.closeWithError(other);
    expect(closed).toEqual([other]);
    owner.closeWithError(reset);
    release(reset);
    expect(closed).toEqual([other, reset]);
  });
});

type Context = FtpCallContext & { closed?: boolean };

const operations = table({
  get: { path: 0, probed: true, transfer: "download" },
  cd: { path: 0, dir: "cd" },
  access: { dir: "login", traits: { connects: true } },
} as const);
const data = ftpAdapterData([], {}, { access: { connects: true } });
const { convert } = adapterFunctions<Context>("ftp", (error, context) => {
  const own = wrapperSignal(error);
  const signals: Signal[] = own ? [own] : [];
  if (context.closed) signals.push("client-closed");
  const message = error instanceof Error ? error.message : undefined;
  return failureFrom(data, context, { message, signals, finding: context.finding, cause: error });
});

/** A client whose `get` fails with `failure` (and closes), whose other calls succeed. */
class Calls extends FtpCalls<{ host: string }, Context> {
  protected readonly loginOperation = "access";
  isClosed = false;
  logins = 0;
  looked: string[] = [];
  constructor(
    readonly failure: Error,
    options: ConstructorParameters<typeof FtpCalls>[1],
  ) {
    super(operations, options, convert);
  }
  protected override start(operation: string, args: unknown[]) {
    if (operation === "access") this.login = args[0] as { host: string };
    return super.start(operation, args);
  }
  protected send(call: { operation: string }): Promise<unknown> {
    if (call.operation === "access") {
      this.logins++;
      this.isClosed = false;
    }
    if (call.operation !== "get") return Promise.resolve(call.operation);
    this.isClosed = true;
    return Promise.reject(this.failure);
  }
  protected counts(): TransferCounts {
    return {
      startAt: 0,
      count: async (work) => ({ value: await work(), bytes: 0 }),
      size: async () => 10,
      unchecked: () => undefined,
    };
  }
  protected close(): void {
    this.isClosed = true;
  }
  protected context(): Context {
    return { closed: this.isClosed };
  }
  protected look(_failure: unknown, _error: unknown, path: string): Promise<Finding> {
    this.looked.push(path);
    return Promise.resolve("missing");
  }
  closed(): boolean {
    return this.isClosed;
  }
  closedByApplication(): boolean {
    return false;
  }
  reopen(): Promise<void> {
    return this.call("access", () => undefined, [this.login]).then(() => undefined);
  }
}

const none = () => undefined;

describe("FtpCalls", () => {
  it("a failure is read with the call's context, looked into with diagnose, and marked", async () => {
    const calls = new Calls(new Error("refused"), { diagnose: true, reconnect: true });
    await calls.call("access", none, [{ host: "h" }]);
    await calls.call("cd", none, ["in"]);
    const error = await calls.call("get", none, ["f"]).catch((e: unknown) => e);
    // The look's finding decides: a missing file.
    expect(error).toMatchObject({ operation: "get", path: "f", reason: "not-found" });
    expect(calls.looked).toEqual(["f"]);
    expect(calls.workingDir).toBe("in");
    expect(typeof reconnectorOf(error)).toBe("function");
  });

  it("with reconnect, a call on a closed session logs in again first", async () => {
    const calls = new Calls(new Error("refused"), { reconnect: true });
    await calls.call("access", none, [{ host: "h" }]);
    await calls.call("get", none, ["f"]).catch(() => undefined);
    expect(calls.closed()).toBe(true);
    await calls.call("cd", none, ["x"]);
    expect(calls.logins).toBe(2);
  });

  it("without reconnect, nothing reopens and the mark says so", async () => {
    const calls = new Calls(new Error("refused"), {});
    await calls.call("access", none, [{ host: "h" }]);
    const error = await calls.call("get", none, ["f"]).catch((e: unknown) => e);
    expect(reconnectorOf(error)).toBeNull();
    await calls.call("cd", none, ["x"]);
    expect(calls.logins).toBe(1);
  });

  it("past the deadline the call rejects with timeout and the connection is closed", async () => {
    const calls = new Calls(new Error("refused"), { timeoutMs: 5 });
    const never = new Promise(() => undefined);
    Object.assign(calls, { send: () => never });
    const error = await calls.call("cd", none, ["x"]).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "timeout", operation: "cd" });
    expect(calls.closed()).toBe(true);
  });
});
