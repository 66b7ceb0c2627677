import { classify } from "./classify.js";
import type { CodeSpace } from "./failure.js";
import { ftpAreaOf, ftpAreaTexts, ftpKindOf, ftpKindTexts, isFtpReplyCode } from "./ftp-digits.js";
import { ftpReplies } from "./ftp-replies.js";
import { sftpStatuses } from "./sftp-statuses.js";
import { sshDisconnectReasons } from "./ssh-disconnect-reasons.js";
import type { CodeInfo, CodeText, Protocol } from "./types.js";
import { winsockErrors } from "./winsock-errors.js";

let byCode: { ftp: Map<number, CodeText>; sftp: Map<number, CodeText> } | undefined;

function tables() {
  byCode ??= {
    ftp: new Map(ftpReplies.map((e) => [e.code, e])),
    sftp: new Map(sftpStatuses.map((e) => [e.code, e])),
  };
  return byCode;
}

function ftpInfo(code: number): CodeInfo | undefined {
  if (!isFtpReplyCode(code)) return undefined;
  const kind = ftpKindOf(code);
  const area = ftpAreaOf(code);
  if (!kind) return undefined;
  const entry = tables().ftp.get(code) ?? fromDigits(code, kind, area);
  const negative = code >= 400 && code < 600;
  const { reason, retry } = classify({ protocol: "ftp", code });
  const info: CodeInfo = {
    protocol: "ftp",
    ...entry,
    retryable: negative || code === 120 ? retry.retryable : false,
    known: tables().ftp.has(code),
    kind,
  };
  // RFC 959 defines the second digits 0 to 5 only: x6z to x9z have no area.
  if (area) info.area = area;
  if (negative || code === 120) info.reason = reason;
  return info;
}

function fromDigits(
  code: number,
  kind: NonNullable<CodeInfo["kind"]>,
  area: CodeInfo["area"],
): CodeText {
  const about = area ? area.replace("-", " ") : "no defined area";
  return {
    code,
    name: `UNKNOWN_${code}`,
    text: `Not defined by any RFC; read from its digits: ${kind.replace("-", " ")}, ${about}.`,
    meaning: `${ftpKindTexts[kind]} ${area ? `It concerns ${ftpAreaTexts[area]}.` : "Its second digit has no meaning in RFC 959."}`,
    action:
      code >= 400 && code < 500
        ? "Retry later; the server's text says more than the code."
        : code >= 500 && code < 600
          ? "Do not repeat the same command unchanged; the server's text says what to change."
          : "No action needed unless the client did not expect this reply.",
    source: "RFC 959 §4.2.1 (digits only)",
  };
}

function sftpInfo(code: number): CodeInfo | undefined {
  const entry = tables().sftp.get(code);
  if (!entry) return undefined;
  const { reason, retry } = classify({ protocol: "sftp", code });
  const info: CodeInfo = {
    protocol: "sftp",
    ...entry,
    retryable: code === 0 ? false : retry.retryable,
    known: true,
  };
  if (code !== 0) info.reason = reason;
  return info;
}

function sftpCodeByName(name: string): number | undefined {
  const upper = name.toUpperCase();
  // The drafts spelled 16 and 17 differently over time; libraries kept the old names.
  const alias: Record<string, string> = {
    SSH_FX_UNKNOWN_PRINCIPLE: "SSH_FX_UNKNOWN_PRINCIPAL",
    SSH_FX_LOCK_CONFlICT: "SSH_FX_LOCK_CONFLICT",
  };
  const wanted = alias[name] ?? upper;
  return sftpStatuses.find((e) => e.name === wanted)?.code;
}

function toNumber(value: string): number | undefined {
  const t = value.trim();
  return /^\d{1,3}$/.test(t) ? Number(t) : undefined;
}

/**
 * The registry entry of an FTP reply code (any 100 to 699; unknown ones read from their digits)
 * or an SFTP status (0 to 31, or its `SSH_FX_*` name). Without `protocol`, three digits are FTP and
 * 0 to 31 or an `SSH_FX_` name are SFTP. `undefined` for anything else; never throws.
 */
export function explain(code: unknown, protocol?: Protocol): CodeInfo | undefined {
  try {
    if (typeof code === "string") {
      const n = toNumber(code);
      if (n !== undefined) return explain(n, protocol);
      if (protocol === "ftp") return undefined;
      const sftp = /^SSH_FX_/i.test(code.trim()) ? sftpCodeByName(code.trim()) : undefined;
      return sftp === undefined ? undefined : sftpInfo(sftp);
    }
    if (typeof code !== "number" || !Number.isInteger(code)) return undefined;
    if (protocol === "ftp") return ftpInfo(code);
    if (protocol === "sftp") return sftpInfo(code);
    return code >= 100 ? ftpInfo(code) : sftpInfo(code);
  } catch {
    return undefined;
  }
}

/** Every known entry, FTP replies first, each protocol in code order. */
export function listCodes(protocol?: Protocol): CodeInfo[] {
  const out: CodeInfo[] = [];
  if (protocol !== "sftp") for (const e of ftpReplies) out.push(ftpInfo(e.code)!);
  if (protocol !== "ftp") for (const e of sftpStatuses) out.push(sftpInfo(e.code)!);
  return out;
}

/** The registry name of a code in its number system (`"SSH_FX_FAILURE"`, `"WSAECONNRESET"`). */
export function codeNameOf(space: CodeSpace | undefined, code: unknown): string | undefined {
  if (typeof code !== "number") return undefined;
  switch (space) {
    case "ftp-reply":
      return tables().ftp.get(code)?.name;
    case "sftp-status":
      return tables().sftp.get(code)?.name;
    case "ssh-disconnect":
      return sshDisconnectReasons.find((e) => e.code === code)?.name;
    case "winsock":
      return winsockErrors.find((e) => e.code === code)?.name;
    default:
      return undefined;
  }
}

/** The registry entry behind a failure, for the explanation: `undefined` outside the two registries. */
export function entryOf(space: CodeSpace | undefined, code: unknown): CodeText | undefined {
  if (typeof code !== "number") return undefined;
  if (space === "ftp-reply") return tables().ftp.get(code);
  if (space === "sftp-status") return tables().sftp.get(code);
  const other =
    space === "ssh-disconnect"
      ? sshDisconnectReasons.find((e) => e.code === code)
      : space === "winsock"
        ? winsockErrors.find((e) => e.code === code)
        : undefined;
  return (
    other && { ...other, action: "", source: space === "winsock" ? "Windows Sockets" : "RFC 4253" }
  );
}

/** Which protocol a bare code belongs to when the caller did not say. */
export function protocolOfCode(code: number): Protocol | undefined {
  if (isFtpReplyCode(code)) return "ftp";
  return code >= 0 && code <= 31 && Number.isInteger(code) ? "sftp" : undefined;
}
