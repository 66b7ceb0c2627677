// `cause` is what loggers walk: the original when it holds nothing secret, else a redacted copy.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createTransferError } from "../src/error.js";

const pw = "Xq7-secret-Pw";

function wrap(cause: unknown, secrets?: unknown[]) {
  return createTransferError({ protocol: "ftp", code: 530, cause, secrets });
}

describe("TransferError.cause", () => {
  it("is the original itself when nothing in it is secret", () => {
    const raw = Object.assign(new Error("550 No such file or directory"), { code: 550 });
    const e = wrap(raw, [pw]);
    expect(e.cause).toBe(raw);
    expect(e.originalError).toBe(raw);
  });

  it("is a copy of the same class with every text redacted when one holds a secret", () => {
    class FTPError extends Error {
      code = 530;
    }
    const raw = new FTPError(`530 Login incorrect for ${pw}`);
    const e = wrap(raw, [pw]);
    const shown = e.cause as FTPError;
    expect(shown).not.toBe(raw);
    expect(shown).toBeInstanceOf(FTPError);
    expect(shown.message).toBe("530 Login incorrect for ***");
    expect(shown.stack?.split("\n")[0]).toBe("Error: 530 Login incorrect for ***");
    expect(shown.code).toBe(530);
    expect(inspect(shown)).not.toContain(pw);
    // Read once, then the same object each time.
    expect(e.cause).toBe(shown);
    // The original is untouched and reachable.
    expect(e.originalError).toBe(raw);
    expect(raw.message).toContain(pw);
  });

  it("redacts a nested cause and a config attached to the error", () => {
    const inner = new Error(`sftp://bob:${pw}@host/x refused`);
    const raw = Object.assign(new Error("outer", { cause: inner }), {
      config: { host: "h", password: pw, privateKey: Buffer.from("-----BEGIN") },
    });
    const shown = wrap(raw).cause as Error & { config: Record<string, unknown> };
    expect(shown.config.password).toBe("***");
    expect(shown.config.privateKey).toBe("***");
    expect(shown.config.host).toBe("h");
    expect((shown.cause as Error).message).toBe("sftp://***@host/x refused");
    expect(inspect(shown, { depth: Number.POSITIVE_INFINITY })).not.toContain(pw);
  });

  it("ends a cyclic chain and never throws on an unreadable cause", () => {
    const a = new Error(`token=${pw}`) as Error & { cause?: unknown };
    a.cause = a;
    expect(inspect(wrap(a).cause, { depth: 10 })).not.toContain(pw);
    const { proxy, revoke } = Proxy.revocable(new Error("x"), {});
    revoke();
    const e = wrap(proxy);
    expect(() => e.cause).not.toThrow();
    expect(e.cause).toBeInstanceOf(Error);
    expect(e.originalError).toBe(proxy);
  });

  it("replaces a stack that is no text, which a logger would concatenate and throw on", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    const raw = Object.assign(new Error("x"), { stack: hostile });
    const shown = wrap(raw).cause as Error;
    expect(() => `${shown.stack}`).not.toThrow();
    expect(shown.stack).toBe("[not a text]");
  });

  it("is undefined, and no copy, when there is no cause", () => {
    expect(wrap(undefined).cause).toBeUndefined();
    expect(wrap("plain text, no secret").cause).toBe("plain text, no secret");
    expect(wrap(`text with ${pw}`, [pw]).cause).toBe("text with ***");
  });
});
