// Real replies, from the servers' sources, that a new user met and the library read wrongly
// before the catalogs (issue "Knows every server"): each must come out as a person reads it.
import { toTransferError as fromBasicFtp } from "@transfer-errors/basic-ftp";
import { toTransferError as fromSftp } from "@transfer-errors/ssh2-sftp-client";
import { FTPError } from "basic-ftp";
import { describe, expect, it } from "vitest";

const ftp = (code: number, text: string, operation: string) =>
  fromBasicFtp(new FTPError({ code, message: `${code} ${text}` } as never), { operation });

const rows: [
  server: string,
  code: number,
  text: string,
  operation: string,
  reason: string,
  retryable: boolean,
][] = [
  ["FileZilla Server 0.9", 521, "PROT P required", "list", "tls-required", false],
  [
    "Pure-FTPd",
    521,
    "Data connection cannot be opened with this PROT setting.",
    "list",
    "tls-required",
    false,
  ],
  ["pyftpdlib", 521, "PROT S unsupported (use C or P).", "access", "unsupported", false],
  [
    "FileZilla Server 0.9",
    534,
    "This server requires an encrypted data connection with PROT P",
    "access",
    "tls-required",
    false,
  ],
  ["Pure-FTPd", 534, "TLS: Cipher too weak", "access", "tls-failed", false],
  [
    "ProFTPD",
    421,
    "Idle timeout (600 seconds): closing control connection",
    "rename",
    "timeout",
    true,
  ],
  [
    "ProFTPD",
    451,
    "Sorry, the maximum number of data transfers (5) from your host are currently being used.",
    "downloadTo",
    "service-unavailable",
    true,
  ],
  [
    "ProFTPD",
    530,
    "Sorry, the maximum number of hosts (2) for this user are already connected.",
    "access",
    "service-unavailable",
    true,
  ],
  [
    "ProFTPD",
    500,
    "FTP server shut down (going down at Tue Dec 1 18:00:00 2026) -- please try again later.",
    "list",
    "service-unavailable",
    true,
  ],
  [
    "wu-ftpd",
    500,
    "FTP server shut down -- please try again later.",
    "list",
    "service-unavailable",
    true,
  ],
  ["Pure-FTPd", 530, "You're already logged in", "login", "bad-sequence", false],
  ["Pure-FTPd", 530, "Please tell me who you are", "login", "bad-sequence", false],
  ["FileZilla Server 0.9", 550, "Filename invalid", "uploadFrom", "invalid-name", false],
  ["FileZilla Server 0.9", 550, "Directoryname not valid", "send", "invalid-name", false],
  [
    "wu-ftpd",
    550,
    "/pub/big.iso: Upload/Download ratio exceeded",
    "downloadTo",
    "quota-exceeded",
    false,
  ],
  [
    "Pure-FTPd",
    550,
    "Sorry, but the upload/download ratio is 1:2",
    "downloadTo",
    "quota-exceeded",
    false,
  ],
  ["Apache FtpServer", 450, "Non-existing file", "list", "not-found", false],
  ["Apache FtpServer", 551, "File listing failed.", "list", "server-error", false],
  ["ftp-srv", 502, "Command not allowed: XYZZY", "send", "unsupported", false],
  ["pyftpdlib", 550, "/nope-missing is not retrievable.", "downloadTo", "file-unavailable", false],
];

describe("FTP replies that were read wrongly before the catalogs", () => {
  it.each(rows)("%s %i %s (%s) is %s", (_server, code, text, operation, reason, retryable) => {
    const e = ftp(code, text, operation);
    expect({ reason: e.reason, retryable: e.retryable }).toEqual({ reason, retryable });
    // A negative reply is the server's answer: never "may have taken effect".
    expect(e.retry.ambiguous).toBeUndefined();
  });

  it("ProFTPD's idle timeout asks to reconnect, and the rename is retried after it", () => {
    const e = ftp(421, "Idle timeout (600 seconds): closing control connection", "rename");
    expect(e.retry).toMatchObject({ retryable: true, reconnect: true });
  });

  it("GNU inetutils ftpd: a missing file's SIZE says 'not a plain file.': unavailable, not a directory", () => {
    const e = ftp(550, "/nope-missing: not a plain file.", "size");
    expect(["not-found", "file-unavailable"]).toContain(e.reason);
    expect(e.retryable).toBe(false);
  });
});

describe("SFTP statuses that were read wrongly before the catalogs", () => {
  it("SFTPGo's space limit is quota-exceeded", () => {
    const raw = Object.assign(
      new Error("put: failure: denying write due to space limit /in/f.csv"),
      {
        code: 4,
        custom: true,
      },
    );
    const e = fromSftp(raw, { operation: "put", path: "/in/f.csv" });
    expect({ reason: e.reason, retryable: e.retryable }).toEqual({
      reason: "quota-exceeded",
      retryable: false,
    });
    expect(e.serverMessage).toBe("failure: denying write due to space limit");
  });
});
