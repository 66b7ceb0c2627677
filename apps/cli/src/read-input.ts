// What the user gave `explain`: a bare code ("550", "2", "SSH_FX_FAILURE", "FILE_UNAVAILABLE"),
// or a whole error line as people paste it ("550 Failed to open file.", "Error: get: No such
// file /x", "connect ECONNREFUSED 127.0.0.1:21"). A line becomes what the client library would
// have thrown, and the adapter of that library classifies it, as it would in a program.
import {
  type CodeInfo,
  explain,
  listCodes,
  type Protocol,
  type TransferError,
} from "@transfer-errors/core";
import { classifyThrown } from "./classify-thrown.js";

export type ExplainInput =
  | { kind: "code"; info: CodeInfo }
  | {
      kind: "line";
      error: TransferError;
      /** The registry entry of the line's code, when it has an FTP reply or SFTP status code. */
      info: CodeInfo | undefined;
      /** The line said nothing about its protocol, nor did the user. */
      assumedProtocol: boolean;
    }
  | { kind: "none" };

/** ssh2-sftp-client prefixes its messages with the method name: "get: No such file /x". */
const sftpClientMethods = new Set([
  "append",
  "chmod",
  "connect",
  "createReadStream",
  "createWriteStream",
  "cwd",
  "delete",
  "downloadDir",
  "end",
  "exists",
  "fastGet",
  "fastPut",
  "get",
  "getConnection",
  "list",
  "lstat",
  "mkdir",
  "posixRename",
  "put",
  "rcopy",
  "realPath",
  "rename",
  "rmdir",
  "sftp",
  "stat",
  "uploadDir",
  "_xstat",
]);

/** "Error: ", "FTPError: ", "Response: " (FileZilla's log), "< " (curl -v): not part of the error. */
const LEADER = /^(?:(?:[A-Za-z]*(?:Error|Exception)|Response|Reply|Status)\s*:\s*|<+\s+)/;
const FTP_REPLY = /^([1-6]\d\d)(?:[ -]([\s\S]*))?$/;
const SFTP_NAME = /\b(SSH_FX_[A-Za-z_]+)\b[\s:,.-]*/;
const METHOD = /^([A-Za-z_]\w*)(?:->|:\s)\s*/;
// E[A-Z]{2} and not {2,}: the same codes, without retrying each split of a long capital run.
const SYSTEM_CODE = /\b(E[A-Z]{2}[A-Z0-9_]*|ERR_[A-Z0-9_]+)\b/;

/** A bare code: the registry entry, whichever of its spellings was used. */
function bareCode(text: string, protocol: Protocol | undefined): CodeInfo | undefined {
  const info = explain(text, protocol);
  // A system code ("ECONNRESET") is read as a thrown error below, with its adapter's reading.
  if (info && info.protocol !== undefined) return info;
  const upper = text.toUpperCase();
  if (!/^[A-Z_]+$/.test(upper)) return undefined;
  return listCodes(protocol).find((entry) => entry.name === upper);
}

function stripLeaders(text: string): string {
  let rest = text;
  for (let i = 0; i < 5 && LEADER.test(rest); i++) rest = rest.replace(LEADER, "");
  return rest;
}

/** The text of an FTP reply, the lines of a multi-line reply joined without their codes. */
function replyText(code: string, text: string | undefined): string {
  return (text ?? "")
    .split(/\r?\n/)
    .map((line) => line.replace(new RegExp(`^${code}[ -]`), "").trim())
    .filter(Boolean)
    .join("\n");
}

/** The ssh2-sftp-client method a message starts with ("get: ..."), which marks it as SFTP. */
function methodOf(text: string): string | undefined {
  const m = METHOD.exec(text);
  return m && sftpClientMethods.has(m[1]!) ? m[1] : undefined;
}

/** What the client library would have thrown for this line: its message and its code. */
export interface Thrown {
  message: string;
  code?: number | string;
  /** ssh2-sftp-client marks the errors it rebuilt ("get: ...") as `custom`. */
  custom?: true;
}

interface ReadLine {
  protocol: Protocol;
  thrown: Thrown;
  /** Nothing in the line said which protocol it came from, and the user did not either. */
  assumedProtocol: boolean;
}

function readLine(line: string, protocol: Protocol | undefined): ReadLine {
  const text = stripLeaders(line);
  const reply = protocol === "sftp" ? null : FTP_REPLY.exec(text);
  if (reply) {
    // basic-ftp's FTPError: the reply code, and the whole reply as the message.
    const message = `${reply[1]} ${replyText(reply[1]!, reply[2])}`.trim();
    return { protocol: "ftp", thrown: { message, code: Number(reply[1]) }, assumedProtocol: false };
  }
  const operation = methodOf(text);
  const name = protocol === "ftp" ? null : SFTP_NAME.exec(text);
  const status = name ? explain(name[1]!, "sftp") : undefined;
  if (name && status) {
    // ssh2's status error: the status number as code, the server's text as the message.
    const message = (text.slice(0, name.index) + text.slice(name.index + name[0].length)).trim();
    const thrown: Thrown = { message: message || status.text, code: status.code };
    if (operation) thrown.custom = true;
    return { protocol: "sftp", thrown, assumedProtocol: false };
  }
  const thrown: Thrown = { message: text };
  if (operation) thrown.custom = true;
  const system = SYSTEM_CODE.exec(text);
  if (system) thrown.code = system[1]!;
  return {
    protocol: protocol ?? (operation ? "sftp" : "ftp"),
    thrown,
    assumedProtocol: protocol === undefined && operation === undefined,
  };
}

function entryOf(error: TransferError): CodeInfo | undefined {
  if (typeof error.code !== "number") return undefined;
  if (error.codeSpace === "ftp-reply") return explain(error.code, "ftp");
  if (error.codeSpace === "sftp-status") return explain(error.code, "sftp");
  return undefined;
}

/** Reads one `explain` argument. `none`: neither a code nor a line with anything to classify. */
export function readInput(raw: string, protocol?: Protocol): ExplainInput {
  const text = raw.trim();
  if (!text) return { kind: "none" };
  const info = bareCode(text, protocol);
  if (info) return { kind: "code", info };
  const { protocol: lineProtocol, thrown, assumedProtocol } = readLine(text, protocol);
  let error = classifyThrown(lineProtocol, thrown);
  let assumed = assumedProtocol;
  if (assumedProtocol && error.reason === "unknown") {
    // A line that names no protocol may be one that only the other library prints
    // ("All configured authentication methods failed" is ssh2's): let its adapter try.
    const other = classifyThrown(lineProtocol === "ftp" ? "sftp" : "ftp", thrown);
    if (other.reason !== "unknown") {
      error = other;
      assumed = false;
    }
  }
  if (thrown.code === undefined && error.reason === "unknown") return { kind: "none" };
  return { kind: "line", error, info: entryOf(error), assumedProtocol: assumed };
}
