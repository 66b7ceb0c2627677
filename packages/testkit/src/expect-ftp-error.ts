import { inspect } from "node:util";
import { isTransferError, type Reason, type TransferError } from "@transfer-errors/core";
import { expect } from "vitest";
import { FTP_TEST_PASSWORD } from "./ftp-servers.js";

/** What a scenario must say; `code`, `operation` and `path` are always checked (undefined too). */
export interface Expected {
  reason: Reason;
  code: number | string | undefined;
  retryable: boolean;
  reconnect: boolean;
  operation: string | undefined;
  path: string | undefined;
  tls?: boolean | undefined;
}

/** Every text a TransferError can show a user or a log. */
export function allTexts(error: TransferError): string {
  return [
    error.message,
    error.explanation,
    error.serverMessage ?? "",
    error.retry.why,
    error.stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: 5 }),
    String(error),
  ].join("\n");
}

/** For fabricated errors: `code`, `operation` and `path` are checked only when given. */
export type LooseExpected = Omit<Expected, "code" | "operation" | "path"> &
  Partial<Pick<Expected, "code" | "operation" | "path">>;

/** Asserts the fields the issue lists, and that no password appears anywhere. */
export function expectTransferError(
  error: unknown,
  expected: Expected,
  password: string = FTP_TEST_PASSWORD,
): TransferError {
  return expectShape(error, expected, password);
}

/** expectTransferError for unit tests, where not every field matters. */
export function expectShape(
  error: unknown,
  expected: LooseExpected,
  password: string = FTP_TEST_PASSWORD,
): TransferError {
  expect(isTransferError(error), `not a TransferError: ${String(error)}`).toBe(true);
  const e = error as TransferError;
  const actual: Record<string, unknown> = {
    reason: e.reason,
    retryable: e.retryable,
    reconnect: e.retry.reconnect,
  };
  const wanted: Record<string, unknown> = {
    reason: expected.reason,
    retryable: expected.retryable,
    reconnect: expected.reconnect,
  };
  for (const key of ["code", "operation", "path", "tls"] as const) {
    if (key in expected) {
      actual[key] = e[key];
      wanted[key] = expected[key];
    }
  }
  expect(actual, `${e.message}\n${e.explanation}\n${e.retry.why}`).toEqual(wanted);
  expect(e.retry.retryable).toBe(e.retryable);
  expect(allTexts(e)).not.toContain(password);
  return e;
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but the promise resolved");
}
