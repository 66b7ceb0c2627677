import { classify } from "./classify.js";
import { ftpReplyNames, sftpStatusNames } from "./code-names.js";
import { tlsCodePattern } from "./code-reasons.js";
import { ftpAreaOf, ftpAreaTexts, ftpKindOf, ftpKindTexts, isFtpReplyCode } from "./ftp-digits.js";
import { ftpReplies } from "./ftp-replies.js";
import { reasonTexts } from "./reason-texts.js";
import { sftpStatuses } from "./sftp-statuses.js";
import { systemCodeSources, systemCodeTexts } from "./system-codes.js";
import type { CodeInfo, CodeText, Protocol, SystemCodeInfo } from "./types.js";

type Details = Omit<CodeText, "name">;

let byCode:
  | { ftp: Map<number, Details>; sftp: Map<number, Details & { version: number }> }
  | undefined;

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
  if (!kind) return undefined;
  const area = ftpAreaOf(code);
  const details = tables().ftp.get(code);
  const name = ftpReplyNames[code];
  const negative = (code >= 400 && code < 600) || code === 120;
  const { reason, retry } = classify({ protocol: "ftp", code });
  const info: CodeInfo = {
    protocol: "ftp",
    ...(details && name ? { ...details, name } : fromDigits(code, kind, area)),
    retryable: negative ? retry.retryable : false,
    known: details !== undefined,
    kind,
  };
  // RFC 959 defines the second digits 0 to 5 only: x6z to x9z have no area.
  if (area) info.area = area;
  if (negative) info.reason = reason;
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
  const details = tables().sftp.get(code);
  const name = sftpStatusNames[code];
  if (!details || !name) return undefined;
  const { reason, retry } = classify({ protocol: "sftp", code });
  const info: CodeInfo = {
    protocol: "sftp",
    ...details,
    name,
    retryable: code === 0 ? false : retry.retryable,
    known: true,
  };
  if (code !== 0) info.reason = reason;
  return info;
}

// Draft 05 spelled 16 "PRINCIPLE" (and 17 "CONFlICT", which upper-casing mends); libraries kept it.
const sftpAliases: Readonly<Record<string, string>> = {
  SSH_FX_UNKNOWN_PRINCIPLE: "SSH_FX_UNKNOWN_PRINCIPAL",
};

function sftpCodeByName(name: string): number | undefined {
  const upper = name.toUpperCase();
  const index = (sftpStatusNames as readonly string[]).indexOf(sftpAliases[upper] ?? upper);
  return index < 0 ? undefined : index;
}

/** A Node.js system or library code, or an OpenSSL certificate code, as `explain` gives it. */
function systemInfo(code: string, protocol: Protocol | undefined): SystemCodeInfo | undefined {
  const known = systemCodeTexts[code];
  const tls = !known && tlsCodePattern.test(code);
  if (!known && !tls) return undefined;
  const { reason, retry } = classify({ protocol: protocol ?? "ftp", code });
  const texts = reasonTexts[reason];
  return {
    protocol: undefined,
    code,
    name: code,
    text: known?.text ?? "A TLS certificate or handshake error",
    meaning: texts.what,
    action: texts.action,
    source: known ? systemCodeSources[known.source] : "OpenSSL and Node.js tls error codes",
    reason,
    retryable: retry.retryable,
    reconnect: retry.reconnect,
    known: true,
    system: true,
  };
}

/**
 * The registry entry of an FTP reply code (any 100 to 699; unknown ones read from their digits),
 * an SFTP status (0 to 31, or its `SSH_FX_*` name), or a Node.js system code that a
 * TransferError carries as `code` (`"ECONNRESET"`, `"ETIMEDOUT"`, `"ERR_STREAM_PREMATURE_CLOSE"`,
 * OpenSSL's `"CERT_HAS_EXPIRED"`). Without `protocol`, three digits are FTP and 0 to 31 or an
 * `SSH_FX_` name are SFTP. `undefined` for anything else; never throws.
 */
export function explain(code: number, protocol?: Protocol): CodeInfo | undefined;
export function explain(code: `SSH_FX_${string}`, protocol?: Protocol): CodeInfo | undefined;
export function explain(code: unknown, protocol?: Protocol): CodeInfo | SystemCodeInfo | undefined;
export function explain(code: unknown, protocol?: Protocol): CodeInfo | SystemCodeInfo | undefined {
  try {
    if (typeof code === "string") {
      const text = code.trim();
      if (/^\d{1,3}$/.test(text)) return explain(Number(text), protocol);
      if (/^[A-Z][A-Z0-9_]{2,60}$/.test(text)) {
        const system = systemInfo(text, protocol);
        if (system) return system;
      }
      if (protocol === "ftp" || !/^SSH_FX_/i.test(text)) return undefined;
      const status = sftpCodeByName(text);
      return status === undefined ? undefined : sftpInfo(status);
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
