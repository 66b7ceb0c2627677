// fast-check over the adapters' entry points: toTransferError of both, isRetryable on what they
// make, and wrapClient's errors: never throws, keeps the original error as `cause`, never lets a
// planted secret through.
import * as ftp from "@transfer-errors/basic-ftp";
import { isReason } from "@transfer-errors/core";
import * as sftp from "@transfer-errors/ssh2-sftp-client";
import { runs } from "@transfer-errors/testkit/fast-check";
import { Client, FTPError } from "basic-ftp";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hostileArb,
  type PlantedError,
  plantedErrorArb,
  secretArb,
  visibleTexts,
} from "../src/fuzz-inputs.ts";

const adapters = [
  { name: "basic-ftp", protocol: "ftp", toTransferError: ftp.toTransferError },
  { name: "ssh2-sftp-client", protocol: "sftp", toTransferError: sftp.toTransferError },
] as const;

const contextArb = fc.option(
  fc.record(
    { operation: fc.option(fc.string(), { nil: undefined }), path: fc.anything() },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

function throwingProxy(): object {
  const fail = () => {
    throw new Error("trap");
  };
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail });
}

for (const adapter of adapters) {
  describe(`${adapter.name}: toTransferError`, () => {
    it("never throws, keeps the input as originalError, and agrees with isRetryable", () => {
      fc.assert(
        fc.property(
          fc.oneof(
            hostileArb,
            plantedErrorArb.map((p) => p.error),
          ),
          contextArb,
          (input, context) => {
            const error = adapter.toTransferError(input, context as never);
            expect(ftp.isTransferError(error)).toBe(true);
            expect(error.originalError).toBe(input);
            expect(error.protocol).toBe(adapter.protocol);
            expect(isReason(error.reason)).toBe(true);
            expect(error.retry.retryable).toBe(error.retryable);
            expect(ftp.isRetryable(error)).toBe(error.retryable);
            expect(sftp.isRetryable(error)).toBe(error.retryable);
            expect(() => JSON.stringify(error)).not.toThrow();
          },
        ),
        runs(400),
      );
    });

    it("returns a TransferError it is given as it is", () => {
      fc.assert(
        fc.property(plantedErrorArb, ({ error }) => {
          const first = adapter.toTransferError(error);
          expect(adapter.toTransferError(first)).toBe(first);
        }),
        runs(50),
      );
    });

    it("never shows a planted secret: message, URL, nested cause, config", () => {
      fc.assert(
        fc.property(
          plantedErrorArb,
          contextArb,
          ({ error, secret, how }: PlantedError, context) => {
            const made = adapter.toTransferError(error, context as never);
            const texts = visibleTexts(made);
            expect(texts.includes(secret), `${how} leaked: ${texts}`).toBe(false);
          },
        ),
        runs(400),
      );
    });

    it("never shows URL credentials planted in the context's path", () => {
      fc.assert(
        fc.property(secretArb, fc.constantFrom("ftp", "sftp", "ftps"), (secret, scheme) => {
          const made = adapter.toTransferError(new Error("No such file"), {
            operation: "get",
            path: `${scheme}://user:${secret}@host/dir/file.txt`,
          });
          expect(visibleTexts(made)).not.toContain(secret);
        }),
        runs(100),
      );
    });

    it("survives proxies whose every trap throws, as the error, its cause or its code", () => {
      for (const input of [
        throwingProxy(),
        Object.assign(new Error("x"), { cause: throwingProxy() }),
        Object.assign(new Error("x"), { code: throwingProxy() }),
        Object.defineProperty(new Error("x"), "message", {
          get() {
            throw new Error("getter");
          },
        }),
      ]) {
        const made = adapter.toTransferError(input, { operation: "list", path: "/" });
        expect(made.originalError).toBe(input);
        expect(() => JSON.stringify(made)).not.toThrow();
      }
    });

    it("survives a hostile context: null, revoked, throwing getters or traps, a function Proxy (issue 14)", () => {
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      const revokedFunction = Proxy.revocable(() => undefined, {});
      revokedFunction.revoke();
      const trapsThrow = new Proxy(
        () => undefined,
        new Proxy(
          {},
          {
            get: () => () => {
              throw new Error("trap");
            },
          },
        ),
      );
      const getter = () => {
        throw new Error("getter");
      };
      const getters = Object.defineProperties(
        {},
        {
          operation: { get: getter, enumerable: true },
          path: { get: getter, enumerable: true },
          secrets: { get: getter, enumerable: true },
        },
      );
      const input = Object.assign(new Error("550 No such file or directory"), { code: 550 });
      for (const context of [null, revoked.proxy, revokedFunction.proxy, trapsThrow, getters]) {
        const made = adapter.toTransferError(input, context as never);
        expect(made.originalError).toBe(input);
        expect(() => JSON.stringify(made)).not.toThrow();
        // The error itself, as the error, is no safer: a function Proxy whose traps throw.
        const odd = adapter.toTransferError(trapsThrow, context as never);
        expect(ftp.isTransferError(odd)).toBe(true);
        expect(() => String(odd) + JSON.stringify(odd)).not.toThrow();
      }
    });
  });
}

describe("basic-ftp: FTPError replies with planted secrets", () => {
  it("keeps the reply code and never the secret", () => {
    fc.assert(
      fc.property(
        secretArb,
        fc.integer({ min: 100, max: 699 }),
        fc.constantFrom("\nPASS ", "password=", "ftp://u:"),
        (secret, code, form) => {
          const text = `${code} Login with ${form}${secret}@x refused`;
          const made = ftp.toTransferError(new FTPError({ code, message: text }));
          expect(made.code).toBe(code);
          expect(visibleTexts(made)).not.toContain(secret);
        },
      ),
      runs(200),
    );
  });
});

describe("wrapClient: the secrets of the connection's own config", () => {
  it("basic-ftp: the password of access() never shows, whatever the error says", async () => {
    await fc.assert(
      fc.asyncProperty(secretArb, plantedErrorArb, async (password, planted) => {
        const raw = new Client(100);
        // The error echoes the password bare: only the wrapper knows it is one.
        const bare = Object.assign(new Error(`530 Login incorrect for ${password}`), {
          code: 530,
          cause: planted.error,
        });
        Object.assign(raw, { access: () => Promise.reject(bare) });
        const client = ftp.wrapClient(raw);
        const error = await client.access({ host: "127.0.0.1", user: "u", password }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(ftp.isTransferError(error)).toBe(true);
        const made = error as ftp.TransferError;
        expect(made.originalError).toBe(bare);
        const texts = visibleTexts(made);
        expect(texts).not.toContain(password);
        expect(texts).not.toContain(planted.secret);
        raw.close();
      }),
      runs(100),
    );
  });

  it("ssh2-sftp-client: password, passphrase and privateKey of connect() never show", async () => {
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        secretArb,
        fc.constantFrom("password", "passphrase", "privateKey"),
        async (secret, other, field) => {
          const bare = new Error(`All configured authentication methods failed (${secret})`);
          const fake = {
            connect: (_config: unknown) => Promise.reject(bare),
            end: () => Promise.resolve(true),
          };
          const client = sftp.wrapClient(fake);
          const config = { host: "h", username: "u", password: other, [field]: secret };
          const error = await client.connect(config).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(sftp.isTransferError(error)).toBe(true);
          const made = error as sftp.TransferError;
          expect(made.originalError).toBe(bare);
          expect(visibleTexts(made)).not.toContain(secret);
          expect(visibleTexts(made)).not.toContain(other);
        },
      ),
      runs(100),
    );
  });
});

describe("explain, as both adapters re-export it", () => {
  const kinds = [
    "positive-preliminary",
    "positive-completion",
    "positive-intermediate",
    "transient-negative",
    "permanent-negative",
    "protected",
  ];

  it("reads every FTP reply code 100-699, known or from its digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 699 }), (code) => {
        for (const explain of [ftp.explain, sftp.explain]) {
          const info = explain(code);
          expect(info).toMatchObject({ protocol: "ftp", code });
          expect(info?.kind).toBe(kinds[Math.floor(code / 100) - 1]);
          expect(info?.text.length).toBeGreaterThan(0);
        }
      }),
      runs(300),
    );
  });

  it("finds every SFTP status by number and by its SSH_FX_ name", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 }), (code) => {
        const info = sftp.explain(code, "sftp");
        expect(info).toMatchObject({ protocol: "sftp", code });
        expect(info?.name).toMatch(/^SSH_FX_/);
        expect(ftp.explain(info!.name)).toEqual(info);
      }),
      runs(100),
    );
  });
});
