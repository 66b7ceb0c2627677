import {
  ftpAreaReasons,
  ftpReplyReasons,
  sftpStatusReasons,
  sshDisconnectReasonOf,
  systemCodeReasons,
  tlsCodePattern,
  transientSystemCodes,
  winsockReasons,
} from "./code-reasons.js";
import type { CodeSpace } from "./failure.js";
import { isFtpReplyCode } from "./ftp-digits.js";
import { reasonRetry, reconnectReasons } from "./reason-policy.js";
import type { Reason } from "./reasons.js";
import type { Protocol } from "./types.js";

// What a code alone says, without its text: all that `isRetryable` needs for a raw error, kept
// apart from the text rules so that it stays small.

/** The number system of a code: the adapter's word, or the default of its protocol and type. */
export function codeSpaceOf(
  protocol: Protocol,
  code: unknown,
  declared?: CodeSpace,
): CodeSpace | undefined {
  if (declared) return declared;
  if (typeof code === "string") return code === "" ? undefined : "system";
  if (typeof code !== "number" || !Number.isInteger(code)) return undefined;
  if (protocol === "ftp") {
    if (isFtpReplyCode(code)) return "ftp-reply";
    return winsockReasons[code] ? "winsock" : undefined;
  }
  return code >= 0 && code <= 31 ? "sftp-status" : undefined;
}

/** The reason a code stands for when nothing else is known. */
export function reasonOfCode(space: CodeSpace | undefined, code: unknown): Reason {
  if (typeof code === "number") {
    if (space === "ftp-reply" && isFtpReplyCode(code)) return ftpReplyReason(code);
    if (space === "sftp-status") return sftpStatusReasons[code] ?? "unknown";
    if (space === "ssh-disconnect") return sshDisconnectReasonOf[code] ?? "connection-lost";
    if (space === "winsock") return winsockReasons[code] ?? "unknown";
  }
  if (typeof code === "string" && (space === "system" || space === undefined)) {
    return systemCodeReasons[code] ?? (tlsCodePattern.test(code) ? "tls-failed" : "unknown");
  }
  return "unknown";
}

function ftpReplyReason(code: number): Reason {
  const known = ftpReplyReasons[code];
  if (known) return known;
  // A positive reply that reached the error path is a reply the client did not expect.
  if (code < 400 || code >= 600) return "protocol-error";
  return ftpAreaReasons[Math.floor(code / 10) % 10] ?? "unknown";
}

/** The retry decision of a reason, where the code's class decides the undecided ones. */
export function retryableOf(reason: Reason, space: CodeSpace | undefined, code: unknown): boolean {
  // A system code that clears by itself (EAI_AGAIN, EMFILE) is transient whatever its reason says.
  if (space === "system" && typeof code === "string" && transientSystemCodes.includes(code)) {
    return true;
  }
  const policy = reasonRetry[reason];
  if (typeof policy === "boolean") return policy;
  const reply = space === "ftp-reply" && typeof code === "number";
  if (!reply) return policy === "class-or-transient";
  // RFC 959 §4.2.1: 4yz "the error condition is temporary and the action may be requested again".
  return code >= 400 && code < 500;
}

/**
 * The retry decision of a code alone. An FTP reply the registry does not know is read from its
 * first digit only (4xx transient, everything else not), whatever its area suggests.
 */
export function retryableOfCode(space: CodeSpace | undefined, code: unknown): boolean {
  if (space === "ftp-reply" && typeof code === "number" && ftpReplyReasons[code] === undefined) {
    return code >= 400 && code < 500;
  }
  return retryableOf(reasonOfCode(space, code), space, code);
}

/** Whether the connection is gone after a failure of this reason and code. */
export function reconnectOf(reason: Reason, space: CodeSpace | undefined, code: unknown): boolean {
  return (
    reconnectReasons.has(reason) ||
    space === "ssh-disconnect" ||
    (space === "ftp-reply" && code === 421)
  );
}
