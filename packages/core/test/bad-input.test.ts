import { runs } from "@transfer-errors/testkit/fast-check";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTransferError } from "../src/brand.js";
import { createTransferError } from "../src/error.js";
import { isRetryable } from "../src/is-retryable.js";
import { isReason } from "../src/reasons.js";
import { explain } from "../src/registry.js";

function circular(): object {
  const a: Record<string, unknown> = { name: "Error" };
  a.self = a;
  a.cause = a;
  return a;
}

function throwingGetters(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new Error("getter throws");
      },
      has() {
        throw new Error("has throws");
      },
    },
  );
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const hostile = fc.oneof(
  fc.anything({
    withBigInt: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom(undefined, null, Number.NaN, Infinity, -1, 1e308, 10 ** 21, -0),
  fc.string({ maxLength: 2000 }),
  fc.bigInt(),
  fc.constant(Symbol("s")),
  fc.constant(circular()),
  fc.constant("x".repeat(1_000_000)),
  fc.record({
    code: fc.anything(),
    message: fc.anything(),
    name: fc.anything(),
    level: fc.anything(),
  }),
);

describe("bad input never throws", () => {
  it("explain returns undefined or an entry", () => {
    fc.assert(
      fc.property(hostile, fc.anything(), (code, protocol) => {
        const info = explain(code, protocol as never);
        expect(info === undefined || typeof info.name === "string").toBe(true);
      }),
      runs(500),
    );
  });

  it("isRetryable returns a boolean", () => {
    fc.assert(
      fc.property(hostile, (value) => {
        expect(typeof isRetryable(value)).toBe("boolean");
      }),
      runs(500),
    );
  });

  it("createTransferError makes a TransferError from any failure fields", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            protocol: hostile,
            code: hostile,
            codeSpace: hostile,
            serverMessage: hostile,
            message: hostile,
            operation: hostile,
            path: hostile,
            reason: hostile,
            secrets: hostile,
            cause: hostile,
          },
          { requiredKeys: [] },
        ),
        (failure) => {
          const e = createTransferError(failure as never);
          expect(isTransferError(e)).toBe(true);
          expect(() => JSON.stringify(e)).not.toThrow();
          expect(typeof e.explanation).toBe("string");
        },
      ),
      runs(300),
    );
  });

  // Proxies stay out of the generators: fast-check itself probes its values with `in`.
  it("takes proxies whose every trap throws, and revoked ones", () => {
    for (const value of [throwingGetters(), revoked()]) {
      expect(explain(value)).toBeUndefined();
      expect(isRetryable(value)).toBe(false);
      const e = createTransferError({
        protocol: "ftp",
        code: value as never,
        cause: value,
        secrets: value as never,
        message: value as never,
      });
      expect(isTransferError(e)).toBe(true);
      expect(() => JSON.stringify(e)).not.toThrow();
    }
  });

  it("the whole failure object may be hostile", () => {
    for (const value of [undefined, null, throwingGetters(), revoked(), circular(), 42, "x"]) {
      const e = createTransferError(value as never);
      expect(isTransferError(e)).toBe(true);
      expect(e.reason).toBe("unknown");
    }
  });

  // A known defect, found by fast-check (fuzz-adapters, FC_SEED=1158365731 FC_NUM_RUNS=10000):
  // code-class.ts looks string codes up in plain objects (systemCodeReasons[code]), so a code
  // named like an Object.prototype key reads the prototype: the reason is a function or {},
  // `retryable` undefined. Marked `fails` until core's src is fixed; then drop `.fails`.
  it("a code named like an Object.prototype key still gets a known reason", () => {
    for (const code of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const e = createTransferError({ protocol: "ftp", code });
      expect(isReason(e.reason), code).toBe(true);
      expect(typeof e.retryable, code).toBe("boolean");
    }
  });

  it("explain rejects what is no code", () => {
    for (const value of [
      undefined,
      null,
      -1,
      32,
      99,
      700,
      1e9,
      5.5,
      "hello",
      "SSH_FX_NOPE",
      Symbol("x"),
      2n,
    ]) {
      expect(explain(value as never)).toBeUndefined();
    }
  });
});
