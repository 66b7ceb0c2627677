// Fabricated errors in the exact shapes basic-ftp 6.2 produces (FTPError is basic-ftp's own
// class). The integration tests produce the same shapes from real servers; these cover the
// shapes no real server here produces on demand, and the edge cases of reading them.

import { inspect } from "node:util";
import { isTransferError } from "@transfer-errors/core";
import { replyText } from "@transfer-errors/core/adapter";
import { FTPError } from "basic-ftp";
import { describe, expect, it } from "vitest";
import { toTransferError } from "../../src/index.js";
import { fromFailure } from "../../src/read-error.js";
import { expectShape as expectTransferError } from "../support/expect-error.js";

function reply(code: number, message: string): FTPError {
  return new FTPError({ code, message });
}

function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe("FTPError replies", () => {
  it("keeps the reply code, strips it from the server text, refines by text", () => {
    const e = expectTransferError(
      toTransferError(reply(550, "550 a.txt: No such file or directory"), {
        operation: "size",
        path: "a.txt",
      }),
      {
        reason: "not-found",
        code: 550,
        retryable: false,
        reconnect: false,
        operation: "size",
        path: "a.txt",
      },
    );
    expect(e.serverMessage).toBe("a.txt: No such file or directory");
    expect(e.codeName).toBe("FILE_UNAVAILABLE");
  });

  it("leaves an unexplained 550 as file-unavailable", () => {
    expectTransferError(toTransferError(reply(550, "550 Failed to open file.")), {
      reason: "file-unavailable",
      code: 550,
      retryable: false,
      reconnect: false,
    });
  });

  it("joins the lines of a multi-line reply and takes the code off each", () => {
    const message = "550-Permission denied for\n this upload\n550 End of message";
    const e = toTransferError(reply(550, message), { operation: "uploadFrom", path: "x" });
    expect(e.serverMessage).toBe("Permission denied for\n this upload\nEnd of message");
    expect(e.reason).toBe("permission-denied");
  });

  it("reads a 421 as a reason to reconnect, even while the client still looks open", () => {
    expectTransferError(
      toTransferError(reply(421, "421 There are too many connections from your internet address.")),
      { reason: "service-unavailable", code: 421, retryable: true, reconnect: true },
    );
  });

  it("refines a 550 of ensureDir: basic-ftp reports the CWD after a failed MKD", () => {
    const e = expectTransferError(
      toTransferError(reply(550, "550 sub: No such file or directory"), {
        operation: "ensureDir",
        path: "/readonly/sub",
      }),
      { reason: "file-unavailable", retryable: false, reconnect: false },
    );
    expect(e.explanation).toContain("MKD");
  });

  it("a reply read without basic-ftp's class name (minified) is still a reply", () => {
    const e = toTransferError(nodeError("530 Login incorrect.", { name: "e", code: 530 }));
    expect([e.code, e.reason, e.serverMessage]).toEqual([530, "auth-failed", "Login incorrect."]);
  });

  it("replyText keeps lines without the code and a code that is only a prefix of a word", () => {
    expect(replyText("211-Status\n Connected\n211 End", 211)).toBe("Status\n Connected\nEnd");
    expect(replyText("550", 550)).toBe("");
    expect(replyText("5501 odd", 550)).toBe("5501 odd");
  });
});

describe("Node socket errors passed through with basic-ftp's suffix", () => {
  it("control socket: connection refused", () => {
    expectTransferError(
      toTransferError(
        nodeError("connect ECONNREFUSED 127.0.0.1:1 (control socket)", {
          code: "ECONNREFUSED",
          syscall: "connect",
          address: "127.0.0.1",
          port: 1,
        }),
        { operation: "access" },
      ),
      { reason: "connection-refused", code: "ECONNREFUSED", retryable: true, reconnect: true },
    );
  });

  it("data socket reset during a transfer: says the server may have refused the file", () => {
    const error = nodeError("read ECONNRESET (data socket)", {
      code: "ECONNRESET",
      syscall: "read",
    });
    const e = expectTransferError(toTransferError(error, { operation: "downloadTo", path: "f" }), {
      reason: "connection-lost",
      code: "ECONNRESET",
      retryable: true,
      reconnect: true,
    });
    expect(e.explanation).toMatch(/missing or unreadable/);
    const again = fromFailure(error, { operation: "downloadTo", path: "f", repeated: true });
    expectTransferError(again, { reason: "connection-lost", retryable: false, reconnect: true });
    expect(again.retry.why).toMatch(/again/);
  });

  it("a reset of the control socket is not read as a refused transfer", () => {
    const e = toTransferError(
      nodeError("read ECONNRESET (control socket)", { code: "ECONNRESET", syscall: "read" }),
      { operation: "downloadTo" },
    );
    expect(e.explanation).not.toMatch(/refus/);
  });
});

describe("operations not safe to repeat", () => {
  it("a lost connection during appendFrom is ambiguous, not retryable", () => {
    const e = toTransferError(
      new Error("Server sent FIN packet unexpectedly, closing connection."),
      {
        operation: "appendFrom",
        path: "log.txt",
      },
    );
    expect([e.reason, e.retryable, e.retry.ambiguous, e.retry.reconnect]).toEqual([
      "connection-lost",
      false,
      true,
      true,
    ]);
  });
});

describe("basic-ftp's own messages", () => {
  const cases: [
    string,
    string,
    Record<string, unknown>,
    Parameters<typeof expectTransferError>[1],
  ][] = [
    [
      "control timeout",
      "Timeout (control socket)",
      {},
      { reason: "timeout", code: undefined, retryable: true, reconnect: true },
    ],
    [
      "data timeout",
      "Timeout (data socket)",
      {},
      { reason: "timeout", code: undefined, retryable: true, reconnect: true },
    ],
    [
      "passive connect timeout (client stays open)",
      "Timeout when trying to open data connection to 127.0.0.1:36311",
      {},
      { reason: "data-connection-failed", retryable: true, reconnect: false },
    ],
    [
      "server FIN",
      "Server sent FIN packet unexpectedly, closing connection.",
      {},
      { reason: "connection-lost", retryable: true, reconnect: true },
    ],
    [
      "server close",
      "Server closed connection unexpectedly.",
      {},
      { reason: "connection-lost", retryable: true, reconnect: true },
    ],
    [
      "closed because of a data reset: the code of the closing error",
      "Client is closed because read ECONNRESET (data socket)",
      { code: "ECONNRESET" },
      { reason: "connection-lost", code: "ECONNRESET", retryable: true, reconnect: true },
    ],
    [
      "closed because of a timeout: code '0' is no code",
      "Client is closed because Timeout (control socket)",
      { code: "0" },
      { reason: "timeout", code: undefined, retryable: true, reconnect: true },
    ],
    [
      "closed by the application",
      "Client is closed because User closed client",
      { code: "0" },
      { reason: "client-misuse", retryable: false, reconnect: true },
    ],
    [
      "closed during a task",
      "User closed client during task",
      {},
      { reason: "client-misuse", retryable: false, reconnect: true },
    ],
    [
      "concurrent use",
      "User launched a task while another one is still running. Forgot to use 'await' or '.then()'?",
      {},
      { reason: "client-misuse", retryable: false, reconnect: true },
    ],
    [
      "passive refused with a transient reply",
      "None of the available transfer strategies work. Last error response was 'FTPError: 425 Can't open passive connection'.",
      {},
      { reason: "data-connection-failed", code: 425, retryable: true, reconnect: false },
    ],
    [
      "passive refused for good",
      "None of the available transfer strategies work. Last error response was 'FTPError: 550 Permission denied.'.",
      {},
      { reason: "data-connection-failed", code: 550, retryable: false, reconnect: false },
    ],
    [
      // A 227 without its address: cut off in transit (or a broken server, which a bounded retry
      // on a new connection shows soon enough).
      "passive reply without its address",
      "None of the available transfer strategies work. Last error response was 'Error: Can't parse response to 'PASV': 227 Entering Passive Mode'.",
      {},
      { reason: "connection-lost", retryable: true, reconnect: true },
    ],
    [
      "passive to another host",
      "None of the available transfer strategies work. Last error response was 'Error: PASV returned another host (8.8.8.8) for data transfer that you have connected to (127.0.0.1).'.",
      {},
      { reason: "data-connection-failed", retryable: false, reconnect: false },
    ],
    [
      "passive attempt on a closed client",
      "None of the available transfer strategies work. Last error response was 'Error: Client is closed because Server sent FIN packet unexpectedly, closing connection.'.",
      {},
      { reason: "connection-lost", retryable: true, reconnect: true },
    ],
    [
      "passive data port refused (later transfers)",
      "Can't open data connection in passive mode: connect ECONNREFUSED 127.0.0.1:1",
      { code: "ECONNREFUSED" },
      { reason: "data-connection-failed", code: "ECONNREFUSED", retryable: true, reconnect: false },
    ],
    [
      "passive reply cut off before its address",
      "Can't parse response to 'EPSV': 229 Entering Extended Passive ",
      {},
      { reason: "connection-lost", retryable: true, reconnect: true },
    ],
    [
      "passive reply cut off in transit (later transfers)",
      "Can't parse response to 'EPSV': 229 Entering Extended Passive Mode (|||282",
      {},
      { reason: "connection-lost", retryable: true, reconnect: true },
    ],
    [
      "complete passive reply that basic-ftp cannot read",
      "Can't parse response to 'EPSV': 229 Entering Extended Passive Mode (|||65536|)",
      {},
      { reason: "protocol-error", retryable: false, reconnect: false },
    ],
    [
      "PWD reply without quotes",
      "Can't parse response to command 'PWD': 257 no quotes",
      {},
      { reason: "protocol-error", retryable: false, reconnect: false },
    ],
    [
      "unknown listing format",
      "This library only supports MLSD, Unix- or DOS-style directory listing. Your FTP server seems to be using another format.",
      {},
      { reason: "protocol-error", retryable: false, reconnect: false },
    ],
    [
      "control characters in a path",
      "Invalid command: Contains control characters. (CWD a\r\nDELE b)",
      {},
      { reason: "invalid-name", retryable: false, reconnect: false },
    ],
    [
      "listing too large (basic-ftp closes)",
      "StringWriter: Maximum bytes exceeded, maxByteLength=1000. (data socket)",
      {},
      { reason: "protocol-error", retryable: false, reconnect: true },
    ],
    [
      "explicit TLS: certificate",
      "self-signed certificate",
      { code: "DEPTH_ZERO_SELF_SIGNED_CERT" },
      {
        reason: "tls-failed",
        code: "DEPTH_ZERO_SELF_SIGNED_CERT",
        retryable: false,
        reconnect: true,
        tls: true,
      },
    ],
    [
      "implicit TLS on a plain port",
      "80:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:ssl3_record.c:354:\n (control socket)",
      { code: "ERR_SSL_WRONG_VERSION_NUMBER" },
      {
        reason: "tls-failed",
        code: "ERR_SSL_WRONG_VERSION_NUMBER",
        retryable: false,
        reconnect: true,
        tls: true,
      },
    ],
  ];
  for (const [title, message, fields, expected] of cases) {
    it(title, () => {
      expectTransferError(toTransferError(nodeError(message, fields)), expected);
    });
  }

  it("keeps the OpenSSL message on one line", () => {
    const e = toTransferError(
      nodeError("80:error:0A00010B:SSL routines::wrong version number:\n (control socket)", {
        code: "ERR_SSL_WRONG_VERSION_NUMBER",
      }),
    );
    expect(e.message).not.toContain("\n");
  });
});

describe("local files", () => {
  // A real report (basic-ftp issue 103): the local file closed under downloadToDir.
  it("an fs error without a path, worded as Node words them, is local-file-error", () => {
    const error = nodeError("EBADF: bad file descriptor, write", {
      code: "EBADF",
      syscall: "write",
    });
    expectTransferError(toTransferError(error, { operation: "downloadToDir" }), {
      reason: "local-file-error",
      code: "EBADF",
      retryable: false,
      reconnect: false,
    });
  });
  it("an fs error of downloadTo's local path is local-file-error, not the server's not-found", () => {
    const error = nodeError("ENOENT: no such file or directory, open '/missing/dir/f'", {
      code: "ENOENT",
      syscall: "open",
      path: "/missing/dir/f",
    });
    const e = expectTransferError(toTransferError(error, { operation: "downloadTo", path: "f" }), {
      reason: "local-file-error",
      code: "ENOENT",
      retryable: false,
      reconnect: false,
    });
    expect(e.explanation).toContain("/missing/dir/f");
  });

  it("a write error without a path is local when a local file was given", () => {
    const error = nodeError("ENOSPC: no space left on device, write", {
      code: "ENOSPC",
      syscall: "write",
    });
    expectTransferError(
      fromFailure(error, { operation: "downloadTo", localPath: "/tmp/x", closed: true }),
      {
        reason: "local-file-error",
        retryable: false,
        reconnect: true,
      },
    );
  });

  it("the caller's stream error is local whatever it looks like", () => {
    const error = nodeError("disk full", { code: "ECONNRESET" });
    expectTransferError(fromFailure(error, { operation: "downloadTo", fromCallerStream: true }), {
      reason: "local-file-error",
      retryable: false,
      reconnect: false,
    });
  });

  it("a control connection reset while the passive strategies were tried is a lost connection", () => {
    const error = new Error(
      "None of the available transfer strategies work. Last error response was 'Error: Client is closed because write ECONNRESET (control socket)'.",
    );
    expectTransferError(fromFailure(error, { operation: "list", closed: true }), {
      reason: "connection-lost",
      retryable: true,
      reconnect: true,
    });
  });

  it("a data connection reset that basic-ftp forwarded into the caller's stream is the connection's", () => {
    // basic-ftp hands its socket's error to the destination Writable too: the suffix says whose.
    const error = nodeError("read ECONNRESET (data socket)", { code: "ECONNRESET" });
    expectTransferError(
      fromFailure(error, { operation: "downloadTo", fromCallerStream: true, closed: true }),
      { reason: "connection-lost", retryable: true, reconnect: true },
    );
  });

  it("a local file that changed during the upload can be sent again", () => {
    const error = nodeError(
      'Local file "/tmp/a" changed while it was being uploaded to "a": expected to send 10 bytes but sent 5. The remote file is incomplete.',
      {},
    );
    expectTransferError(toTransferError(error, { operation: "uploadFrom", path: "a" }), {
      reason: "local-file-error",
      retryable: true,
      reconnect: false,
    });
  });
});

describe("any value", () => {
  it("never throws, and keeps the original as originalError", () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    for (const value of [undefined, null, 42, "text", Symbol("s"), hostile, { code: {} }]) {
      const e = toTransferError(value);
      expect(isTransferError(e)).toBe(true);
      expect(e.originalError).toBe(value);
      // What loggers walk: the original, or a stand-in for one that cannot be read; never a throw.
      expect(() => e.cause).not.toThrow();
      if (value !== hostile) expect(e.cause).toBe(value);
    }
  });

  it("returns a TransferError unchanged", () => {
    const e = toTransferError(new Error("x"));
    expect(toTransferError(e)).toBe(e);
  });

  it("the public toTransferError takes the connection's secrets: an echoed password shows nowhere (issue 14)", () => {
    const password = "hunter2-Zq9x";
    const e = toTransferError(reply(530, `530 Login incorrect for ${password}`), {
      operation: "access",
      secrets: [password],
    });
    expect(e.reason).toBe("auth-failed");
    const shown = [
      e.message,
      e.serverMessage,
      e.explanation,
      e.retry.why,
      String(e),
      e.stack,
      JSON.stringify(e),
      inspect(e, { depth: Number.POSITIVE_INFINITY }),
    ].join("\n");
    expect(shown).toContain("530 Login incorrect for ***");
    expect(shown).not.toContain(password);
    // A PASS command the server quotes back is masked without being told the password.
    const quoted = toTransferError(reply(530, `530 PASS ${password}`));
    expect(JSON.stringify(quoted) + quoted.message + inspect(quoted)).not.toContain(password);
  });

  it("decides on the server's text, not on its redacted form: a password that is a word of the reply (issue 14)", () => {
    const cases = [
      [550, "550 No such file or directory", "such", "not-found", false],
      [552, "552 Disk full", "full", "no-space", true],
    ] as const;
    for (const [code, text, password, reason, retryable] of cases) {
      const e = toTransferError(reply(code, text), {
        operation: "downloadTo",
        secrets: [password],
      });
      expect([e.reason, e.retryable], password).toEqual([reason, retryable]);
      expect(e.serverMessage, password).not.toMatch(new RegExp(`\\b${password}\\b`));
    }
  });

  it("scrubs the secrets wrapClient passes, wherever basic-ftp echoed them", () => {
    const secret = "s3cr3t-Passw0rd";
    const e = fromFailure(
      nodeError(`Invalid command: Contains control characters. (LOGIN ${secret})`, {}),
      {
        secrets: [secret],
      },
    );
    expect(JSON.stringify(e) + e.message + e.explanation).not.toContain(secret);
  });
});
