import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { isTransferError } from "../src/brand.js";
import { createTransferError, TransferError } from "../src/error.js";

const password = "Tr0ub4dor&3";

describe("TransferError", () => {
  const cause = Object.assign(new Error("550 Failed to open file."), { code: 550 });
  const error = new TransferError({
    protocol: "ftp",
    code: 550,
    serverMessage: "Failed to open file.",
    operation: "downloadTo",
    path: "/pub/missing.txt",
    cause,
  });

  it("carries every field of the contract", () => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("TransferError");
    expect(error).toMatchObject({
      protocol: "ftp",
      code: 550,
      codeName: "FILE_UNAVAILABLE",
      reason: "file-unavailable",
      retryable: false,
      serverMessage: "Failed to open file.",
      operation: "downloadTo",
      path: "/pub/missing.txt",
    });
    expect(error.retry).toMatchObject({ retryable: false, reconnect: false });
    expect(error.retry.why).toMatch(/550/);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      'FTP 550 FILE_UNAVAILABLE in downloadTo "/pub/missing.txt": Failed to open file.',
    );
    expect(error.explanation).toContain("Failed to open file.");
    expect(isTransferError(error)).toBe(true);
  });

  it("serialises to plain data without the cause object", () => {
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({ protocol: "ftp", code: 550, reason: "file-unavailable" });
    expect(json.cause).toEqual({ name: "Error", message: "550 Failed to open file.", code: 550 });
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(["retry", "explanation", "serverMessage"]),
    );
  });

  it("shows its fields in util.inspect", () => {
    const text = inspect(error);
    expect(text).toContain("TransferError: FTP 550");
    expect(text).toContain("reason: 'file-unavailable'");
  });

  it("does not advise a retry that its hint refuses (an append cut off mid-way)", () => {
    const e = createTransferError({
      protocol: "ftp",
      code: "ECONNRESET",
      operation: "appendFrom",
      traits: { idempotent: false },
    });
    expect(e.retry).toMatchObject({ retryable: false, ambiguous: true });
    expect(e.explanation).not.toMatch(/reconnect and retry/i);
    expect(e.explanation).toMatch(/may already have taken effect/);
    const plain = createTransferError({ protocol: "ftp", code: "ECONNRESET", operation: "list" });
    expect(plain.explanation).toMatch(/reconnect and retry/i);
  });

  it("ignores a reason that is not one of the contract's", () => {
    const e = new TransferError({ protocol: "ftp", code: 550, reason: "bogus" as never });
    expect(e.reason).toBe("file-unavailable");
    expect(e.retryable).toBe(false);
  });

  it("classifies on the server's text as sent, and shows it redacted", () => {
    // The password is also a word of the reply: the decision must not change with it.
    const e = createTransferError({
      protocol: "ftp",
      code: 550,
      serverMessage: "No such file or directory",
      secrets: ["such"],
    });
    expect(e.reason).toBe("not-found");
    expect(e.serverMessage).toBe("No *** file or directory");
    expect(e.retry.why).not.toContain("such");
    // "full": a full disk stays the retryable no-space, not the permanent quota-exceeded.
    const full = createTransferError({
      protocol: "ftp",
      code: 552,
      serverMessage: "Disk full",
      secrets: ["full"],
    });
    expect([full.reason, full.retryable, full.serverMessage]).toEqual([
      "no-space",
      true,
      "Disk ***",
    ]);
  });

  it("keeps the multi-line server text", () => {
    const e = new TransferError({
      protocol: "ftp",
      code: 550,
      serverMessage: "line one\nline two",
    });
    expect(e.serverMessage).toBe("line one\nline two");
  });

  it("never shows a secret: message, explanation, JSON, inspect", () => {
    const leaky = new Error(
      `connect failed for ftp://alice:${password}@example.com with password=${password}`,
    );
    const e = createTransferError({
      protocol: "ftp",
      code: 530,
      serverMessage: `Login incorrect for ${password}`,
      message: leaky.message,
      path: `ftp://alice:${password}@example.com/x`,
      operation: "downloadTo",
      cause: leaky,
      secrets: [password],
    });
    for (const text of [
      e.message,
      e.explanation,
      JSON.stringify(e),
      inspect(e),
      String(e.path),
      e.stack ?? "",
    ]) {
      expect(text).not.toContain(password);
    }
    // The original stays reachable; what loggers walk (`cause`) is its redacted copy.
    expect(e.originalError).toBe(leaky);
    expect(e.cause).toBeInstanceOf(Error);
    expect((e.cause as Error).message).toBe(
      "connect failed for ftp://***@example.com with password=***",
    );
  });

  it("masks URL credentials in a path even when the secret is not known", () => {
    const e = createTransferError({
      protocol: "ftp",
      code: 550,
      operation: "downloadTo",
      path: "ftp://alice:opensesame@example.com/x",
    });
    for (const text of [e.message, JSON.stringify(e), inspect(e)]) {
      expect(text).not.toContain("opensesame");
    }
    expect(e.path).toBe("ftp://***@example.com/x");
  });

  it("is recognised across two copies of the package", async () => {
    const { mkdtemp, cp } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dist = new URL("../dist/", import.meta.url);
    const copies = [] as {
      TransferError: typeof TransferError;
      isTransferError: typeof isTransferError;
    }[];
    for (const n of [1, 2]) {
      const dir = await mkdtemp(join(tmpdir(), `te-copy${n}-`));
      await cp(dist, dir, { recursive: true });
      copies.push(await import(join(dir, "index.js")));
    }
    const [a, b] = copies as [(typeof copies)[0], (typeof copies)[0]];
    const fromA = new a.TransferError({ protocol: "sftp", code: 2 });
    expect(fromA instanceof b.TransferError).toBe(false);
    expect(b.isTransferError(fromA)).toBe(true);
    expect(isTransferError(fromA)).toBe(true);
    expect(a.isTransferError(new Error("plain"))).toBe(false);
  });
});
