// The helpers the FTP wrappers share: the short-transfer check, the memory of data resets, the
// secrets of TLS options. The adapters' integration tests run them against real servers.
import { describe, expect, it } from "vitest";
import {
  checkedTransfer,
  connecting,
  countedThrough,
  createTransferError,
  ftpSession,
  isResetCode,
  isShortTransfer,
  markLoss,
  ResetMemory,
  readDataReset,
  reconnectorOf,
  ShortTransfer,
  shortfall,
  type TransferCheck,
  type TransferKind,
  tlsSecretsOf,
  watchFtpGreeting,
} from "../src/adapter.js";

describe("shortfall", () => {
  it("a download: fewer bytes than SIZE before it, minus where it started", () => {
    const short = shortfall({ kind: "download", path: "f", moved: 100, before: 1000 });
    expect(short).toBeInstanceOf(ShortTransfer);
    expect(short).toMatchObject({ kind: "download", expected: 1000, actual: 100 });
    expect(short?.message).toBe(
      'Short transfer: 100 of 1000 bytes of "f" arrived (the server\'s SIZE); the data connection closed early',
    );
    expect(shortfall({ kind: "download", path: "f", moved: 600, before: 1000, startAt: 400 })).toBe(
      undefined,
    );
    expect(
      shortfall({ kind: "download", path: "f", moved: 500, before: 1000, startAt: 400 }),
    ).toMatchObject({ expected: 600, actual: 500 });
  });

  it("an upload: the server holds less than was sent; an append: it grew by less", () => {
    expect(shortfall({ kind: "store", path: "f", moved: 1000, after: 10 })).toMatchObject({
      expected: 1000,
      actual: 10,
    });
    expect(
      shortfall({ kind: "append", path: "f", moved: 50, before: 20, after: 40 }),
    ).toMatchObject({ expected: 50, actual: 20 });
    expect(shortfall({ kind: "append", path: "f", moved: 50, before: 20, after: 70 })).toBe(
      undefined,
    );
  });

  it("more than expected is not short (a file that grows); a missing size tells nothing", () => {
    expect(shortfall({ kind: "download", path: "f", moved: 2000, before: 1000 })).toBe(undefined);
    expect(shortfall({ kind: "download", path: "f", moved: 0 })).toBe(undefined);
    expect(shortfall({ kind: "store", path: "f", moved: 10 })).toBe(undefined);
    expect(shortfall({ kind: "append", path: "f", moved: 10, after: 5 })).toBe(undefined);
  });

  it("is recognised across copies of the package (a Symbol.for brand), and only then", () => {
    expect(isShortTransfer(new ShortTransfer("store", "f", 2, 1))).toBe(true);
    expect(isShortTransfer({ [Symbol.for("transfer-errors.ShortTransfer")]: true })).toBe(true);
    expect(isShortTransfer(new Error("Short transfer: 1 of 2 bytes"))).toBe(false);
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("no");
        },
      },
    );
    expect(isShortTransfer(hostile)).toBe(false);
  });
});

describe("checkedTransfer", () => {
  /** A transfer that moves `moved` bytes, on a server whose SIZE answers `sizes` in turn. */
  function check(kind: TransferKind, moved: number | undefined, sizes: (number | undefined)[]) {
    const said: string[] = [];
    const ran: string[] = [];
    const transfer: TransferCheck = {
      kind,
      path: "f",
      startAt: 0,
      run: async () => {
        ran.push("run");
        return "done";
      },
      count: async (work) => ({ value: await work(), bytes: moved }),
      size: async () => sizes.shift(),
      unchecked: (why) => said.push(why),
    };
    return { transfer, said, ran };
  }

  it("throws the ShortTransfer the counts show, else resolves with the transfer's value", async () => {
    const short = check("download", 10, [100]);
    await expect(checkedTransfer(short.transfer)).rejects.toMatchObject({
      expected: 100,
      actual: 10,
    });
    await expect(checkedTransfer(check("store", 100, [100]).transfer)).resolves.toBe("done");
    const append = check("append", 50, [20, 40]);
    await expect(checkedTransfer(append.transfer)).rejects.toSatisfy(isShortTransfer);
  });

  it("runs unchecked, and says why, without a size or a byte count", async () => {
    const noSize = check("download", 10, [undefined]);
    await expect(checkedTransfer(noSize.transfer)).resolves.toBe("done");
    expect([noSize.said, noSize.ran]).toEqual([["no SIZE"], ["run"]]);
    const noCount = check("store", undefined, [5]);
    await expect(checkedTransfer(noCount.transfer)).resolves.toBe("done");
    expect(noCount.said).toEqual(["the progress handler was replaced during the transfer"]);
    const noSizeAfter = check("store", 10, [undefined]);
    await expect(checkedTransfer(noSizeAfter.transfer)).resolves.toBe("done");
    expect(noSizeAfter.said).toEqual(["no SIZE after the upload"]);
  });
});

describe("countedThrough", () => {
  const bytesOf = (info: { type: string; bytes: number }) =>
    info.type === "list" ? undefined : info.bytes;

  it("counts what the handler is told, still calls it, and puts it back", async () => {
    const seen: unknown[] = [];
    const handler = (info: unknown) => seen.push(info);
    const holder: Record<string, unknown> = { onHandle: handler };
    const counted = await countedThrough(holder, "onHandle", bytesOf, async () => {
      const call = holder.onHandle as (info: unknown) => void;
      call({ type: "download", bytes: 7 });
      call({ type: "list", bytes: 99 });
      return "value";
    });
    expect(counted).toEqual({ value: "value", bytes: 7 });
    expect(seen).toHaveLength(2);
    expect(holder.onHandle).toBe(handler);
  });

  it("no count without a handler, or when it was replaced meanwhile", async () => {
    const work = async () => "v";
    expect(await countedThrough(undefined, "onHandle", bytesOf, work)).toEqual({
      value: "v",
      bytes: undefined,
    });
    const holder: Record<string, unknown> = { onHandle: () => undefined };
    const replaced = () => undefined;
    const counted = await countedThrough(holder, "onHandle", bytesOf, async () => {
      holder.onHandle = replaced;
      return "v";
    });
    expect(counted.bytes).toBe(undefined);
    expect(holder.onHandle).toBe(replaced);
  });
});

describe("markLoss", () => {
  const loss = (cause: unknown) =>
    createTransferError({ protocol: "ftp", signals: ["client-closed"], cause });

  it("marks a failure that needs a reconnect with how, or null; leaves others unmarked", () => {
    const reopen = () => "reopened";
    expect(reconnectorOf(markLoss(loss(new Error("x")), reopen, () => false))).toBe(reopen);
    expect(reconnectorOf(markLoss(loss(new Error("x")), null, () => false))).toBe(null);
    const refusal = createTransferError({ protocol: "ftp", code: 550 });
    expect(reconnectorOf(markLoss(refusal, reopen, () => false))).toBe(undefined);
  });

  it("a short transfer on an open session reopens only once the session closed", () => {
    let open = true;
    const error = createTransferError({
      protocol: "ftp",
      signals: ["short-transfer"],
      cause: new ShortTransfer("download", "f", 10, 5),
    });
    expect(error.retry.reconnect).toBe(true);
    const mark = reconnectorOf(
      markLoss(
        error,
        () => "reopened",
        () => open,
      ),
    );
    expect(mark?.(error)).toBe(undefined);
    open = false;
    expect(mark?.(error)).toBe("reopened");
  });
});

describe("ftpSession, connecting, watchFtpGreeting", () => {
  it("collects the connect options' secrets and TLS, and the greeting's first line", async () => {
    const session = ftpSession();
    connecting(session, { password: "pw", secure: true } as never);
    expect(session).toMatchObject({ secure: true, secrets: ["pw"] });
    connecting(session, undefined);
    expect(session.secure).toBe(false);
    const { EventEmitter } = await import("node:events");
    const socket = new EventEmitter();
    const wrong: unknown[] = [];
    watchFtpGreeting(session, socket, (error) => wrong.push(error));
    socket.emit("data", "220 ProFTPD Server ready.\r\n");
    expect([session.greeting, wrong]).toEqual(["220 ProFTPD Server ready.", []]);
    const ssh = new EventEmitter();
    watchFtpGreeting(session, ssh, (error) => wrong.push(error));
    ssh.emit("data", "SSH-2.0-OpenSSH_9.2\r\n");
    expect(wrong).toHaveLength(1);
  });
});

describe("ResetMemory", () => {
  it("the same reset again for the same call and path is repeated; a success forgets it", () => {
    const memory = new ResetMemory();
    expect(memory.note("downloadTo", "a")).toBe(false);
    expect(memory.note("downloadTo", "b")).toBe(false);
    expect(memory.note("uploadFrom", "a")).toBe(false);
    expect(memory.note("downloadTo", "a")).toBe(true);
    memory.forget("downloadTo", "a");
    expect(memory.note("downloadTo", "a")).toBe(false);
    expect(memory.note("list", undefined)).toBe(false);
    expect(memory.note("list", undefined)).toBe(true);
  });

  it("knows the codes of a reset", () => {
    expect(["ECONNRESET", "EPIPE", "ECONNABORTED"].map(isResetCode)).toEqual([true, true, true]);
    expect(["ETIMEDOUT", 550, undefined].map(isResetCode)).toEqual([false, false, false]);
  });

  it("readDataReset: a reset of an operation that sends a data command is a data reset, noted", () => {
    const memory = new ResetMemory();
    const get = { commands: ["RETR"] };
    expect(readDataReset(memory, "ECONNRESET", "get", "/a", get)).toEqual({
      dataReset: true,
      repeated: false,
    });
    expect(readDataReset(memory, "EPIPE", "get", "/a", get)).toEqual({
      dataReset: true,
      repeated: true,
    });
    for (const commands of [["STOR"], ["APPE"], ["LIST"], ["MLSD"]]) {
      expect(readDataReset(memory, "ECONNRESET", "op", undefined, { commands })).toMatchObject({
        dataReset: true,
      });
    }
    // Not a reset, no data command, no traits or no operation: nothing, and nothing noted.
    expect(readDataReset(memory, "ETIMEDOUT", "get", "/b", get)).toEqual({});
    expect(
      readDataReset(memory, "ECONNRESET", "rename", "/b", { commands: ["RNFR", "RNTO"] }),
    ).toEqual({});
    expect(readDataReset(memory, "ECONNRESET", "pwd", undefined, undefined)).toEqual({});
    expect(readDataReset(memory, "ECONNRESET", undefined, "/b", get)).toEqual({});
    expect(memory.note("rename", "/b")).toBe(false);
  });
});

describe("tlsSecretsOf", () => {
  it("the passphrase, key and pfx of TLS options; nothing from anything else", () => {
    expect(tlsSecretsOf({ passphrase: "pass-phrase-1", ca: "not a secret", pfx: "pfx-1" })).toEqual(
      ["pass-phrase-1", "pfx-1"],
    );
    expect(tlsSecretsOf(undefined)).toEqual([]);
    expect(tlsSecretsOf("a string")).toEqual([]);
  });
});
