// Every SFTP status of the corpus (real texts of 6 server products), shaped as ssh2 reports a
// status (an Error with the server's text and the status as `code`) and then as
// ssh2-sftp-client 12 rethrows it from each method (its own fmtError, with the method's prefix
// and the path), through toTransferError with the server's greeting that a wrapped client reads
// (the product's catalog's example), as a user's wrapClient or createConnection gives it.

import { corpusGreetingOf, loadCatalogs } from "@transfer-errors/server-replies";
import type { CorpusEntry } from "@transfer-errors/server-replies/corpus";
import {
  formatAccuracy,
  measureAccuracy,
  sftpCorpus,
} from "@transfer-errors/server-replies/corpus";
import SftpClient from "ssh2-sftp-client";
import { expect, it } from "vitest";
import { toTransferError } from "../src/index.js";

type Formatter = {
  fmtError(error: unknown, name?: string, code?: unknown): Error & { code?: unknown };
};

const library = new SftpClient() as unknown as Formatter;
const catalogs = loadCatalogs();

/** What ssh2-sftp-client 12.1 throws for this status from the entry's method. */
function thrown(entry: CorpusEntry): Error {
  const path = "/srv/data/report.csv";
  const { text, code } = entry;
  switch (entry.operation) {
    case "rename":
      return library.fmtError(`${text} From: ${path} To: /srv/data/b.csv`, "_rename", code);
    case "mkdir": {
      const inner = library.fmtError(`${text} ${path}`, "_doMkdir", code);
      return library.fmtError(inner.message, "mkdir", inner.code);
    }
    case "put":
      return library.fmtError(`Write stream error: ${text} ${path}`, "_put", code);
    case "stat":
      return library.fmtError(`${text} ${path}`, "_xstat", code);
    default:
      return library.fmtError(`${text} ${path}`, entry.operation ?? "sftp", code);
  }
}

it("reads the corpus of real SFTP statuses with >= 98 % right reasons and >= 99 % right retry hints", () => {
  const accuracy = measureAccuracy(sftpCorpus, (entry) => {
    const serverGreeting = corpusGreetingOf(entry, catalogs);
    const wrapped = toTransferError(thrown(entry), { serverGreeting });
    expect(wrapped.code).toBe(entry.code);
    expect(wrapped.protocol).toBe("sftp");
    return wrapped;
  });
  console.log(formatAccuracy("ssh2-sftp-client, SFTP corpus", accuracy));
  expect(accuracy.products.length).toBeGreaterThanOrEqual(5);
  expect(accuracy.entries).toBeGreaterThanOrEqual(60);
  expect(accuracy.reason).toBeGreaterThanOrEqual(0.98);
  expect(accuracy.retry).toBeGreaterThanOrEqual(0.99);
});
