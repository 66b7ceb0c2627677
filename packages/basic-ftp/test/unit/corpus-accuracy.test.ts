// Every FTP reply of the corpus (real texts of 11 server products), thrown as basic-ftp throws a
// negative reply (an FTPError with the whole reply as its message), through toTransferError.
// basic-ftp's ensureDir ignores a failed MKD and reports the CWD after it, so an MKD reply reaches
// a basic-ftp user only through `client.send("MKD ...")`: that is the operation it is read with.

import { formatAccuracy, ftpCorpus, measureAccuracy } from "@transfer-errors/server-replies/corpus";
import { FTPError } from "basic-ftp";
import { expect, it } from "vitest";
import { toTransferError } from "../../src/index.js";

it("reads the corpus of real FTP replies with >= 98 % right reasons and >= 99 % right retry hints", () => {
  const accuracy = measureAccuracy(ftpCorpus, (entry) => {
    const error = new FTPError({ code: entry.code, message: `${entry.code} ${entry.text}` });
    const operation = entry.command === "MKD" ? "send" : entry.operation;
    const wrapped = toTransferError(error, { operation });
    expect(wrapped.code).toBe(entry.code);
    expect(wrapped.serverMessage).toBe(entry.text);
    return wrapped;
  });
  console.log(formatAccuracy("basic-ftp, FTP corpus", accuracy));
  expect(accuracy.products.length).toBeGreaterThanOrEqual(10);
  expect(accuracy.entries).toBeGreaterThanOrEqual(150);
  expect(accuracy.reason).toBeGreaterThanOrEqual(0.98);
  expect(accuracy.retry).toBeGreaterThanOrEqual(0.99);
});
