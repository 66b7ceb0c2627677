// toApplicationFailure against the real @temporalio/common classes: the failure, and what
// Temporal's own failure converter would write into the workflow history.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ApplicationFailure,
  DefaultFailureConverter,
  defaultPayloadConverter,
} from "@temporalio/common";
import { ftpFixtures } from "@transfer-errors/testkit/ftp";
import { afterAll, describe, expect, it } from "vitest";
import { createActivities } from "../examples/temporal.ts";
import { toApplicationFailure, transferActivity, transferFailureType } from "../src/temporal.ts";
import { ambiguousAppend, busy, connectionLost, notFound } from "./support/errors.ts";
import { errorWithPlantedPassword, PLANTED_PASSWORD } from "./support/secrets.ts";
import { ftpUnavailable, useVsftpd } from "./support/servers.ts";

/** What Temporal's failure converter would store, payloads decoded: the text to search. */
function storedText(error: unknown): string {
  const stored = new DefaultFailureConverter().errorToFailure(error, defaultPayloadConverter);
  return JSON.stringify(stored, (_key, value) =>
    value instanceof Uint8Array ? Buffer.from(value).toString("utf8") : value,
  );
}

describe("toApplicationFailure", () => {
  it("a permanent failure: nonRetryable, type from the reason, toJSON() as the detail", () => {
    const error = notFound();
    const failure = toApplicationFailure(error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure.type).toBe("TransferError:not-found");
    expect(failure.type).toBe(transferFailureType(error.reason));
    expect(failure.nonRetryable).toBe(true);
    expect(failure.nextRetryDelay).toBeUndefined();
    expect(failure.message).toBe(error.message);
    expect(failure.details).toEqual([error.toJSON()]);
    expect(failure.cause).toBeUndefined();
  });

  it("a lost connection is retryable; a busy server's wait becomes nextRetryDelay", () => {
    expect(toApplicationFailure(connectionLost())).toMatchObject({
      type: "TransferError:connection-lost",
      nonRetryable: false,
    });
    const busyFailure = toApplicationFailure(busy());
    expect(busyFailure.nonRetryable).toBe(false);
    expect(busyFailure.nextRetryDelay).toBe(30_000);
  });

  it("an append that may have happened is not retried (unless retryAmbiguous)", () => {
    expect(toApplicationFailure(ambiguousAppend()).nonRetryable).toBe(true);
    expect(toApplicationFailure(ambiguousAppend(), { retryAmbiguous: true }).nonRetryable).toBe(
      false,
    );
  });

  it("other errors: their name as type, retryable as the core's isRetryable says", () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(toApplicationFailure(reset)).toMatchObject({ type: "Error", nonRetryable: false });
    expect(toApplicationFailure(new TypeError("bug"))).toMatchObject({
      type: "TypeError",
      nonRetryable: true,
      details: [],
    });
    const already = ApplicationFailure.retryable("mine", "Mine");
    expect(toApplicationFailure(already)).toBe(already);
  });

  it("the password in the raw cause never reaches the failure Temporal stores", () => {
    const { error, cause } = errorWithPlantedPassword();
    expect(error.originalError).toBe(cause);
    const text = storedText(toApplicationFailure(error));
    expect(text).toContain("TransferError:connection-refused");
    // The detail is there, decoded: the redacted toJSON().
    expect(text).toContain('\\"reason\\":\\"connection-refused');
    expect(text).not.toContain(PLANTED_PASSWORD);
    // A plain throw of the TransferError stores its cause too: the redacted copy, not the original.
    expect(storedText(error)).not.toContain(PLANTED_PASSWORD);
    expect(storedText(error)).toContain("ftp://***@127.0.0.1:2121/in");
  });

  it("transferActivity converts what the activity throws, and passes results through", async () => {
    await expect(transferActivity(async () => 42)()).resolves.toBe(42);
    const thrown = await transferActivity(async () => {
      throw notFound();
    })().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({ nonRetryable: true, type: "TransferError:not-found" });
  });
});

describe.skipIf(ftpUnavailable() !== undefined)("the README's activity against vsftpd", () => {
  const vsftpd = useVsftpd();
  const local = mkdtempSync(join(tmpdir(), "te-int-temporal-"));
  afterAll(() => rmSync(local, { recursive: true, force: true }));

  function activities() {
    const server = vsftpd.current;
    return createActivities({
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
    });
  }

  it("downloads", async () => {
    const target = join(local, "ok.txt");
    await activities().download(ftpFixtures.file, target);
    expect(readFileSync(target, "utf8")).toBe(ftpFixtures.fileText);
  });

  it("a missing file is a non-retryable ApplicationFailure with the redacted error as details", async () => {
    const failure = await activities()
      .download(ftpFixtures.missing, join(local, "missing.txt"))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    const f = failure as ApplicationFailure;
    expect(f.nonRetryable).toBe(true);
    expect(f.type).toMatch(/^TransferError:/);
    expect(f.details?.[0]).toMatchObject({ code: 550, operation: "downloadTo", retryable: false });
    expect(JSON.stringify(f.details)).not.toContain(vsftpd.current.password);
  });

  it("a wrong password: auth-failed, non-retryable, and the password in no field", async () => {
    const server = vsftpd.current;
    const wrong = "Wrong-Pw-Planted-99";
    const failure = await createActivities({
      host: server.host,
      port: server.port,
      user: server.user,
      password: wrong,
    })
      .download(ftpFixtures.file, join(local, "never.txt"))
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ type: "TransferError:auth-failed", nonRetryable: true });
    expect(storedText(failure)).toContain("auth-failed");
    expect(storedText(failure)).not.toContain(wrong);
  });
});
