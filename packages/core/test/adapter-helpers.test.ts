// The helpers of @transfer-errors/core/adapter that the wrappers build on, each alone: the SFTP
// adapters' tests run them against OpenSSH through ssh2 and ssh2-sftp-client.
import { EventEmitter } from "node:events";
import { posix } from "node:path";
import { runs } from "@transfer-errors/testkit/fast-check";
import fc from "fast-check";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import {
  adapterFunctions,
  answerOnce,
  type CallerContext,
  ConnectionLoss,
  type Failure,
  findCause,
  isDeadlineExceeded,
  isTransferError,
  listedFinding,
  listen,
  markLossOn,
  type PathLook,
  parentOf,
  reconnectable,
  retire,
  secretsIn,
  shortUpload,
  splitPrefixes,
  splitTextAndPath,
} from "../src/adapter.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("adapterFunctions", () => {
  const read = (error: unknown, context: { operation?: string }): Failure => ({
    protocol: "sftp",
    code: (error as { code?: number }).code,
    operation: context.operation,
    cause: error,
  });

  it("reads with the adapter's reader, passes a TransferError on, and both doors agree", () => {
    const { toTransferError, isRetryable } = adapterFunctions("sftp", read);
    const missing = Object.assign(new Error("No such file"), { code: 2 });
    const error = toTransferError(missing, { operation: "stat" });
    expect([error.reason, error.operation, error.cause]).toEqual(["not-found", "stat", missing]);
    expect(toTransferError(error)).toBe(error);
    const lost = Object.assign(new Error("Connection lost"), { code: 7 });
    expect(isRetryable(lost)).toBe(toTransferError(lost).retryable);
    expect(isRetryable(lost)).toBe(true);
  });

  it("a reader that throws still gives a TransferError, with the original and no secret", () => {
    const { toTransferError } = adapterFunctions("ftp", () => {
      throw new Error("a bug of ours");
    });
    const original = new Error("530 Login incorrect for hunter2-Pass");
    const error = toTransferError(original, { secrets: ["hunter2-Pass"] });
    expect([error.protocol, error.originalError]).toEqual(["ftp", original]);
    expect(JSON.stringify(error)).not.toContain("hunter2-Pass");
    expect(String((error.cause as Error).message)).not.toContain("hunter2-Pass");
  });

  it("shows the caller's part of the context (CallerContext); the wrapper's flags still reach the reader", () => {
    type Wrapper = CallerContext & { closed?: boolean };
    const seen: Wrapper[] = [];
    const { toTransferError } = adapterFunctions<Wrapper, CallerContext>(
      "ftp",
      (error, context) => {
        seen.push(context);
        return { protocol: "ftp", cause: error, operation: context.operation };
      },
    );
    expectTypeOf(toTransferError).parameter(1).toEqualTypeOf<CallerContext | null | undefined>();
    const wrapped: Wrapper = { operation: "get", closed: true };
    expect(toTransferError(new Error("x"), wrapped).operation).toBe("get");
    expect(seen).toEqual([{ operation: "get", closed: true }]);
  });
});

describe("splitPrefixes and splitTextAndPath", () => {
  const methods = new Set(["mkdir", "_doMkdir", "fastGet", "sftp", "put", "_put"]);
  const isMethod = (name: string) => methods.has(name);

  it("takes the known names and connectors off the front, and nothing else", () => {
    expect(splitPrefixes("mkdir: _doMkdir: Failure /a", isMethod)).toEqual({
      prefixes: ["mkdir", "_doMkdir"],
      detail: "Failure /a",
    });
    expect(splitPrefixes("put: Re-thrown: _put: No such file", isMethod, ["Re-thrown: "])).toEqual({
      prefixes: ["put", "_put"],
      detail: "No such file",
    });
    expect(splitPrefixes("fastGet->sftp: Permission denied", isMethod).prefixes).toEqual([
      "fastGet",
      "sftp",
    ]);
    // A server's own "failure: ..." and a text with a space are no prefixes.
    expect(splitPrefixes("failure: disk full", isMethod).detail).toBe("failure: disk full");
    expect(splitPrefixes("Bad path: /x", isMethod).prefixes).toEqual([]);
  });

  it.each([
    ["Failure From: /a To: /b", undefined, "Failure", "/a"],
    ["Failure Local: /l Remote: /r", undefined, "Failure", "/r"],
    ["Permission denied Remote: /r Local: /l", undefined, "Permission denied", "/r"],
    ["No such file /p", undefined, "No such file", "/p"],
    ["No such file: /p", undefined, "No such file", "/p"],
    ["No such file: /p", "/p", "No such file", "/p"],
    ["mkdir /srv/in: file exists /srv/in", "/srv/in", "mkdir /srv/in: file exists", "/srv/in"],
    ["Failure", undefined, "Failure", undefined],
  ])("%j (known path %s): %j and %s", (detail, known, text, path) => {
    expect(splitTextAndPath(detail, known)).toEqual({ text, path });
  });
});

describe("findCause: the look after a generic refusal", () => {
  /** A server's tree as `ls -l` kinds; `full` for a disk with no space left. */
  function server(tree: Record<string, string>, options: { full?: boolean } = {}): PathLook {
    return {
      kind: async (path) => tree[path] ?? false,
      entries: async (dir) => Object.keys(tree).filter((p) => parentOf(p) === dir).length,
      freeSpace: async () => ({ bytes: options.full ? 0 : 1_000_000, inodes: 100 }),
      size: async (path) => (tree[path] ? 4 : undefined),
    };
  }
  const tree = { "/": "d", "/d": "d", "/d/f": "-", "/e": "d", "/l": "l", "/file": "-" };

  it.each([
    ["mkdir", "/d", undefined, "exists"],
    ["mkdir", "/nope/new", undefined, "parent-missing"],
    ["mkdir", "/file/new", undefined, "not-a-directory"],
    ["mkdir", "/l/new", undefined, undefined],
    ["rmdir", "/nope", undefined, "missing"],
    ["rmdir", "/file", undefined, "not-a-directory"],
    ["rmdir", "/d", undefined, "not-empty"],
    ["rmdir", "/e", undefined, undefined],
    ["rename", "/nope", "/x", "missing"],
    ["rename", "/file", "/d", "exists"],
    ["rename", "/file", "/nope/x", "parent-missing"],
    ["rename", "/file", "/d/g", undefined],
    ["download", "/nope", undefined, "missing"],
    ["download", "/d", undefined, "is-a-directory"],
    ["download", "/file", undefined, undefined],
    ["upload", "/d", undefined, "is-a-directory"],
    ["upload", "/file", undefined, undefined],
    ["upload", "/d/new", undefined, undefined],
  ] as const)("%s %s %s: %s", async (operation, path, to, finding) => {
    expect(await findCause(server(tree), operation, path, to, undefined)).toBe(finding);
  });

  it("finds no-space for an upload onto a full disk, a directory there first", async () => {
    const full = server(tree, { full: true });
    expect(await findCause(full, "upload", "/d/new", undefined, 1_000)).toBe("no-space");
    expect(await findCause(full, "upload", "/d", undefined, 1_000)).toBe("is-a-directory");
  });

  it("finds no-space for mkdir on a full disk; a failing or slow look finds nothing", async () => {
    expect(await findCause(server(tree, { full: true }), "mkdir", "/d/new", undefined, 1_000)).toBe(
      "no-space",
    );
    const failing: PathLook = { kind: () => Promise.reject(new Error("Permission denied")) };
    expect(await findCause(failing, "rmdir", "/d", undefined, undefined)).toBeUndefined();
    const silent: PathLook = { kind: () => new Promise(() => undefined) };
    expect(await findCause(silent, "rmdir", "/d", undefined, 20)).toBeUndefined();
  });

  it("listedFinding: what the listing of the directory shows of the entry", async () => {
    const listed: string[] = [];
    const list = async (dir: string) => {
      listed.push(dir);
      return [
        { name: "f", isDirectory: false },
        { name: "d", isDirectory: true },
      ];
    };
    expect(await listedFinding(list, "up", "f", 1_000)).toBe("present-but-refused");
    expect(await listedFinding(list, "up", "d", 1_000)).toBe("is-a-directory");
    expect(await listedFinding(list, ".", "g", 1_000)).toBe("missing");
    expect(listed).toEqual(["up", "up", ""]);
    const failing = () => Promise.reject(new Error("Permission denied"));
    expect(await listedFinding(failing, "up", "f", 1_000)).toBeUndefined();
    expect(await listedFinding(() => new Promise(() => undefined), "up", "f", 20)).toBeUndefined();
  });

  it("shortUpload: no-space when the rest does not fit, incomplete-upload otherwise", async () => {
    const look = (bytes: number): PathLook => ({
      kind: async () => "-",
      size: async () => 4,
      freeSpace: async () => ({ bytes, inodes: 10 }),
    });
    expect(await shortUpload(look(0), "sftp", "put", "/up/f", 10)).toMatchObject({
      protocol: "sftp",
      operation: "put",
      path: "/up/f",
      finding: "no-space",
      message: "put reported success, but the remote file holds 4 of 10 bytes",
    });
    expect((await shortUpload(look(1_000), "sftp", "put", "/up/f", 10))?.finding).toBe(
      "incomplete-upload",
    );
    expect(await shortUpload(look(0), "sftp", "put", "/up/f", 4)).toBeUndefined();
  });

  it("parentOf is Node's path.posix.dirname", () => {
    for (const path of ["", "/", "//", "/a", "/a/", "/a//b", "a", "a/b/", "//a", "///a/b//"]) {
      expect(parentOf(path), path).toBe(posix.dirname(path));
    }
    fc.assert(
      fc.property(fc.stringMatching(/^[/ab.]{0,12}$/), (path) => {
        expect(parentOf(path)).toBe(posix.dirname(path));
      }),
      runs(500),
    );
  });
});

describe("reconnectable", () => {
  function counting() {
    const made: { id: number; ended: boolean }[] = [];
    const connection = reconnectable({
      protocol: "sftp",
      open: async () => {
        const client = { id: made.length + 1, ended: false };
        made.push(client);
        return client;
      },
      retire: async (client) => {
        client.ended = true;
      },
    });
    return { made, connection };
  }

  it("refuses `client` before connect(); concurrent connects share one new client", async () => {
    const { made, connection } = counting();
    let thrown: unknown;
    try {
      void connection.client;
    } catch (error) {
      thrown = error;
    }
    expect(isTransferError(thrown) && thrown.reason).toBe("client-misuse");
    const [a, b] = await Promise.all([connection.connect(), connection.connect()]);
    expect(a).toBe(b);
    expect(made).toHaveLength(1);
    expect(connection.client).toBe(a);
  });

  it("a new connect() retires the previous client first; end() retires the current one", async () => {
    const { made, connection } = counting();
    await connection.connect();
    await connection.connect();
    expect(made.map((c) => c.ended)).toEqual([true, false]);
    await connection.end();
    expect(made.map((c) => c.ended)).toEqual([true, true]);
    expect(() => connection.client).toThrow();
  });

  it("a client that fails to connect is retired and its failure thrown; the current stays unset", async () => {
    const refused = new Error("All configured authentication methods failed");
    const retired: string[] = [];
    const connection = reconnectable({
      protocol: "sftp",
      open: async () => "new client",
      connect: async (client) => {
        if (client === "new client") throw refused;
      },
      retire: async (client) => {
        retired.push(client);
      },
    });
    await expect(connection.connect()).rejects.toBe(refused);
    expect(retired).toEqual(["new client"]);
    expect(() => connection.client).toThrow();
  });

  it("retire waits at most timeoutMs for end(), then destroys, and never fails", async () => {
    const destroyed: string[] = [];
    const hanging = { end: () => new Promise(() => undefined) };
    const started = performance.now();
    await retire(hanging, 30, () => destroyed.push("hanging"));
    expect(performance.now() - started).toBeLessThan(1_000);
    const failing = { end: () => Promise.reject(new Error("already closed")) };
    await retire(failing, 1_000, () => {
      destroyed.push("failing");
      throw new Error("no socket");
    });
    await retire(null, 10);
    expect(destroyed).toEqual(["hanging", "failing"]);
  });
});

describe("ConnectionLoss and listen", () => {
  it("keeps the first why and cause, and marks nothing after the application ended it", () => {
    const loss = new ConnectionLoss();
    loss.mark("its channel was closed");
    loss.mark("stat failed: timeout", "the timeout");
    expect([loss.why, loss.cause]).toEqual(["its channel was closed", "the timeout"]);
    expect(loss.refusal("stat", "SFTP session")).toBe(
      "stat was not sent: the SFTP session needs a new connection (its channel was closed)",
    );
    loss.reset();
    loss.ended = true;
    loss.mark("the connection was closed");
    expect(loss.why).toBeUndefined();
  });

  it("gives a refused call a cause: the failure, else what happened when nothing failed", () => {
    const failed = new ConnectionLoss();
    failed.mark("its channel was closed");
    failed.mark("stat failed: timeout", "the timeout");
    expect(failed.refusedCause()).toBe("the timeout");
    const closed = new ConnectionLoss();
    closed.mark("the connection was closed");
    expect((closed.refusedCause() as Error).message).toBe("the connection was closed");
    expect(closed.refusedCause()).toBe(closed.refusedCause());
    const ended = new ConnectionLoss();
    ended.end("end()");
    expect((ended.refusedCause("it was ended") as Error).message).toBe(
      "the application called end()",
    );
    // Never seen to close (a channel found closed): the refusal's why.
    expect((new ConnectionLoss().refusedCause("its channel is closed") as Error).message).toBe(
      "its channel is closed",
    );
    closed.reset();
    expect((closed.refusedCause("again") as Error).message).toBe("again");
  });

  it("markLossOn marks the loss on each event while `when` holds, an error as its cause", () => {
    const emitter = new EventEmitter();
    let watching = false;
    const loss = new ConnectionLoss();
    markLossOn(emitter, ["close", "error"], loss, "the channel was closed", () => watching);
    emitter.emit("close");
    expect(loss.why).toBeUndefined();
    watching = true;
    emitter.emit("close", true); // a flag, not an error: no cause
    expect([loss.why, loss.cause]).toEqual(["the channel was closed", undefined]);
    const reset = new Error("read ECONNRESET");
    const other = new ConnectionLoss();
    markLossOn(emitter, ["error"], other, "the connection was closed");
    emitter.emit("error", reset);
    expect(other.cause).toBe(reset);
    expect(() => markLossOn(undefined, ["close"], loss, "x")).not.toThrow();
  });

  it("listen puts one listener on each event of anything with `on`, and ignores the rest", () => {
    const seen: unknown[] = [];
    const on = vi.fn();
    listen({ on }, ["close", "error"], (error) => seen.push(error));
    expect(on.mock.calls.map((c) => c[0])).toEqual(["close", "error"]);
    on.mock.calls[1]![1]("boom");
    expect(seen).toEqual(["boom"]);
    expect(() => listen(undefined, ["close"], () => undefined)).not.toThrow();
    expect(() => listen({ on: 1 }, ["close"], () => undefined)).not.toThrow();
  });

  it("secretsIn reads an SSH config's password, passphrase and private key", () => {
    const config = { password: "pw-1", passphrase: "pp-2", privateKey: "key-3", host: "h" };
    expect(secretsIn(config)).toEqual(["pw-1", "pp-2", "key-3"]);
    expect(secretsIn(null)).toEqual([]);
  });
});

describe("answerOnce", () => {
  it("passes the reply on once; past the deadline, the deadline, then onExpire", async () => {
    vi.useFakeTimers();
    const answers: unknown[] = [];
    let expired = 0;
    const answer = answerOnce(
      "stat",
      100,
      (error, result) => answers.push(error ?? result),
      () => {
        expired++;
      },
    );
    await vi.advanceTimersByTimeAsync(100);
    answer(undefined, "too late");
    expect(answers).toHaveLength(1);
    expect(isDeadlineExceeded(answers[0])).toBe(true);
    expect(expired).toBe(1);
    expect(answer.cancel()).toBe(false);
  });

  it("a reply before the deadline stops its timer; cancel() ends the wait without an answer", async () => {
    vi.useFakeTimers();
    const answers: unknown[] = [];
    const answer = answerOnce("stat", 100, (_e, result) => answers.push(result));
    answer(undefined, "stats");
    await vi.advanceTimersByTimeAsync(200);
    expect(answers).toEqual(["stats"]);
    const cancelled = answerOnce("stat", 100, (e) => answers.push(e));
    expect(cancelled.cancel()).toBe(true);
    await vi.advanceTimersByTimeAsync(200);
    cancelled(new Error("after"));
    expect(answers).toEqual(["stats"]);
  });
});
