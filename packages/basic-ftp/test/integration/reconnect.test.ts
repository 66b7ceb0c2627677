// A client that opens its connection again by itself, and withRetry on a client a failure closed,
// on the real ProFTPD: an upload into a read-only directory there resets the data connection, and
// basic-ftp closes the whole client.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TransferError, withRetry, wrapClient } from "../../src/index.js";
import { rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

let local: string;
beforeAll(() => {
  local = mkdtempSync(join(tmpdir(), "te-reconnect-"));
});
afterAll(() => rmSync(local, { recursive: true, force: true }));

describeWithServers("a wrapped client after a loss", () => {
  const handle = useFtpServer("proftpd");
  /** A transfer ProFTPD refuses with a reset of the data connection (from the login directory). */
  const refused = (client: Client, from = "") =>
    client.uploadFrom(Readable.from(["data"]), `${from}${F.readonlyDir}/new.txt`);

  it("without a way to reconnect, withRetry stops at once and says so, keeping the failure", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    let attempts = 0;
    const error = (await rejectionOf(
      withRetry(
        () => {
          attempts++;
          return refused(client);
        },
        { retries: 3, minDelayMs: 1 },
      ),
    )) as TransferError;
    expect(attempts).toBe(1);
    expect(error.message).toMatch(/not retried: the connection is gone/);
    expect((error.cause as TransferError).code).toBe("ECONNRESET");
    expect(error.attempts).toHaveLength(1);
    client.close();
  });

  describe("with reconnect: true", () => {
    it("the next call opens the connection again, in the same working directory", async () => {
      const client = wrapClient(new Client(5_000), { reconnect: true });
      await client.access(handle.options());
      await client.cd(F.fullDir);
      await rejectionOf(refused(client, "../"));
      expect(client.closed).toBe(true);
      await client.downloadTo(join(local, "a.txt"), F.fullDirEntries[0]);
      expect(readFileSync(join(local, "a.txt"), "utf8")).toBe(`${F.fullDirEntries[0]}\n`);
      client.close();
    });

    it("withRetry reconnects it by itself, and keeps every attempt's failure", async () => {
      const client = wrapClient(new Client(5_000), { reconnect: true });
      await client.access(handle.options());
      let attempts = 0;
      const error = (await rejectionOf(
        withRetry(
          () => {
            attempts++;
            return refused(client);
          },
          { retries: 3, minDelayMs: 1 },
        ),
      )) as TransferError;
      // The first reset may be the network; the same reset again is the server's refusal.
      expect(attempts).toBe(2);
      expect(error.retryable).toBe(false);
      expect(error.attempts?.map((a) => a.code)).toEqual(["ECONNRESET", "ECONNRESET"]);
      client.close();
    });

    it("a client the application closed is not reopened", async () => {
      const client = wrapClient(new Client(5_000), { reconnect: true });
      await client.access(handle.options());
      client.close();
      const e = (await rejectionOf(client.pwd())) as TransferError;
      expect(e.reason).toBe("client-misuse");
      expect(client.closed).toBe(true);
    });
  });
});
