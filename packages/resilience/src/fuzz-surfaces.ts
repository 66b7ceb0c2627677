// Every place the texts of a result can reach a person or a log: the fields, String(), the stack,
// JSON, util.inspect, and the JSON line real pino writes (with its default `err` serializer, which
// appends the cause's message and stack, and with @transfer-errors/integrations/pino's).
import { inspect } from "node:util";
import { isTransferError } from "@transfer-errors/core";
import { errSerializer } from "@transfer-errors/integrations/pino";
import pino from "pino";

export interface Surface {
  name: string;
  /** The text, or undefined when reading the surface threw (see `threw`). */
  text: string | undefined;
  threw?: unknown;
}

/** A pino logger writing into memory, synchronously (pino writes to any `{ write }`). */
function memoryLogger(serializers?: pino.LoggerOptions["serializers"]) {
  const lines: string[] = [];
  const logger = pino(
    { level: "trace", base: null, timestamp: false, ...(serializers ? { serializers } : {}) },
    {
      write(line: string) {
        lines.push(line);
      },
    },
  );
  return {
    /** The line logged for `logger.error({ err: value }, ...)`, as pino writes it; read as JSON. */
    log(value: unknown): string {
      lines.length = 0;
      logger.error({ err: value }, "transfer failed");
      const line = lines.join("");
      // One JSON object per line, or the logger broke its own format.
      const parsed = JSON.parse(line) as { err?: unknown };
      if (typeof parsed !== "object" || parsed === null) throw new Error("not a JSON object");
      return line;
    },
  };
}

const pinoDefault = memoryLogger();
const pinoIntegration = memoryLogger({ err: errSerializer });

/** The JSON line real pino (its default `err` serializer) writes for `logger.error({ err })`. */
export function pinoDefaultLine(value: unknown): string {
  return pinoDefault.log(value);
}

/** What any error shows: its message, then the ways it is printed and logged. */
export const errorSurfaces = [
  "message",
  "String(err)",
  "stack",
  "JSON.stringify",
  "util.inspect",
  "util.inspect depth Infinity",
  "pino default err serializer",
  "pino @transfer-errors/integrations/pino",
] as const;

/** A TransferError's own text fields, read after its message. */
const transferErrorFields = [
  "explanation",
  "serverMessage",
  "path",
  "operation",
  "codeName",
  "code",
  "retry.why",
] as const;

/** The surface names of a TransferError, in the order they are read. */
export const transferErrorSurfaces = [
  errorSurfaces[0],
  ...transferErrorFields,
  ...errorSurfaces.slice(1),
] as const;

export const dataSurfaces = ["JSON.stringify", "util.inspect depth Infinity"] as const;

function read(name: string, get: () => unknown): Surface {
  try {
    const value = get();
    return { name, text: value === undefined ? "" : String(value) };
  } catch (threw) {
    return { name, text: undefined, threw };
  }
}

const readers: Record<string, (value: never) => unknown> = {
  message: (e: Error) => e.message,
  explanation: (e: { explanation: string }) => e.explanation,
  serverMessage: (e: { serverMessage?: string }) => e.serverMessage,
  path: (e: { path?: string }) => e.path,
  operation: (e: { operation?: string }) => e.operation,
  codeName: (e: { codeName?: string }) => e.codeName,
  code: (e: { code?: unknown }) => e.code,
  "retry.why": (e: { retry: { why: string } }) => e.retry.why,
  "String(err)": (e: unknown) => String(e),
  stack: (e: Error) => e.stack,
  "JSON.stringify": (e: unknown) => JSON.stringify(e),
  "util.inspect": (e: unknown) => inspect(e),
  "util.inspect depth Infinity": (e: unknown) => inspect(e, { depth: Number.POSITIVE_INFINITY }),
  "pino default err serializer": (e: unknown) => pinoDefault.log(e),
  "pino @transfer-errors/integrations/pino": (e: unknown) => pinoIntegration.log(e),
};

/**
 * The surfaces of one output: all of them for a TransferError, the error ones for any other
 * Error (a BullMQ UnrecoverableError, a Temporal ApplicationFailure), JSON and inspect for data,
 * the text itself for a string; nothing for a boolean or a number.
 */
export function surfacesOf(output: unknown): Surface[] {
  if (typeof output === "string") return [{ name: "text", text: output }];
  if (typeof output !== "object" && typeof output !== "function") return [];
  if (output === null) return [];
  const names: readonly string[] = isTransferError(output)
    ? transferErrorSurfaces
    : output instanceof Error
      ? errorSurfaces
      : dataSurfaces;
  return names.map((name) => read(name, () => readers[name]!(output as never)));
}
