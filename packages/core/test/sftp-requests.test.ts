// Which SFTP request got a failing status: RequestWatch on a stand-in of ssh2's SFTP object (its
// request methods answer through a callback, and one can call another, as readdir of a path calls
// opendir), and the catalog's entries read for the request seen alone. The real ssh2 channel is
// watched in ssh2-sftp-client's wrapper tests against OpenSSH.
import { describe, expect, it } from "vitest";
import {
  createTransferError,
  type Failure,
  failedRequestOf,
  RequestWatch,
  sftpRequestOf,
  sftpStreamMethods,
} from "../src/adapter.js";
import { lookUpReply, type ReplyCatalog } from "../src/catalog.js";

type Callback = (error?: unknown, value?: unknown) => void;

const status = (code: number, message: string) => Object.assign(new Error(message), { code });

/** A stand-in of ssh2's SFTP object whose requests fail with `answers[request]`. */
function channelOf(answers: Record<string, unknown>) {
  const answer = (request: string, cb: Callback) => queueMicrotask(() => cb(answers[request]));
  return {
    open(_path: string, _flags: string, cb: Callback) {
      answer("OPEN", cb);
    },
    read(_handle: unknown, _buf: unknown, _off: number, _len: number, _pos: number, cb: Callback) {
      answer("READ", cb);
    },
    opendir(_path: string, cb: Callback) {
      answer("OPENDIR", cb);
    },
    /** As ssh2's: with a path, opendir first (on the object), then READDIR on the handle. */
    readdir(where: unknown, cb: Callback) {
      if (typeof where === "string") {
        this.opendir(where, (error) => (error ? cb(error) : this.readdir(Buffer.from("h"), cb)));
        return;
      }
      answer("READDIR", cb);
    },
    unlink(_path: string, cb: Callback) {
      answer("REMOVE", cb);
    },
  };
}

const called = <T>(run: (cb: Callback) => void) =>
  new Promise<T>((resolve) => run((error) => resolve(error as T)));

describe("RequestWatch", () => {
  it("records the request each failing status answered, and passes every answer on unchanged", async () => {
    const missing = status(2, "No such file");
    const stale = status(4, "Failure");
    const channel = channelOf({ OPEN: missing, READ: stale });
    const watch = new RequestWatch();
    watch.watch(channel);
    let self: unknown;
    const got = await called((cb) =>
      channel.open("/x", "r", function (this: unknown, error) {
        self = this;
        cb(error);
      }),
    );
    expect(got).toBe(missing);
    expect(self).toBeUndefined();
    expect(failedRequestOf(missing)).toBe("OPEN");
    expect(await called((cb) => channel.read(Buffer.from("h"), Buffer.alloc(1), 0, 1, 0, cb))).toBe(
      stale,
    );
    expect(failedRequestOf(stale)).toBe("READ");
    // No error, no record; a value that is no status is not one.
    expect(await called((cb) => channel.unlink("/x", cb))).toBeUndefined();
    expect(failedRequestOf({})).toBeUndefined();
    expect(failedRequestOf(undefined)).toBeUndefined();
  });

  it("gives a failure the request that sent it, not the method around it (readdir of a path: OPENDIR)", async () => {
    const gone = status(2, "No such file");
    const channel = channelOf({ OPENDIR: gone });
    const watch = new RequestWatch();
    watch.watch(channel);
    expect(await called((cb) => channel.readdir("/d", cb))).toBe(gone);
    expect(failedRequestOf(gone)).toBe("OPENDIR");
    const stale = status(4, "Failure");
    const other = channelOf({ READDIR: stale });
    watch.watch(other);
    await called((cb) => other.readdir("/d", cb));
    expect(failedRequestOf(stale)).toBe("READDIR");
  });

  it("finds the request of an error its client rebuilt, by code and text, since the call's mark", async () => {
    const channel = channelOf({
      OPEN: status(2, "No such file"),
      REMOVE: status(2, "No such file"),
    });
    const watch = new RequestWatch();
    watch.watch(channel);
    const rebuilt = Object.assign(new Error("get: No such file /x"), { code: 2, custom: true });
    const before = watch.mark();
    await called((cb) => channel.open("/x", "r", cb));
    expect(watch.failedSince(before, rebuilt)).toBe("OPEN");
    // Another code or text, or a mark after the failure: not this request's.
    expect(watch.failedSince(before, { ...rebuilt, code: 4, message: rebuilt.message })).toBe(
      undefined,
    );
    expect(watch.failedSince(before, new Error("get: Permission denied /x"))).toBeUndefined();
    expect(watch.failedSince(watch.mark(), rebuilt)).toBeUndefined();
    expect(watch.failedSince(undefined, rebuilt)).toBeUndefined();
    // Two requests failed alike meanwhile (concurrent calls): which one is this call's is unknown.
    await called((cb) => channel.unlink("/x", cb));
    expect(watch.failedSince(before, rebuilt)).toBeUndefined();
  });

  it("watches a channel once, and leaves alone what it cannot watch, without throwing", async () => {
    const missing = status(2, "No such file");
    const channel = channelOf({ OPEN: missing });
    const watch = new RequestWatch();
    watch.watch(channel);
    const wrapper = channel.open;
    watch.watch(channel);
    expect(channel.open).toBe(wrapper);
    for (const value of [undefined, null, 5, "x", Object.freeze(channelOf({}))]) {
      expect(() => watch.watch(value)).not.toThrow();
    }
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no");
        },
      },
    );
    expect(() => watch.watch(hostile)).not.toThrow();
    expect(watch.failedSince(0, hostile)).toBeUndefined();
  });
});

describe("the failed request as a fact", () => {
  const catalog: ReplyCatalog = {
    sftp: { 2: [["No such file", "not-found", 0]] },
    products: [
      {
        product: "OpenSSH sftp-server",
        protocol: "sftp",
        greeting: "^SSH-2\\.0-OpenSSH_",
        replies: {
          2: [
            ["No such file", "client-misuse", 4, ["READ"]],
            ["No such file", "not-found", 0],
          ],
          4: [["Failure", "already-exists", 0, ["MKDIR"]]],
        },
      },
    ],
  };
  const greeting = "SSH-2.0-OpenSSH_9.2p1";
  const get = (request?: string): Failure => ({
    protocol: "sftp",
    code: 2,
    serverMessage: "No such file",
    operation: "get",
    traits: { commands: ["OPEN", "READ", "CLOSE"] },
    catalog,
    serverGreeting: greeting,
    request,
  });

  it("reads an entry keyed to a handle request only when that request was seen to fail", () => {
    expect(createTransferError(get("READ")).reason).toBe("client-misuse");
    expect(createTransferError(get("OPEN")).reason).toBe("not-found");
    // Unseen, get's READ among its commands does not make every "No such file" a misuse.
    expect(createTransferError(get()).reason).toBe("not-found");
    expect(lookUpReply(catalog, "sftp", 2, "No such file", ["READ"], greeting)?.reason).toBe(
      "not-found",
    );
    expect(
      lookUpReply(catalog, "sftp", 2, "No such file", undefined, greeting, "READ")?.reason,
    ).toBe("client-misuse");
  });

  it("reads command-keyed entries for the request seen alone, not the operation's other commands", () => {
    const mkdir = (request?: string) =>
      lookUpReply(catalog, "sftp", 4, "Failure", ["MKDIR", "STAT"], greeting, request);
    expect(mkdir()?.reason).toBe("already-exists");
    expect(mkdir("MKDIR")?.reason).toBe("already-exists");
    expect(mkdir("STAT")).toBeUndefined();
  });

  it("keeps the request through a hostile or odd Failure, and decides again when it differs", () => {
    expect(createTransferError({ ...get(), request: 5 as never }).reason).toBe("not-found");
    const error = createTransferError(get("READ"));
    expect([error.request, error.toJSON().request]).toEqual(["READ", "READ"]);
    expect(createTransferError(get()).toJSON().request).toBeUndefined();
    // The decision cache keys on the request: the same texts read per request.
    expect(createTransferError(get("OPEN")).reason).toBe("not-found");
    expect(createTransferError(get("READ")).reason).toBe("client-misuse");
  });

  it("names the one request a method of ssh2's SFTP object sends, and none for several", () => {
    const named = ["open", "unlink", "ext_openssh_rename", "fchmod", "utimes", "readData"];
    expect(named.map(sftpRequestOf)).toEqual([
      "OPEN",
      "REMOVE",
      "EXTENDED",
      "FSETSTAT",
      "SETSTAT",
      "READ",
    ]);
    for (const several of ["fastGet", "readFile", "createReadStream", "exists", "constructor"])
      expect(sftpRequestOf(several)).toBeUndefined();
    expect(sftpRequestOf(undefined)).toBeUndefined();
  });
});

describe("sftpStreamMethods", () => {
  it("names the methods that return a stream at once, and no request method", () => {
    expect([...sftpStreamMethods].sort()).toEqual(["createReadStream", "createWriteStream"]);
    for (const method of sftpStreamMethods) expect(sftpRequestOf(method)).toBeUndefined();
  });
});
