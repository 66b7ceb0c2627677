// What console.log prints of a TransferError on the real ProFTPD: the stack from the caller's own
// frame (a wrapped call's, and one made with toTransferError in the caller's catch), then only the
// fields that are set.
import { inspect } from "node:util";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { expect, it } from "vitest";
import { toTransferError, wrapClient } from "../../src/index.js";
import { rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

/** The frames of what console.log prints, without Node's own (its microtask queue's). */
function framesOf(printed: string): string[] {
  return printed
    .split("\n")
    .filter((line) => /^\s+at /.test(line) && !line.includes("node:internal"));
}

describeWithServers("console.log of a TransferError", () => {
  const handle = useFtpServer("proftpd");

  it("of a wrapped call: the caller's frame first, no wrapper or timer frames, no undefined field", async () => {
    // A deadline that does not expire: its timer must not show in the stack either.
    const client = wrapClient(new Client(5_000), { timeoutMs: 30_000 });
    await client.access(handle.options());
    async function sizeOfMissingFile() {
      return await client.size(F.missing);
    }
    const printed = inspect(await rejectionOf(sizeOfMissingFile()));
    client.close();
    expect(printed.split("\n")[0]).toMatch(/^TransferError: FTP 550 /);
    expect(framesOf(printed)[0]).toMatch(/at (?:async )?sizeOfMissingFile /);
    expect(printed).not.toMatch(/wrap-client|expire|packages\/core|basic-ftp\/dist/);
    expect(printed).not.toContain("undefined");
    expect(printed).toContain("reason: 'not-found'");
  });

  it("of toTransferError in the caller's catch: the caller's frame first, not the core's", async () => {
    const client = new Client(5_000);
    await client.access(handle.options());
    async function sizeOfMissingFile() {
      try {
        return await client.size(F.missing);
      } catch (error) {
        throw toTransferError(error);
      }
    }
    const printed = inspect(await rejectionOf(sizeOfMissingFile()));
    client.close();
    expect(framesOf(printed)[0]).toMatch(/at (?:async )?sizeOfMissingFile /);
    expect(printed).not.toMatch(/createTransferError|adapter-functions|at toTransferError/);
    // No operation, path or greeting was given: none is printed, as undefined or otherwise.
    expect(printed).not.toContain("undefined");
    expect(printed).not.toMatch(/^ {2}(?:operation|path|serverGreeting):/m);
    expect(printed).toContain("code: 550");
  });
});
