// The real error reports (src/reports.ts): well formed, and read as a person reads them at least
// as well as when they were gathered. The floors are the figures measured with the rules of the
// day; the held-out half's are the ones no rule was written against.
import { isReason } from "@transfer-errors/core";
import { describe, expect, it } from "vitest";
import {
  type LibraryMessage,
  loadLibraryMessages,
  loadReports,
  nodeFieldsOf,
  type Report,
  readReport,
  reportHalfOf,
  reportLibraries,
} from "../src/reports.js";

const reports = loadReports();

describe("the reports", () => {
  it("are each a quoted error of a known library, with a contract reason and a retry hint", () => {
    expect(reports.length).toBeGreaterThanOrEqual(300);
    for (const report of reports) {
      const where = `${report.library} ${report.url}`;
      expect(reportLibraries, where).toContain(report.library);
      expect(report.url, where).toMatch(/^https:\/\/\S+$/);
      expect(report.error.message.trim(), where).not.toBe("");
      expect(isReason(report.reason), where).toBe(true);
      expect(typeof report.retryable, where).toBe("boolean");
      for (const url of report.alsoSeen ?? []) expect(url, where).toMatch(/^https:\/\/\S+$/);
    }
  });

  it("name one message once per library (further threads go in alsoSeen)", () => {
    const seen = new Set<string>();
    for (const report of reports) {
      const key = `${report.library}\0${report.error.message.toLowerCase().replace(/\s+/g, " ")}`;
      expect(seen.has(key), `${report.library}: ${report.error.message}`).toBe(false);
      seen.add(key);
    }
  });
});

describe("a report replayed as its library threw it", () => {
  it("has the fields Node sets on its own errors, when the printout shows only the message", () => {
    expect(nodeFieldsOf("ENOENT: no such file or directory, open '/Users/a/index.html'")).toEqual({
      code: "ENOENT",
      syscall: "open",
      path: "/Users/a/index.html",
    });
    expect(nodeFieldsOf("EBADF: bad file descriptor, write")).toEqual({
      code: "EBADF",
      syscall: "write",
    });
    expect(nodeFieldsOf("connect ECONNREFUSED 10.0.0.5:21")).toEqual({
      code: "ECONNREFUSED",
      syscall: "connect",
      address: "10.0.0.5",
      port: 21,
    });
    expect(nodeFieldsOf("read ECONNRESET")).toEqual({ code: "ECONNRESET", syscall: "read" });
    expect(nodeFieldsOf("getaddrinfo ENOTFOUND ftp.example.com")).toEqual({
      code: "ENOTFOUND",
      syscall: "getaddrinfo",
      hostname: "ftp.example.com",
    });
    // A library's message around Node's: its fields are the library's, not known here.
    expect(nodeFieldsOf("put: read ECONNRESET")).toEqual({});
  });
});

/** The share of `of` read as reported, reason and retry hint. */
function shareOf(of: readonly (Report | LibraryMessage)[]) {
  let reason = 0;
  let retry = 0;
  for (const report of of) {
    const error = readReport(report);
    if (error.reason === report.reason) reason++;
    if (error.retryable === report.retryable) retry++;
  }
  return { n: of.length, reason: reason / of.length, retry: retry / of.length };
}

/** `of`'s `half` has more than `atLeast` entries and reads as given at least at the floors. */
function expectHalfAtFloors(
  of: readonly (Report | LibraryMessage)[],
  half: "tuning" | "held-out",
  floors: { reason: number; retry: number; atLeast: number },
) {
  const share = shareOf(of.filter((entry) => reportHalfOf(entry) === half));
  expect(share.n).toBeGreaterThan(floors.atLeast);
  expect(share.reason).toBeGreaterThanOrEqual(floors.reason);
  expect(share.retry).toBeGreaterThanOrEqual(floors.retry);
}

describe("each report through its adapter", () => {
  // [half, reason floor, retry-hint floor]: what `pnpm measure:reports` gave when the floors were
  // set (the README tells the figures before any rule was changed for the reports).
  it.each([
    ["tuning", 0.899, 0.976],
    ["held-out", 0.732, 0.931],
  ] as const)(
    "the %s half reads as reported at least as well as when the floors were set",
    (half, reason, retry) => expectHalfAtFloors(reports, half, { reason, retry, atLeast: 120 }),
  );

  it("every library's reports read through its own adapter", () => {
    for (const library of reportLibraries) {
      const share = shareOf(reports.filter((report) => report.library === library));
      expect(share.n, library).toBeGreaterThanOrEqual(50);
      expect(share.reason, library).toBeGreaterThanOrEqual(0.77);
      expect(share.retry, library).toBeGreaterThanOrEqual(0.91);
    }
  });
});

// Every error each library's source can make (libraries/), read there: complete knowledge of the
// client, whether or not a user has reported the message yet.
describe("the libraries' own messages", () => {
  const messages = loadLibraryMessages();

  it("are each read at a place in a known library's source, with a contract reason and a retry hint", () => {
    expect(messages.length).toBeGreaterThanOrEqual(300);
    for (const message of messages) {
      const where = `${message.library} ${message.source}`;
      expect(reportLibraries, where).toContain(message.library);
      expect(message.source.trim(), where).not.toBe("");
      expect(message.error.message.trim(), where).not.toBe("");
      expect(isReason(message.reason), where).toBe(true);
      expect(typeof message.retryable, where).toBe("boolean");
    }
    expect(new Set(messages.map((m) => m.library))).toEqual(new Set(reportLibraries));
  });

  it.each([
    // [half, reason floor, retry-hint floor]: `pnpm measure:reports --libraries` when set.
    // Lowered (0.86 and 0.813 before) when OpenSSH's bare "Failure" to MKDIR, RMDIR, RENAME and
    // REMOVE came to read as its sources mean it (checked against the real server:
    // packages/ssh2/test/servers.test.ts): messages labelled with the generic server-error
    // ("Failure" of ssh2's mkdir and of ssh2-sftp-client's delete) read otherwise now, the retry
    // hints alike.
    ["tuning", 0.848, 0.953],
    ["held-out", 0.806, 0.933],
  ] as const)(
    "the %s half reads as read in the sources at least as well as when the floors were set",
    (half, reason, retry) => expectHalfAtFloors(messages, half, { reason, retry, atLeast: 140 }),
  );
});
