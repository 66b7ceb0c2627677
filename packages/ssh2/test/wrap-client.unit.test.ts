// wrapClient on fake sessions (no server): the callback's own throws, late replies after the
// deadline, a closed channel, values that are not ssh2's, and what is left untouched.
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isTransferError, needsReconnect, type TransferError, wrapClient } from "../src/index.js";

/** A fake SFTPWrapper: `stat` answers as told, `outgoing.state` is the channel's. */
class FakeSftp extends EventEmitter {
  outgoing = { state: "open" };
  ended = 0;
  answer: ((cb: (error: unknown, result?: unknown) => void) => void) | undefined;
  stat(_path: string, cb: (error: unknown, result?: unknown) => void): void {
    this.answer?.(cb);
  }
  exists(_path: string, cb: (exists: boolean) => void): void {
    cb(true);
  }
  end(): void {
    this.ended++;
    this.outgoing.state = "closed";
    this.emit("close");
  }
}

function statOf(sftp: FakeSftp): Promise<{ error: unknown; result: unknown }> {
  return new Promise((resolve) => sftp.stat("/p", (error, result) => resolve({ error, result })));
}

afterEach(() => {
  vi.useRealTimers();
});

describe("wrapClient on a fake session", () => {
  it("passes results through and converts errors", async () => {
    const raw = new FakeSftp();
    const sftp = wrapClient(raw);
    raw.answer = (cb) => setImmediate(() => cb(undefined, "stats"));
    expect(await statOf(sftp)).toEqual({ error: undefined, result: "stats" });
    raw.answer = (cb) =>
      setImmediate(() => cb(Object.assign(new Error("No such file"), { code: 2 })));
    const { error } = await statOf(sftp);
    expect(isTransferError(error) && [error.reason, error.operation, error.path]).toEqual([
      "not-found",
      "stat",
      "/p",
    ]);
  });

  it("what the callback itself throws is thrown as it is, never read as the server's error", () => {
    const raw = new FakeSftp();
    raw.answer = (cb) => cb(undefined, "at once");
    const mine = new Error("the application's own bug");
    expect(() =>
      wrapClient(raw).stat("/p", () => {
        throw mine;
      }),
    ).toThrow(mine);
  });

  it("the deadline answers once, ends the channel, and ignores the late reply", async () => {
    vi.useFakeTimers();
    const raw = new FakeSftp();
    let late: ((error: unknown, result?: unknown) => void) | undefined;
    raw.answer = (cb) => {
      late = cb;
    };
    const sftp = wrapClient(raw, { timeoutMs: 1_000 });
    const calls: unknown[] = [];
    sftp.stat("/p", (error) => calls.push(error));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(1);
    const error = calls[0] as TransferError;
    expect([error.reason, error.retryable, error.retry.reconnect]).toEqual(["timeout", true, true]);
    expect(raw.ended).toBe(1);
    expect(needsReconnect(sftp)).toBe(true);
    late?.(undefined, "too late");
    expect(calls).toHaveLength(1);
  });

  it("a closed channel: the call is answered at once (ssh2 would never call back)", async () => {
    const raw = new FakeSftp();
    const sftp = wrapClient(raw);
    raw.outgoing.state = "closed";
    raw.emit("close");
    const { error } = await statOf(sftp);
    expect(isTransferError(error) && [error.reason, error.retryable]).toEqual([
      "connection-lost",
      true,
    ]);
  });

  it("exists() and the events are left as they are", async () => {
    const raw = new FakeSftp();
    const sftp = wrapClient(raw);
    expect(await new Promise((resolve) => sftp.exists("/p", resolve))).toBe(true);
    expect(sftp.on).toBe(raw.on);
    expect(sftp.emit).toBe(raw.emit);
  });

  it("wraps any object without failing: no `on`, no channel state", () => {
    const plain = { stat: (_p: string, cb: (e: unknown) => void) => cb(new Error("Failure")) };
    let seen: unknown;
    wrapClient(plain).stat("/x", (error) => {
      seen = error;
    });
    expect(isTransferError(seen)).toBe(true);
  });
});
