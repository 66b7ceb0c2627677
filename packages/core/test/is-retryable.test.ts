import { describe, expect, it } from "vitest";
import { classify } from "../src/classify.js";
import { createTransferError } from "../src/error.js";
import { failureOf } from "../src/from-unknown.js";
import { isRetryable } from "../src/is-retryable.js";

const err = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message ?? "")), fields);

describe("isRetryable", () => {
  it("reads a TransferError's own decision", () => {
    expect(isRetryable(createTransferError({ protocol: "ftp", code: 421 }))).toBe(true);
    expect(isRetryable(createTransferError({ protocol: "ftp", code: 550 }))).toBe(false);
  });

  it("reads raw client errors by their shape", () => {
    expect(isRetryable(err({ code: "ECONNRESET" }))).toBe(true);
    expect(isRetryable(err({ code: "ENOTFOUND" }))).toBe(false);
    expect(isRetryable(err({ code: 450, message: "450 Temporarily busy" }))).toBe(true);
    expect(isRetryable(err({ code: 550, message: "550 No such file" }))).toBe(false);
    expect(isRetryable(err({ code: 530, message: "530 Too many users, try later" }))).toBe(true);
    expect(isRetryable(err({ code: 2, message: "No such file" }))).toBe(false);
    // ssh2's disconnect: TOO_MANY_CONNECTIONS, not SSH_FX_WRITE_PROTECT
    expect(isRetryable(err({ code: 12, level: "protocol" }))).toBe(true);
  });

  it("says false for values with nothing to go on", () => {
    for (const v of [undefined, null, 0, "", {}, new Error("boom"), Symbol("x")])
      expect(isRetryable(v)).toBe(false);
  });
});

describe("isRetryable agrees with the full classification on codes alone", () => {
  const systemCodes = [
    "ECONNRESET",
    "ENOENT",
    "EAI_AGAIN",
    "CERT_HAS_EXPIRED",
    "EBUSY",
    "ENOSPC",
    "NOPE",
  ];
  const cases: { code: number | string; level?: string }[] = [
    ...Array.from({ length: 700 }, (_, code) => ({ code })),
    ...Array.from({ length: 16 }, (_, code) => ({ code, level: "protocol" })),
    ...[10054, 10060, 10061, 10066, 10068, 10000].map((code) => ({ code })),
    ...systemCodes.map((code) => ({ code })),
  ];
  it.each(cases)("%o", ({ code, level }) => {
    const raw = err(level ? { code, level } : { code, message: "x" });
    const failure = failureOf(raw);
    expect(isRetryable(raw)).toBe(
      classify({ ...failure, message: undefined, serverMessage: undefined }).retry.retryable,
    );
  });
});
