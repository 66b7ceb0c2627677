// The err serializer with the real pino: what reaches the log output.
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createLogger } from "../examples/pino.ts";
import { errSerializer, transferErrSerializer } from "../src/pino.ts";
import { notFound } from "./support/errors.ts";
import { errorWithPlantedPassword, PLANTED_PASSWORD } from "./support/secrets.ts";

/** A pino destination that keeps every line. */
function memory(): {
  stream: Writable;
  text: () => string;
  lines: () => Record<string, unknown>[];
} {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const text = () => chunks.join("");
  return {
    stream,
    text,
    lines: () =>
      text()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe("pino err serializer", () => {
  it("a password planted in the cause never reaches the output; the redacted form does", () => {
    const out = memory();
    const logger = createLogger(out.stream);
    const { error } = errorWithPlantedPassword();
    logger.error(error);
    logger.error({ err: error }, "login failed");
    logger.warn({ err: error, attempt: 2 }, "retrying");
    expect(out.text()).not.toContain(PLANTED_PASSWORD);
    const lines = out.lines();
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.err).toMatchObject({
        type: "TransferError",
        reason: "connection-refused",
        code: "ECONNREFUSED",
        retryable: true,
        retry: { reconnect: true },
        cause: { name: "Error", code: "ECONNREFUSED" },
      });
      expect(String((line.err as { stack: string }).stack)).toMatch(/^TransferError: /);
    }
  });

  it("without it, pino's own serializer appends the cause's message and stack, redacted", () => {
    const out = memory();
    const { error, cause } = errorWithPlantedPassword();
    pino(out.stream).error(error);
    pino(out.stream).error({ err: error }, "login failed");
    expect(out.text()).not.toContain(PLANTED_PASSWORD);
    const line = out.lines()[0]?.err as { message: string; stack: string };
    // The cause is still there, readable: its text with the URL's credentials masked.
    expect(line.message).toContain(
      "connect ECONNREFUSED 127.0.0.1:2121 (ftp://***@127.0.0.1:2121/in)",
    );
    expect(line.stack).toContain("caused by: Error: connect ECONNREFUSED");
    // The untouched original stays reachable for code, where no serializer walks.
    expect(error.originalError).toBe(cause);
    expect(error.cause).not.toBe(cause);
  });

  it("pino's own serializer: a password the server echoed, known from the connection", async () => {
    const out = memory();
    const { FTPError } = await import("basic-ftp");
    const { toTransferError } = await import("@transfer-errors/basic-ftp");
    const raw = new FTPError({ code: 530, message: `530 Login incorrect for ${PLANTED_PASSWORD}` });
    const error = toTransferError(raw, { operation: "access", secrets: [PLANTED_PASSWORD] });
    pino(out.stream).error(error);
    expect(out.text()).not.toContain(PLANTED_PASSWORD);
    const logged = out.lines()[0]?.err as { message: string } | undefined;
    expect(logged).toMatchObject({ reason: "auth-failed", code: 530 });
    expect(String(logged?.message)).toContain("530 Login incorrect for ***");
    // Nothing to hide: the cause is the original itself.
    const plain = new FTPError({ code: 550, message: "550 No such file or directory" });
    expect(toTransferError(plain).cause).toBe(plain);
  });

  it("other errors: type, message, stack and code, without their cause", () => {
    const out = memory();
    const logger = createLogger(out.stream);
    const cause = new Error(`token=${PLANTED_PASSWORD}x`);
    logger.error(Object.assign(new Error("boom", { cause }), { code: "EBOOM" }));
    expect(out.text()).not.toContain(PLANTED_PASSWORD);
    expect(out.lines()[0]?.err).toMatchObject({ type: "Error", message: "boom", code: "EBOOM" });
  });

  it("a fallback, and values that are no errors at all", () => {
    const serialize = transferErrSerializer({ fallback: () => "fallback" });
    expect(serialize(new Error("x"))).toBe("fallback");
    expect(serialize(notFound())).toMatchObject({ reason: "not-found" });
    expect(errSerializer("just text")).toBe("just text");
    expect(errSerializer(undefined)).toBeUndefined();
  });
});
