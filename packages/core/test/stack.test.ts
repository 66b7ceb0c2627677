// What a user reads first in a TransferError's stack is their own line, not the library's.
import { describe, expect, it } from "vitest";
import { wrapMethods } from "../src/adapter.js";
import { createTransferError, type TransferError } from "../src/error.js";

const notFound = () => createTransferError({ protocol: "ftp", code: 550 });

/** The frames of a stack, without its first line (name and message). */
const frames = (error: Error) => (error.stack ?? "").split("\n").slice(1);

describe("the stack of a TransferError", () => {
  it("of a wrapped client's rejected call: starts at the caller's await, not in the wrapper", async () => {
    const client = {
      async fetchFile(_path: string): Promise<string> {
        await new Promise((resolve) => setTimeout(resolve, 1));
        throw new Error("raw");
      },
    };
    const wrapped = wrapMethods(client, (_name, original) => async (...args: unknown[]) => {
      try {
        return await original.apply(client, args);
      } catch {
        // An adapter's reading, several frames deep inside the wrapper.
        throw notFound();
      }
    });
    async function userDownload() {
      return await wrapped.fetchFile("/x");
    }
    const error = (await userDownload().then(
      () => undefined,
      (e: unknown) => e,
    )) as TransferError;
    const own = frames(error).filter((line) => !line.includes("node:internal"));
    expect(own[0]).toMatch(/at (?:async )?userDownload /);
    expect(error.stack).not.toMatch(/settled|stackFromCaller|at notFound/);
    // A successful call returns the value; other errors pass through with their own stack.
    const ok = wrapMethods({ sum: (a: number, b: number) => a + b }, (_n, original) => original);
    expect(ok.sum(1, 2)).toBe(3);
  });
});
