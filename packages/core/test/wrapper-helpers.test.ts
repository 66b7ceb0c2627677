// The helpers the FTP wrappers share: the short-transfer check, the memory of data resets, the
// secrets of TLS options. The adapters' integration tests run them against real servers.
import { describe, expect, it } from "vitest";
import {
  isResetCode,
  isShortTransfer,
  ResetMemory,
  readDataReset,
  ShortTransfer,
  shortfall,
  tlsSecretsOf,
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
