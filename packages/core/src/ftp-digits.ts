import type { FtpArea, FtpKind } from "./types.js";

// RFC 959 §4.2.1: the first digit says how the command went, the second what it was about.
// 6yz is RFC 2228's protected reply.

/** First digit (index) → kind. */
export const ftpKinds: readonly (FtpKind | undefined)[] = [
  undefined,
  "positive-preliminary",
  "positive-completion",
  "positive-intermediate",
  "transient-negative",
  "permanent-negative",
  "protected",
];

/** Second digit (index) → area. */
export const ftpAreas: readonly FtpArea[] = [
  "syntax",
  "information",
  "connections",
  "authentication",
  "unspecified",
  "file-system",
];

/** True for an integer that has the form of an FTP reply code (100 to 699). */
export function isFtpReplyCode(code: unknown): code is number {
  return typeof code === "number" && Number.isInteger(code) && code >= 100 && code <= 699;
}

export function ftpKindOf(code: number): FtpKind | undefined {
  return ftpKinds[Math.floor(code / 100)];
}

export function ftpAreaOf(code: number): FtpArea | undefined {
  return ftpAreas[Math.floor(code / 10) % 10];
}

/** RFC 959 §4.2.1 in short: what each first digit says. */
export const ftpKindTexts: Readonly<Record<FtpKind, string>> = {
  "positive-preliminary":
    "The action is being started; expect another reply before the next command.",
  "positive-completion": "The action completed successfully.",
  "positive-intermediate":
    "The command was accepted but is held until more information arrives (the next command of a sequence).",
  "transient-negative":
    "The action was not taken, but the condition is temporary: the same command may succeed later.",
  "permanent-negative":
    "The action was not taken, and repeating the same command unchanged will fail the same way.",
  protected:
    "A protected reply (RFC 2228): its payload is an encoded reply that the security mechanism decodes.",
};

/** RFC 959 §4.2.1 in short: what each second digit is about. */
export const ftpAreaTexts: Readonly<Record<FtpArea, string>> = {
  syntax: "syntax: the command was malformed, unknown or not implemented",
  information: "information: a reply to a request for information (status, help)",
  connections: "connections: the control or data connection",
  authentication: "authentication and accounting: the login and account process",
  unspecified: "unspecified",
  "file-system": "file system: the state of the server's file system in relation to the request",
};
