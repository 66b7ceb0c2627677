// The parts of a wrapper around a client that tells of its connection by events (node-ftp): where
// the connection stands and its pending calls (EventConnection), and the caller's 'error'
// listeners (convertingListeners). The ftp adapter's tests run them against real servers.
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  addStateSignals,
  convertingListeners,
  EventConnection,
  isDeadlineExceeded,
  wrapMethods,
} from "../src/adapter.js";

afterEach(() => {
  vi.useRealTimers();
});

class Connection extends EventConnection<EventEmitter> {
  unheard: unknown[] = [];
  protected override unclaimed(error: unknown): void {
    this.unheard.push(error);
  }
}

describe("EventConnection", () => {
  it("follows 'ready' and 'close'; an 'error' fails the pending calls, or goes to unclaimed", () => {
    const emitter = new EventEmitter();
    const connection = new Connection(emitter, "closed early");
    const failed: unknown[] = [];
    expect(connection.phase).toBe("idle");
    connection.connecting(undefined, () => undefined);
    expect(connection.phase).toBe("connecting");
    emitter.emit("ready");
    expect(connection.phase).toBe("ready");
    emitter.emit("error", "between calls");
    expect(connection.unheard).toEqual(["between calls"]);
    connection.pending.add((error) => failed.push(error));
    emitter.emit("error", "reset");
    expect(connection.lastError).toBe("reset");
    emitter.emit("close");
    expect(connection.phase).toBe("closed");
    expect(failed).toEqual(["reset", "reset"]);
    expect(connection.unheard).toEqual(["between calls"]);
  });

  it("a close with no error before it fails the pending calls with an Error of closedText", () => {
    const emitter = new EventEmitter();
    const connection = new Connection(emitter, "closed early");
    const failed: unknown[] = [];
    connection.pending.add((error) => failed.push(error));
    connection.connecting(undefined, () => undefined);
    emitter.emit("close");
    expect(failed).toEqual([new Error("closed early")]);
  });

  it("past the connect's deadline: close runs, then the client emits a DeadlineExceeded", () => {
    vi.useFakeTimers();
    const emitter = new EventEmitter();
    const connection = new Connection(emitter, "closed early");
    const close = vi.fn();
    connection.lastError = "before";
    connection.connecting(20, close);
    expect(connection.lastError).toBe(undefined);
    vi.advanceTimersByTime(25);
    expect(close).toHaveBeenCalledTimes(1);
    expect(connection.unheard).toHaveLength(1);
    expect(isDeadlineExceeded(connection.unheard[0])).toBe(true);
    expect(connection.phase).toBe("closed");
    // 'ready' in time: no deadline; none given: none either.
    connection.connecting(20, close);
    emitter.emit("ready");
    connection.connecting(undefined, close);
    vi.advanceTimersByTime(25);
    expect(close).toHaveBeenCalledTimes(1);
  });

  it("tells a reader of the connection: an error of no call while connecting is the connect's", () => {
    const emitter = new EventEmitter();
    const connection = new Connection(emitter, "closed early");
    connection.secrets.push("pw");
    Object.assign(connection, { tls: true, greeting: "220 ProFTPD" });
    expect(connection.context("get", "/a")).toEqual({
      operation: "get",
      path: "/a",
      closed: false,
      closedByApplication: false,
      connecting: undefined,
      tls: true,
      secrets: ["pw"],
      serverGreeting: "220 ProFTPD",
    });
    connection.closedByApplication = true;
    connection.connecting(undefined, () => undefined);
    expect(connection.context()).toMatchObject({ operation: "connect", connecting: true });
    expect(connection.closedByApplication).toBe(false);
    emitter.emit("close");
    expect(connection.context("pwd", undefined, true)).toMatchObject({
      operation: "pwd",
      closed: true,
      connecting: true,
    });
  });

  it("fail closes first, then the client emits the error", () => {
    const emitter = new EventEmitter();
    const connection = new Connection(emitter, "closed early");
    const order: unknown[] = [];
    emitter.on("error", (error) => order.push(["emitted", error]));
    connection.fail("wrong protocol", () => order.push("closed"));
    expect(order).toEqual(["closed", ["emitted", "wrong protocol"]]);
  });

  it("a call is unusable before the connect, after a loss, and after the application's end", () => {
    const emitter = new EventEmitter();
    const connection = new Connection(emitter, "closed early");
    expect(connection.unusable()).toBe("not-connected");
    connection.connecting(undefined, () => undefined);
    expect(connection.unusable()).toBe(undefined);
    emitter.emit("ready");
    expect(connection.unusable()).toBe(undefined);
    emitter.emit("close");
    expect(connection.unusable()).toBe("lost");
    connection.closedByApplication = true;
    expect(connection.unusable()).toBe("not-connected");
  });

  it("a client without `on` is not heard, and nothing throws", () => {
    const connection = new EventConnection({} as never, "closed");
    expect(connection.phase).toBe("idle");
  });
});

describe("addStateSignals", () => {
  it("adds the signals of the flags set, in the order they are read; tls is none", () => {
    const all = { closed: true, closedByApplication: true, connecting: true, tls: true };
    expect(addStateSignals(["deadline"], { ...all, dataReset: true, repeated: true })).toEqual([
      "deadline",
      "data-reset",
      "repeated",
      "connecting",
      "client-closed",
      "closed-by-application",
    ]);
    expect(addStateSignals([], { tls: true, closed: false })).toEqual([]);
  });
});

describe("convertingListeners", () => {
  it("the caller's 'error' listeners get the converted error; removing one works; chains stay wrapped", () => {
    const emitter = new EventEmitter();
    const listeners = convertingListeners(
      emitter,
      (error) => ({ converted: error }),
      () => proxy,
    );
    const proxy: EventEmitter = wrapMethods(emitter, listeners);
    const seen: unknown[] = [];
    const removed = (error: unknown) => seen.push(["removed", error]);
    const heard = function (this: unknown, error: unknown) {
      seen.push([this === proxy, error]);
    };
    expect(proxy.on("error", removed).once("error", heard)).toBe(proxy);
    proxy.removeListener("error", removed);
    emitter.on("error", (error) => seen.push(["own", error]));
    emitter.emit("error", "reset");
    expect(seen).toEqual([
      [true, { converted: "reset" }],
      ["own", "reset"],
    ]);
    proxy.on("data", (chunk) => seen.push(chunk));
    emitter.emit("data", "chunk");
    expect(seen.at(-1)).toBe("chunk");
    expect(listeners("emit", () => undefined)).toBe(undefined);
  });
});
