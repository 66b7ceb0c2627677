// BUGS FOUND BY THE FUZZ SUITE IN OTHER PACKAGES (others own that code), one exact reproduction
// each (src/fuzz-known-bugs.ts describes them). A fixed one stays as a regression test. An OPEN
// one FAILS until it is fixed in the file its title names; the properties tolerate its findings
// until then (mark it `fixed` there once its test passes).
import { EventEmitter } from "node:events";
import * as basicFtp from "@transfer-errors/basic-ftp";
import { createTransferError, redact, TransferError } from "@transfer-errors/core";
import { classify, decide, watchGreeting } from "@transfer-errors/core/adapter";
import * as nodeFtp from "@transfer-errors/ftp";
import { bailOnPermanent } from "@transfer-errors/integrations/async-retry";
import { errSerializer } from "@transfer-errors/integrations/pino";
import { toApplicationFailure } from "@transfer-errors/integrations/temporal";
import PromiseFtp from "promise-ftp";
import { describe, expect, it } from "vitest";
import { cli } from "../src/fuzz-cli.ts";
import { revokedProxy, textShapes, tokenOf, trapProxy } from "../src/fuzz-inputs.ts";
import { knownBugs } from "../src/fuzz-known-bugs.ts";
import { pinoDefaultLine } from "../src/fuzz-surfaces.ts";
import { measureCost, primaryCost } from "../src/linear-cost.ts";

const SECRET = "SxReportedPw42";

/** Every text a user or a log can see of a TransferError. */
function shown(e: TransferError): string {
  return [e.message, e.explanation, e.code, e.retry.why, String(e), e.stack, JSON.stringify(e)]
    .map(String)
    .join("\n");
}

function title(id: string): string {
  const bug = knownBugs.find((b) => b.id === id);
  if (!bug) throw new Error(`no known bug ${id}`);
  return bug.fixed
    ? `bug ${id}, fixed in ${bug.fixed} (${bug.where})`
    : `OPEN BUG ${id} (reported; fails until fixed in ${bug.where})`;
}

describe("known bugs of @transfer-errors/core", () => {
  it(`${title("core-redact-compound-keys")}: FTP_PASSWORD=, ftpPassword=, db_password: ...`, () => {
    for (const line of [
      `bad config: FTP_PASSWORD=${SECRET} host=h`,
      `ftpPassword=${SECRET}`,
      `db_password: ${SECRET}`,
      `{"sftpPassphrase": "${SECRET}"}`,
      `userPassword=${SECRET}`,
    ]) {
      expect(redact(line), line).not.toContain(SECRET);
    }
    expect(shown(basicFtp.toTransferError(new Error(`env FTP_PASSWORD=${SECRET}`)))).not.toContain(
      SECRET,
    );
  });

  it(`${title("core-redact-long-values")}: token= and PASS with 1500 characters`, () => {
    const token = tokenOf(7, 1_500);
    for (const line of [`request failed: token=${token} (expired)`, `530 PASS ${token}`]) {
      expect(redact(line), line.slice(0, 20)).not.toContain(token.slice(-10));
    }
  });

  it(`${title("core-code-not-redacted")}: a code holding a URL with credentials`, () => {
    const e = basicFtp.toTransferError(
      Object.assign(new Error("refused"), { code: `ftp://deploy:${SECRET}@files.example.com/` }),
    );
    expect(shown(e)).not.toContain(SECRET);
  });

  it(`${title("core-cause-name-not-redacted")}: toJSON().cause.name`, () => {
    const cause = Object.assign(new Error("refused"), { name: `ftp://u:${SECRET}@h` });
    const e = basicFtp.toTransferError(cause);
    expect(JSON.stringify(e)).not.toContain(SECRET);
  });

  describe(title("core-shown-cause-accessors"), () => {
    const line = `530 Login incorrect: ftp://deploy:${SECRET}@files.example.com/`;
    const causes: Record<string, () => unknown> = {
      "a message getter": () =>
        Object.defineProperty(new Error("x"), "message", { get: () => line }),
      "a message inherited from the prototype": () => {
        class ServerError extends Error {}
        Object.defineProperty(ServerError.prototype, "message", { value: line, writable: true });
        const e = new ServerError();
        delete (e as { message?: string }).message;
        return e;
      },
      "a message after 80 other keys": () => {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < 80; i++) o[`k${i}`] = i;
        return Object.assign(o, { message: line });
      },
      "a VError-style function cause": () => {
        const inner = new Error(line);
        return Object.defineProperty(new Error("outer"), "cause", { value: () => inner });
      },
    };
    for (const [name, make] of Object.entries(causes)) {
      it(`pino's default err serializer and the secret of ${name}`, () => {
        const e = createTransferError({ protocol: "ftp", code: 530, cause: make() });
        expect(pinoDefaultLine(e)).not.toContain(SECRET);
      });
    }
    it("pino's default err serializer and a cause with a throwing getter", () => {
      const original = new Error("x");
      // Its stack already formatted (read once, as a logger or a test does).
      void original.stack;
      const cause = Object.defineProperty(original, "message", {
        get() {
          throw new Error("getter");
        },
      });
      const e = createTransferError({ protocol: "ftp", cause });
      expect(() => pinoDefaultLine(e)).not.toThrow();
    });
  });

  it(`${title("core-failure-fields-throw")}: decide, classify and new TransferError`, () => {
    const failures: Record<string, object> = {
      "a Symbol code": { protocol: "ftp", code: Symbol("550") },
      "a code without prototype": { protocol: "ftp", code: Object.create(null) },
      "a number as serverMessage": { protocol: "ftp", code: 550, serverMessage: 42 },
      "a throwing Proxy as traits": { protocol: "ftp", code: 550, traits: trapProxy() },
      "a rule that is no rule": { protocol: "ftp", message: "x", rules: ["x"] },
    };
    for (const [name, failure] of Object.entries(failures)) {
      expect(() => decide(failure as never), `decide: ${name}`).not.toThrow();
      expect(() => classify(failure as never), `classify: ${name}`).not.toThrow();
    }
    expect(
      () => new TransferError({ protocol: "ftp", signals: revokedProxy(false) } as never),
    ).not.toThrow();
    const e = createTransferError({ protocol: "ftp", codeSpace: `ftp://u:${SECRET}@h` as never });
    expect(e.codeSpace).toBeUndefined();
  });

  it(`${title("core-redact-url-quadratic")}: "ftp://x " repeated (up to 512 KB)`, async () => {
    const shape = textShapes.find((s) => s.name === "URL starts without credentials")!;
    const result = await measureCost((text) => redact(text), shape, primaryCost);
    expect(result.ok, result.detail).toBe(true);
  });

  it(`${title("core-greeting-cut-before-redaction")}: a URL across the 100th character`, () => {
    const url = `sftp://deploy:${SECRET}@files.example.com/`;
    // The cut falls 6 characters into the password, then 2 before its end.
    for (const into of [6, SECRET.length - 2]) {
      const head = "SSH-2.0-OpenSSH_9.6 ";
      const pad = "x".repeat(100 - head.length - "sftp://deploy:".length - into - 1);
      const socket = new EventEmitter();
      const errors: unknown[] = [];
      watchGreeting(socket, "ftp", (wrong) => errors.push(basicFtp.toTransferError(wrong)));
      socket.emit("data", `${head}${pad} ${url}\r\n`);
      expect(errors).toHaveLength(1);
      expect(shown(errors[0] as TransferError)).not.toContain(SECRET.slice(0, 6));
      expect(shown(errors[0] as TransferError)).not.toContain(SECRET.slice(-6));
    }
  });

  it(`${title("core-shown-cause-broken-copy")}: a TransferError as the cause`, () => {
    const inner = createTransferError({
      protocol: "ftp",
      message: `530 Login incorrect for ${SECRET}`,
      cause: new Error("y"),
    });
    const outer = createTransferError({
      protocol: "ftp",
      message: "was not sent: the client needs a new connection",
      cause: inner,
      secrets: [SECRET],
    });
    expect(() => pinoDefaultLine(outer)).not.toThrow();
    expect(() => JSON.stringify(outer.cause)).not.toThrow();
  });

  it(`${title("core-fallback-drops-secrets")}: the named password after a throw inside`, () => {
    const e = createTransferError({
      protocol: "ftp",
      message: "x",
      rules: ["not a rule"] as never,
      cause: new Error(`530 Login incorrect for ${SECRET}`),
      secrets: [SECRET],
    });
    expect(JSON.stringify(e)).not.toContain(SECRET);
  });
});

describe("known bugs of @transfer-errors/basic-ftp", () => {
  it(`${title("basic-ftp-pass-line-joined")}: a PASS line of a transcript`, () => {
    const e = basicFtp.toTransferError(
      new Error(`unexpected reply after USER deploy\nPASS ${SECRET}\n530 Login incorrect.`),
    );
    expect(shown(e)).not.toContain(SECRET);
  });
});

describe("known bugs of @transfer-errors/ftp", () => {
  it(`${title("ftp-promise-falsy-rejection-resolves")}: 0, '', false, NaN`, async () => {
    for (const falsy of [0, "", false, Number.NaN]) {
      const raw = new PromiseFtp();
      Object.assign(raw, { list: () => Promise.reject(falsy) });
      const outcome = await nodeFtp
        .wrapClient(raw)
        .list("/pub")
        .then(
          (value) => ({ resolved: value }),
          (error: unknown) => ({ rejected: error }),
        );
      expect(outcome, String(falsy)).toHaveProperty("rejected");
    }
  });
});

describe("known bugs of @transfer-errors/cli", () => {
  it(`${title("cli-diagnose-url-message")}: passwords with '@' and '"', '@' and '/'`, async () => {
    for (const [password, url] of [
      ['Sx7@;"tailOfPw9', 'ftp://tester:Sx7@;"tailOfPw9@'],
      ["Sx7@/@tailOfPw9", "ftp://tester:Sx7@/@tailOfPw9@127.0.0.1:21/dir/file.txt"],
    ] as const) {
      const { output, code } = await cli(["diagnose", url]);
      expect(code, password).toBe(2);
      expect(output, password).not.toContain("tailOfPw9");
    }
  });
});

describe("known bugs of @transfer-errors/integrations", () => {
  it(`${title("integrations-pino-serializer-throws")}: a revoked Proxy, a throwing name`, () => {
    const throwingName = Object.defineProperty(new Error("x"), "name", {
      get() {
        throw new Error("getter");
      },
    });
    for (const value of [revokedProxy(false), throwingName]) {
      expect(() => errSerializer(value)).not.toThrow();
    }
  });

  it(`${title("integrations-async-retry-bail-throws")}: Object.create(null) thrown`, async () => {
    const bailed: unknown[] = [];
    const thrown = Object.create(null);
    const wrapped = bailOnPermanent(() => {
      throw thrown;
    });
    const outcome = await wrapped((error) => bailed.push(error), 1).then(
      () => "resolved",
      (error: unknown) => error,
    );
    // Not retryable (no code): bailed, or at least rethrown as it was.
    expect(bailed.length === 1 || outcome === thrown).toBe(true);
  });

  it(`${title("integrations-temporal-revoked-proxy")}`, () => {
    expect(() => toApplicationFailure(revokedProxy(false))).not.toThrow();
  });
});

describe("what the properties found once the first fixes were in", () => {
  it(`${title("core-classify-why-names-code")}: a code holding a URL with credentials`, () => {
    const code = `ftp://deploy:${SECRET}@files.example.com/`;
    const { retry } = classify({ protocol: "ftp", code, secrets: [SECRET] });
    expect(retry.why).not.toContain(SECRET);
  });

  it(`${title("core-greeting-named-secret-cut")}: the wrapper's password across the 100th character`, () => {
    const head = "SSH-2.0-OpenSSH_9.6 ";
    // The password starts 12 characters before the cut: its first 12 are kept by the cut.
    const pad = "x".repeat(100 - head.length - 12);
    const socket = new EventEmitter();
    const errors: TransferError[] = [];
    // The wrapper gives the connection's secrets to the watch, as the adapters do.
    watchGreeting(
      socket,
      "ftp",
      (wrong) => errors.push(basicFtp.toTransferError(wrong, { secrets: [SECRET] })),
      { secrets: [SECRET] },
    );
    socket.emit("data", `${head}${pad}${SECRET} rest of the banner\r\n`);
    expect(errors).toHaveLength(1);
    expect(shown(errors[0]!)).not.toContain(SECRET.slice(0, 10));
  });

  it(`${title("core-shown-cause-proxy-stack")}: pino's default err serializer`, () => {
    const e = basicFtp.toTransferError(Object.assign(new Error("x"), { stack: trapProxy() }));
    expect(() => pinoDefaultLine(e)).not.toThrow();
  });

  describe(title("core-shown-cause-function"), () => {
    const thrownValues: Record<string, () => unknown> = {
      "a class": () => class FTPError {},
      "a function whose call throws": () =>
        Object.assign(
          () => {
            throw new Error("called");
          },
          { message: "550 fn" },
        ),
    };
    for (const [name, make] of Object.entries(thrownValues)) {
      it(`pino's default err serializer on a TransferError made from ${name}`, () => {
        const e = basicFtp.toTransferError(make());
        expect(() => pinoDefaultLine(e)).not.toThrow();
      });
    }
  });
});
