// The failure path of a wrapped client does only what deciding needs: the library error's stack
// (formatting it walks and prints every frame, with source maps too) is read by whoever logs the
// TransferError's `cause`, not by the wrapper on every refusal.
import { Client, FTPError } from "basic-ftp";
import { describe, expect, it } from "vitest";
import { wrapClient } from "../../src/index.js";

function refusalWithCountedStack() {
  const error = new FTPError({ code: 550, message: "550 missing.txt: No such file or directory" });
  const counter = { reads: 0 };
  const stack = error.stack;
  Object.defineProperty(error, "stack", {
    get() {
      counter.reads++;
      return stack;
    },
    configurable: true,
  });
  return { error, counter };
}

describe("a refused call on a wrapped client", () => {
  it("does not read the library error's stack", async () => {
    const { error, counter } = refusalWithCountedStack();
    const client = new Client();
    Object.assign(client, {
      size: async () => {
        throw error;
      },
    });
    const wrapped = wrapClient(client);
    const thrown = await wrapped.size("missing.txt").catch((e: unknown) => e);
    expect(thrown).toMatchObject({ reason: "not-found", code: 550 });
    expect(counter.reads).toBe(0);
    // Logging it reads the cause (a redacted copy only when a text holds a secret): still there.
    expect((thrown as { cause?: unknown }).cause).toBe(error);
    expect(counter.reads).toBeGreaterThan(0);
  });
});
