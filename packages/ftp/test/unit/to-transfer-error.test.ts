// Errors in the exact shapes node-ftp 0.3.10, @icetee/ftp 0.3.15 and promise-ftp 1.3.5 produce
// (makeError in lib/connection.js, promise-ftp-common's classes, made here by the libraries
// themselves where they export them). The integration tests produce the same from real servers.
import { isTransferError } from "@transfer-errors/core";
import { formatAccuracy, ftpCorpus, measureAccuracy } from "@transfer-errors/server-replies/corpus";
import PromiseFtp from "promise-ftp";
import { describe, expect, it } from "vitest";
import { isRetryable, toTransferError } from "../../src/index.js";
import { expectShape } from "../support/expect-error.js";

/** node-ftp's makeError(code, text): the reply text without the code, a numeric code. */
function makeError(code: number, text: string): Error {
  return Object.assign(new Error(text), { code });
}

describe("replies (makeError)", () => {
  it("keeps the code and the server's text as sent; the text refines the 550", () => {
    const e = expectShape(
      toTransferError(makeError(550, "a.txt: No such file or directory"), {
        operation: "get",
        path: "a.txt",
      }),
      {
        reason: "not-found",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "get",
        path: "a.txt",
      },
    );
    expect(e.serverMessage).toBe("a.txt: No such file or directory");
    expect(e.codeName).toBe("FILE_UNAVAILABLE");
  });

  it("joins a multi-line reply with newlines (node-ftp keeps CRLF)", () => {
    const e = toTransferError(makeError(550, "Permission denied for\r\n this upload\r\nEnd"));
    expect(e.serverMessage).toBe("Permission denied for\n this upload\nEnd");
    expect(e.reason).toBe("permission-denied");
  });

  it("a 421 between calls: retry after reconnecting", () => {
    expectShape(
      toTransferError(
        makeError(421, "No transfer timeout (300 seconds): closing control connection"),
      ),
      {
        reason: "timeout",
        code: 421,
        retryable: true,
        reconnect: true,
      },
    );
  });

  it("node-ftp's own text with a reply code is not the server's", () => {
    const e = expectShape(
      toTransferError(makeError(504, "Unable to secure connection(s)"), { operation: "connect" }),
      {
        reason: "unsupported",
        code: 504,
        retryable: false,
        reconnect: true,
      },
    );
    expect(e.serverMessage).toBeUndefined();
    expect(toTransferError(makeError(502, "Compression not supported")).reason).toBe("unsupported");
    expect(toTransferError(makeError(331, "Password required")).reason).toBe("auth-failed");
  });
});

describe("node-ftp's own errors (no code)", () => {
  const cases: [string, string, boolean, boolean][] = [
    ["Timeout while connecting to server", "timeout", true, true],
    ["Timed out while making data connection", "data-connection-failed", true, false],
    [
      "Unable to make data connection( Error: connect ECONNREFUSED 127.0.0.1:1)",
      "data-connection-failed",
      true,
      false,
    ],
    ["Unexpected data connection error: Error: read ECONNRESET", "transfer-aborted", true, false],
    ["Unable to parse PASV server response", "protocol-error", false, false],
    ["Invalid date/time format from server", "protocol-error", false, false],
    ["File not found", "not-found", false, false],
  ];
  for (const [message, reason, retryable, reconnect] of cases) {
    it(message, () => {
      expectShape(toTransferError(new Error(message), { operation: "size" }), {
        reason,
        retryable,
        reconnect,
      } as never);
    });
  }

  it("a socket error keeps its code: ECONNRESET is connection-lost", () => {
    const reset = Object.assign(new Error("read ECONNRESET"), {
      code: "ECONNRESET",
      syscall: "read",
    });
    expectShape(toTransferError(reset, { operation: "pwd" }), {
      reason: "connection-lost",
      code: "ECONNRESET",
      retryable: true,
      reconnect: true,
    });
  });
});

describe("promise-ftp's errors", () => {
  it("FtpConnectionError: disconnected is a lost connection, other states are misuse", () => {
    const gone = new PromiseFtp.FtpConnectionError(
      "can't perform 'get' command when connection status is: disconnected",
    );
    expectShape(toTransferError(gone, { operation: "get" }), {
      reason: "connection-lost",
      retryable: true,
      reconnect: true,
    });
    const early = new PromiseFtp.FtpConnectionError(
      "can't perform 'get' command when connection status is: not yet connected",
    );
    expectShape(toTransferError(early), {
      reason: "client-misuse",
      retryable: false,
      reconnect: false,
    });
    const twice = new PromiseFtp.FtpConnectionError(
      "can't connect when connection status is: 'connected'",
    );
    expectShape(toTransferError(twice, { operation: "connect" }), {
      reason: "client-misuse",
      retryable: false,
      reconnect: true,
    });
  });

  it("FtpReconnectError is read by the failure of its reconnect", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:21"), {
      code: "ECONNREFUSED",
    });
    const error = new PromiseFtp.FtpReconnectError(new Error("read ECONNRESET"), refused, false);
    const e = expectShape(toTransferError(error, { operation: "list" }), {
      reason: "connection-refused",
      code: "ECONNREFUSED",
      retryable: true,
      reconnect: true,
    });
    expect(e.cause).toBe(error);
  });
});

describe("any value", () => {
  it("never throws, and isRetryable agrees with toTransferError", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("boom");
        },
      },
    );
    for (const value of [
      undefined,
      null,
      42,
      "text",
      {},
      hostile,
      makeError(450, "busy"),
      new Error("File not found"),
    ]) {
      const e = toTransferError(value);
      expect(isTransferError(e)).toBe(true);
      expect(isRetryable(value)).toBe(e.retryable);
    }
  });

  it("keeps the password out of every text", () => {
    const e = toTransferError(makeError(530, "Login incorrect for s3cret-pw"), {
      secrets: ["s3cret-pw"],
    });
    expect(JSON.stringify(e) + e.message + e.explanation).not.toContain("s3cret-pw");
  });
});

it("reads the corpus of real FTP replies with >= 98 % right reasons and >= 99 % right retry hints", () => {
  const accuracy = measureAccuracy(ftpCorpus, (entry) => {
    const wrapped = toTransferError(makeError(entry.code, entry.text), {
      operation: entry.operation,
    });
    expect(wrapped.code).toBe(entry.code);
    expect(wrapped.serverMessage).toBe(entry.text);
    return wrapped;
  });
  console.log(formatAccuracy("node-ftp, FTP corpus", accuracy));
  expect(accuracy.entries).toBeGreaterThanOrEqual(150);
  expect(accuracy.reason).toBeGreaterThanOrEqual(0.98);
  expect(accuracy.retry).toBeGreaterThanOrEqual(0.99);
});
