import { describe, expect, it } from "vitest";
import { classify } from "../src/classify.js";
import { ftpReplyNames, sftpStatusNames } from "../src/code-names.js";
import { systemCodeReasons } from "../src/code-reasons.js";
import { ftpAreas, ftpKinds } from "../src/ftp-digits.js";
import { ftpReplies } from "../src/ftp-replies.js";
import { isReason } from "../src/reasons.js";
import { explain, listCodes } from "../src/registry.js";
import { sftpStatuses } from "../src/sftp-statuses.js";
import { sshDisconnectReasons } from "../src/ssh-disconnect-reasons.js";
import { systemCodeTexts } from "../src/system-codes.js";
import { winsockErrors } from "../src/winsock-errors.js";

// Codes whose practical retry hint departs from the first digit, and why.
const departsFromDigits: Record<number, string> = {
  120: "a delay, not a failure: worth waiting for",
  421: "4xx and the server closes: retry after reconnecting",
  430: "4xx by number, but wrong credentials do not fix themselves",
  431: "4xx by number, but in practice TLS is not set up on the server: retrying does not set it up",
};

const rfc959 = [
  110, 120, 125, 150, 200, 202, 211, 212, 213, 214, 215, 220, 221, 225, 226, 227, 230, 250, 257,
  331, 332, 350, 421, 425, 426, 450, 451, 452, 500, 501, 502, 503, 504, 530, 532, 550, 551, 552,
  553,
];
const extensions = [
  554, 228, 521, 232, 234, 235, 334, 335, 336, 431, 533, 534, 535, 536, 537, 631, 632, 633, 229,
  522, 430, 434,
];

describe("FTP registry", () => {
  const codes = ftpReplies.map((e) => e.code);

  it("holds every code of RFC 959 §4.2.2 and of the extensions", () => {
    expect(rfc959).toHaveLength(39);
    for (const code of [...rfc959, ...extensions]) expect(codes, `code ${code}`).toContain(code);
  });

  it("has unique codes and names, in order", () => {
    expect(new Set(codes).size).toBe(codes.length);
    const names = codes.map((c) => ftpReplyNames[c]);
    expect(names.every((n) => typeof n === "string" && /^[A-Z0-9_]+$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(codes.length);
    expect(Object.keys(ftpReplyNames).map(Number)).toEqual(codes);
    expect([...codes].sort((a, b) => a - b)).toEqual(codes);
  });

  it.each(ftpReplies.map((e) => [e.code, e] as const))(
    "%i agrees with its digits",
    (code, entry) => {
      const info = explain(code, "ftp")!;
      expect(info.known).toBe(true);
      expect(info.kind).toBe(ftpKinds[Math.floor(code / 100)]);
      expect(info.area).toBe(ftpAreas[Math.floor(code / 10) % 10]);
      expect(info.name).toBe(ftpReplyNames[code]);
      for (const field of ["text", "meaning", "action", "source"] as const) {
        expect(entry[field].trim().length, `${code} ${field}`).toBeGreaterThan(2);
      }
      const negative = code >= 400 && code < 600;
      expect(negative ? isReason(info.reason) : info.reason === undefined || code === 120).toBe(
        true,
      );
      if (code in departsFromDigits) return;
      expect(info.retryable, `${code}: ${info.name}`).toBe(
        negative ? code < 500 && classify({ protocol: "ftp", code }).retry.retryable : false,
      );
      if (negative && info.reason !== "auth-failed") expect(info.retryable).toBe(code < 500);
    },
  );

  it("reads unknown codes from their digits", () => {
    expect(explain(599)).toMatchObject({
      known: false,
      kind: "permanent-negative",
      retryable: false,
    });
    expect(explain(599)?.area).toBeUndefined();
    const info = explain(558)!;
    expect(info).toMatchObject({
      protocol: "ftp",
      known: false,
      kind: "permanent-negative",
      area: "file-system",
      retryable: false,
    });
    expect(explain(459)).toMatchObject({
      known: false,
      kind: "transient-negative",
      retryable: true,
    });
    expect(explain(199)).toMatchObject({ known: false, kind: "positive-preliminary" });
    expect(explain(699)).toMatchObject({ known: false, kind: "protected" });
  });
});

describe("SFTP registry", () => {
  it("holds every status 0 to 31 with the version that introduced it", () => {
    expect(sftpStatuses.map((e) => e.code)).toEqual([...Array(32).keys()]);
    expect(sftpStatusNames).toHaveLength(32);
    for (const e of sftpStatuses) {
      const expected = e.code <= 8 ? 3 : e.code <= 13 ? 4 : e.code <= 17 ? 5 : 6;
      expect(e.version, sftpStatusNames[e.code]).toBe(expected);
      expect(sftpStatusNames[e.code]).toMatch(/^SSH_FX_[A-Z_]+$/);
    }
  });

  it("finds a status by number or name, and keeps the drafts' old spellings", () => {
    expect(explain(2)).toMatchObject({
      protocol: "sftp",
      name: "SSH_FX_NO_SUCH_FILE",
      reason: "not-found",
      version: 3,
    });
    expect(explain("SSH_FX_FAILURE")?.code).toBe(4);
    expect(explain("ssh_fx_permission_denied")?.code).toBe(3);
    expect(explain("SSH_FX_UNKNOWN_PRINCIPLE")?.code).toBe(16);
    expect(explain(2, "ftp")).toBeUndefined();
    expect(explain(550, "sftp")).toBeUndefined();
  });

  it("marks every negative status with a reason", () => {
    for (const info of listCodes("sftp")) {
      if (info.code === 0) expect(info.reason).toBeUndefined();
      else expect(isReason(info.reason), info.name).toBe(true);
    }
  });
});

describe("other number systems stay out of the registry", () => {
  it("keeps SSH disconnect reasons and Winsock errors apart", () => {
    expect(sshDisconnectReasons.map((e) => e.code)).toEqual(
      [...Array(15).keys()].map((i) => i + 1),
    );
    expect(winsockErrors.map((e) => e.code)).toEqual([10054, 10060, 10061, 10066, 10068]);
    expect(explain(10054)).toBeUndefined();
    expect(listCodes().every((c) => c.code < 700)).toBe(true);
  });

  it("lists FTP first, then SFTP", () => {
    const all = listCodes();
    expect(all).toHaveLength(ftpReplies.length + sftpStatuses.length);
    expect(listCodes("ftp").every((c) => c.protocol === "ftp")).toBe(true);
  });
});

describe("Node.js system codes", () => {
  it("explains every code a TransferError can carry below FTP and SFTP", () => {
    // One table of reasons, one of texts: they cover the same codes.
    expect(Object.keys(systemCodeTexts).sort()).toEqual(Object.keys(systemCodeReasons).sort());
    for (const code of Object.keys(systemCodeReasons)) {
      const info = explain(code);
      expect(info, code).toMatchObject({ protocol: undefined, code, name: code, system: true });
      expect(info?.reason).toBe(systemCodeReasons[code]);
      expect(info?.text.length).toBeGreaterThan(5);
    }
  });

  it("gives the retry hint of the decision: a reset reconnects and retries, a refusal of a path does not", () => {
    expect(explain("ECONNRESET")).toMatchObject({
      reason: "connection-lost",
      text: "Connection reset by peer",
      retryable: true,
      reconnect: true,
      source: expect.stringMatching(/POSIX/),
    });
    expect(explain(" ETIMEDOUT ")).toMatchObject({ reason: "timeout", retryable: true });
    expect(explain("EACCES")).toMatchObject({ reason: "permission-denied", retryable: false });
    expect(explain("EAI_AGAIN")).toMatchObject({ reason: "host-not-found", retryable: true });
    expect(explain("CERT_HAS_EXPIRED")).toMatchObject({ reason: "tls-failed", system: true });
  });

  it("leaves words and unknown codes alone, and FTP and SFTP codes as they were", () => {
    expect(explain("EHELLO")).toBeUndefined();
    expect(explain("econnreset")).toBeUndefined();
    expect(explain("NOT_A_CODE")).toBeUndefined();
    expect(explain("SSH_FX_NO_SUCH_FILE")?.protocol).toBe("sftp");
    expect(explain("550")?.protocol).toBe("ftp");
  });
});
