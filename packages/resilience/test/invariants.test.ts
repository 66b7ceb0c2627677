// The contract's invariants, for every adapter, over generated client errors of every shape the
// libraries throw and over every catalogued server reply: one decision whichever door, an
// ambiguous failure is never retryable, a closed connection or a failed connect asks to
// reconnect, a refusal never asks to reconnect first, a negative FTP reply is the server's answer.
import * as ftp from "@transfer-errors/basic-ftp";
import { isReason, type TransferError } from "@transfer-errors/core";
import { createTransferError, type Failure } from "@transfer-errors/core/adapter";
import * as nodeFtp from "@transfer-errors/ftp";
import { repliesOf } from "@transfer-errors/server-replies";
import * as ssh2 from "@transfer-errors/ssh2";
import * as sftp from "@transfer-errors/ssh2-sftp-client";
import { FTPError } from "basic-ftp";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const ftpOperations = [
  "access",
  "login",
  "connect",
  "downloadTo",
  "uploadFrom",
  "appendFrom",
  "list",
  "size",
  "lastMod",
  "cd",
  "rename",
  "remove",
  "removeDir",
  "removeEmptyDir",
  "ensureDir",
  "send",
  "pwd",
  "uploadFromDir",
  "downloadToDir",
  "useTLS",
];
const sftpOperations = [
  "connect",
  "get",
  "fastGet",
  "put",
  "fastPut",
  "append",
  "mkdir",
  "rmdir",
  "delete",
  "rename",
  "posixRename",
  "list",
  "stat",
  "exists",
  "chmod",
  "realPath",
  "end",
];
const systemCodes = [
  "ECONNRESET",
  "EPIPE",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENOENT",
  "EACCES",
  "ENOSPC",
  "EMFILE",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "ERR_SOCKET_BAD_PORT",
  "0",
];
const libraryTexts = [
  "Timeout (control socket)",
  "Timeout (data socket)",
  "Server sent FIN packet unexpectedly",
  "User closed client",
  "User launched a task while another one is still running",
  "Invalid command: Contains control characters.",
  "PASV returned another host",
  "Can't open data connection in passive mode: connect ECONNREFUSED 127.0.0.1:1",
  "None of the available transfer strategies work. Last error response was 'FTPError: 500 EPSV not understood'.",
  "None of the available transfer strategies work. Last error response was 'Error: Client is closed because write ECONNRESET (control socket)'.",
  "Unexpected FTP response is requesting an answer: 332 Need account",
  "Deadline exceeded: downloadTo did not settle within 1000 ms",
  "StringWriter: Maximum bytes exceeded",
  "All configured authentication methods failed",
  "Timed out while waiting for handshake",
  "No response from server",
  "No SFTP connection available",
  "Keepalive timeout",
  "Handshake failed: no matching host key format",
  "Cannot parse privateKey: Unsupported key format",
  "Received exit code 127 while establishing SFTP session",
  "Bad path: /x already exists",
  "An existing SFTP connection is already defined",
  "Unable to start subsystem: sftp",
];
const replies = repliesOf();
const replyTexts = [...new Set(replies.map((r) => r.text))];

const textArb = fc.oneof(
  fc.constantFrom(...libraryTexts),
  fc.constantFrom(...replyTexts),
  fc.string({ maxLength: 60 }),
);
const suffixArb = fc.constantFrom("", " (control socket)", " (data socket)");
const closedArb = fc.constantFrom("", "Client is closed because ");

/** What basic-ftp throws: its FTPError, Node errors with its suffix, its own messages. */
const basicFtpErrorArb = fc.oneof(
  fc
    .record({ code: fc.integer({ min: 100, max: 699 }), text: textArb })
    .map(({ code, text }) => new FTPError({ code, message: `${code} ${text}` } as never)),
  fc
    .record({
      code: fc.constantFrom(...systemCodes),
      text: textArb,
      suffix: suffixArb,
      closed: closedArb,
    })
    .map(({ code, text, suffix, closed }) =>
      Object.assign(new Error(`${closed}${text}${suffix}`), { code }),
    ),
  textArb.map((text) => new Error(text)),
  fc.anything(),
);

/** What ssh2-sftp-client (and ssh2) throw: statuses behind method prefixes, library codes, levels. */
const sftpErrorArb = fc.oneof(
  fc
    .record({
      code: fc.integer({ min: 0, max: 31 }),
      op: fc.constantFrom(...sftpOperations),
      text: textArb,
      custom: fc.boolean(),
    })
    .map(({ code, op, text, custom }) =>
      Object.assign(new Error(`${op}: ${text} /data/f`), { code, custom }),
    ),
  fc
    .record({
      code: fc.constantFrom(
        "ERR_NOT_CONNECTED",
        "ERR_BAD_PATH",
        "ERR_GENERIC_CLIENT",
        "ERR_BAD_AUTH",
        ...systemCodes,
      ),
      op: fc.constantFrom(...sftpOperations, "getConnection"),
      text: textArb,
    })
    .map(({ code, op, text }) => Object.assign(new Error(`${op}: ${text}`), { code })),
  fc
    .record({
      level: fc.constantFrom(
        "client-authentication",
        "client-timeout",
        "client-dns",
        "protocol",
        "handshake",
      ),
      text: textArb,
      code: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
    })
    .map(({ level, text, code }) => Object.assign(new Error(text), { level, code })),
  textArb.map((text) => new Error(text)),
  fc.anything(),
);

const nodeFtpOperations = [
  "connect",
  "get",
  "put",
  "append",
  "list",
  "mlsd",
  "cwd",
  "delete",
  "mkdir",
  "rmdir",
  "rename",
  "size",
  "lastMod",
  "site",
  "pwd",
  "logout",
];
const ssh2Operations = [
  "connect",
  "open",
  "fastGet",
  "fastPut",
  "readFile",
  "writeFile",
  "appendFile",
  "unlink",
  "rename",
  "mkdir",
  "rmdir",
  "readdir",
  "stat",
  "setstat",
  "realpath",
  "ext_openssh_rename",
  "createReadStream",
];

/** What node-ftp and promise-ftp raise: a reply as its text with the code, Node errors, its own texts. */
const nodeFtpErrorArb = fc.oneof(
  fc
    .record({ code: fc.integer({ min: 100, max: 699 }), text: textArb })
    .map(({ code, text }) => Object.assign(new Error(text), { code })),
  fc
    .record({ code: fc.constantFrom(...systemCodes), text: textArb })
    .map(({ code, text }) => Object.assign(new Error(text), { code })),
  fc
    .constantFrom(
      "Timeout while connecting to server",
      "Unable to make data connection",
      "Unable to secure connection(s)",
      "File not found",
      "Unexpected data connection error: Error: read ECONNRESET",
    )
    .map((text) => new Error(text)),
  textArb.map((text) => new Error(text)),
  fc.anything(),
);

/** What ssh2's SFTPWrapper, its Client and node-ssh raise: statuses, disconnects, levels. */
const ssh2ErrorArb = fc.oneof(
  fc
    .record({ code: fc.integer({ min: 0, max: 31 }), text: textArb })
    .map(({ code, text }) => Object.assign(new Error(text), { code })),
  fc.record({ code: fc.integer({ min: 0, max: 127 }) }).map(({ code }) =>
    Object.assign(new Error(`Received exit code ${code} while establishing SFTP session`), {
      code,
    }),
  ),
  fc
    .record({
      level: fc.constantFrom("client-authentication", "client-timeout", "protocol", "handshake"),
      text: textArb,
      code: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
    })
    .map(({ level, text, code }) => Object.assign(new Error(text), { level, code })),
  fc
    .record({ code: fc.constantFrom(...systemCodes), text: textArb })
    .map(({ code, text }) => Object.assign(new Error(text), { code })),
  textArb.map((text) => new Error(text)),
  fc.anything(),
);

function checkContract(e: TransferError, failure: Failure): void {
  expect(isReason(e.reason)).toBe(true);
  expect(typeof e.retryable).toBe("boolean");
  expect(e.retry.retryable).toBe(e.retryable);
  if (e.retry.ambiguous) expect(e.retryable).toBe(false);
  if (!e.retryable) expect(e.retry.why).not.toMatch(/reconnect first/i);
  const signals = failure.signals ?? [];
  if (
    failure.traits?.connects ||
    signals.includes("client-closed") ||
    signals.includes("connecting")
  ) {
    expect(e.retry.reconnect).toBe(true);
  }
  const negativeReply =
    e.protocol === "ftp" &&
    typeof e.code === "number" &&
    e.code >= 400 &&
    e.code < 600 &&
    e.codeSpace === "ftp-reply";
  if (negativeReply && e.retry.ambiguous) {
    expect(e.reason).toBe("transfer-aborted");
    expect(failure.traits?.idempotent).toBe(false);
  }
}

interface Door {
  isRetryable(x: unknown): boolean;
  toTransferError(x: unknown): TransferError;
  readError(x: unknown, context: { operation?: string | undefined }): Failure;
}

/** Each adapter, what its client raises, and every context its wrapClient can be in. */
const generatedDoors: [string, Door, fc.Arbitrary<unknown>, fc.Arbitrary<object>][] = [
  [
    "basic-ftp",
    ftp as Door,
    basicFtpErrorArb,
    fc.record({
      operation: fc.option(fc.constantFrom(...ftpOperations), { nil: undefined }),
      closed: fc.boolean(),
      refusedBefore: fc.boolean(),
      authTlsRefused: fc.boolean(),
    }),
  ],
  [
    "ssh2-sftp-client",
    sftp as Door,
    sftpErrorArb,
    fc.record({
      operation: fc.option(fc.constantFrom(...sftpOperations), { nil: undefined }),
      connected: fc.option(fc.boolean(), { nil: undefined }),
      ended: fc.boolean(),
    }),
  ],
  [
    "ftp (node-ftp, promise-ftp)",
    nodeFtp as Door,
    nodeFtpErrorArb,
    fc.record({
      operation: fc.option(fc.constantFrom(...nodeFtpOperations), { nil: undefined }),
      closed: fc.boolean(),
      closedByApplication: fc.boolean(),
      connecting: fc.boolean(),
      dataReset: fc.boolean(),
      repeated: fc.boolean(),
      tls: fc.boolean(),
    }),
  ],
  [
    "ssh2 (and node-ssh)",
    ssh2 as Door,
    ssh2ErrorArb,
    fc.record({
      operation: fc.option(fc.constantFrom(...ssh2Operations), { nil: undefined }),
      connection: fc.boolean(),
      ended: fc.boolean(),
    }),
  ],
];

describe.each(generatedDoors)(
  "%s: the contract's invariants",
  (_name, door, errorArb, contextArb) => {
    it("isRetryable(x) is toTransferError(x).retryable, for every x", () => {
      fc.assert(
        fc.property(errorArb, (x) => {
          expect(door.isRetryable(x)).toBe(door.toTransferError(x).retryable);
        }),
      );
    });

    it("holds over generated errors in every context wrapClient can be in", () => {
      fc.assert(
        fc.property(errorArb, contextArb, (x, context) => {
          const failure = door.readError(x, context);
          checkContract(createTransferError(failure), failure);
        }),
      );
    });
  },
);

/** Each catalogued reply of the door's protocol as its client raises it, through each operation. */
const catalogDoors: [
  string,
  Door,
  "ftp" | "sftp",
  (code: number, text: string) => unknown,
  string[],
][] = [
  [
    "basic-ftp",
    ftp as Door,
    "ftp",
    (code, text) => new FTPError({ code, message: `${code} ${text}` } as never),
    ftpOperations,
  ],
  // node-ftp: the text after the code as the message, the code as a number.
  [
    "ftp",
    nodeFtp as Door,
    "ftp",
    (code, text) => Object.assign(new Error(text), { code }),
    nodeFtpOperations,
  ],
  [
    "ssh2-sftp-client",
    sftp as Door,
    "sftp",
    (code, text) => Object.assign(new Error(`get: ${text} /data/f`), { code, custom: true }),
    sftpOperations,
  ],
  // ssh2: the server's text as the message, the status as a number.
  [
    "ssh2",
    ssh2 as Door,
    "sftp",
    (code, text) => Object.assign(new Error(text), { code }),
    ssh2Operations,
  ],
];

describe("every catalogued reply, through each operation of its protocol", () => {
  it.each(catalogDoors)(
    "%s keeps the invariants (both doors agree, a reply is never ambiguous but a cut transfer)",
    (_name, door, protocol, raise, operations) => {
      for (const reply of replies) {
        if (reply.protocol !== protocol) continue;
        const raw = raise(reply.code, reply.text);
        expect(door.isRetryable(raw)).toBe(door.toTransferError(raw).retryable);
        for (const operation of operations) {
          const failure = door.readError(raw, { operation });
          checkContract(createTransferError(failure), failure);
        }
      }
    },
    // About 60,000 readings per adapter (every reply through every operation): a busy machine
    // takes several times as long as a quiet one.
    240_000,
  );
});
