// Real error reports: what users of each client library got, as posted in public issue threads
// and Q&A pages, with the reading a person who runs transfers would give each one. Test data
// that no rule was written against when it was gathered (the catalogs are the servers' own
// sources; these are what users met): each report runs through its adapter as the library threw
// it, and the figures say how well the project reads failures it has not seen.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { toTransferError as fromBasicFtp } from "@transfer-errors/basic-ftp";
import type { TransferError } from "@transfer-errors/core";
import { toTransferError as fromFtp } from "@transfer-errors/ftp";
import { toTransferError as fromSsh2 } from "@transfer-errors/ssh2";
import { toTransferError as fromSftpClient } from "@transfer-errors/ssh2-sftp-client";
import { hash } from "./half.js";

/** The client libraries whose reports are gathered, each read by its adapter. */
export const reportLibraries = ["basic-ftp", "ftp", "ssh2", "ssh2-sftp-client"] as const;
export type ReportLibrary = (typeof reportLibraries)[number];

export interface Report {
  library: ReportLibrary;
  /** The file it comes from (`basic-ftp.json`; a later round of gathering: `basic-ftp-2.json`). */
  file: string;
  /** The thread (or page) that quotes the error. */
  url: string;
  date?: string;
  /** The library's version, when the report states it. */
  version?: string;
  /** The library method the user called, when the report shows it. */
  operation?: string;
  /** The error as printed: its message (no class label, no stack) and the own properties shown. */
  error: { message: string; name?: string } & Record<string, unknown>;
  /** Properties the library always sets with that message (checked in its source). */
  implied?: Record<string, unknown>;
  reason: string;
  retryable: boolean;
  /** What the thread found the cause to be, when it did. */
  cause?: string;
  note?: string;
  /** Further threads with the same message: how often users meet it. */
  alsoSeen?: string[];
}

/**
 * An error that a library's own source can make (`libraries/<library>.json`), read there with
 * the reading a person gives it: what users may meet, whether or not one has reported it yet.
 */
export interface LibraryMessage
  extends Pick<
    Report,
    "library" | "file" | "operation" | "error" | "implied" | "reason" | "retryable" | "note"
  > {
  /** `path:line (function)` in the library's source at the file's `repository` commit. */
  source: string;
}

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The entries of every JSON file in `folder`, each with its file's `library` and name. */
function entriesIn<T>(folder: string): T[] {
  const dir = join(packageDir, folder);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .flatMap((file) => {
      const { library, entries } = JSON.parse(readFileSync(join(dir, file), "utf8"));
      return (entries as object[]).map((entry) => ({ library, file, ...entry }) as T);
    });
}

/** Every report, of every library, in file order. */
export function loadReports(): Report[] {
  return entriesIn<Report>("reports");
}

/** Every error message read in the libraries' sources, in file order. */
export function loadLibraryMessages(): LibraryMessage[] {
  return entriesIn<LibraryMessage>("libraries");
}

/** What a replay needs: the library, the call and the error. */
type Replayed = Pick<Report, "library" | "operation" | "error" | "implied">;

// Node's own errors, as Node words them: a file system's ("ENOENT: no such file or directory, open
// '/x'"), a socket's ("connect ECONNREFUSED 10.0.0.5:21", "read ECONNRESET") and a name lookup's
// ("getaddrinfo ENOTFOUND ftp.example.com"). Node sets the fields such a message names.
const FILE_SYSTEM = /^(E[A-Z]{2,15}): [^,\n]{1,120}, ([a-z]{2,12})(?: '([^'\n]*)')?/;
const SOCKET = /^(connect|read|write) (E[A-Z]{2,15})(?: (\S+):(\d+))?/;
const LOOKUP = /^(getaddrinfo) (ENOTFOUND|EAI_AGAIN) (\S+)/;

/**
 * The fields Node sets on its own error that a printout without them still names in its message
 * (the printed ones, and the entry's `implied`, come after and win). Only for a message that is
 * Node's own, not one a library rebuilt around it ("put: read ECONNRESET").
 */
export function nodeFieldsOf(message: string): Record<string, string | number> {
  const file = FILE_SYSTEM.exec(message);
  if (file) {
    const [, code = "", syscall = "", path] = file;
    return path === undefined ? { code, syscall } : { code, syscall, path };
  }
  const socket = SOCKET.exec(message);
  if (socket) {
    const [, syscall = "", code = "", address, port] = socket;
    return address === undefined
      ? { code, syscall }
      : { code, syscall, address, port: Number(port) };
  }
  const lookup = LOOKUP.exec(message);
  if (lookup) return { code: lookup[2] ?? "", syscall: "getaddrinfo", hostname: lookup[3] ?? "" };
  return {};
}

/**
 * The value the library threw: an Error with the printed message, name and properties, the
 * properties the library always sets with it (`implied`), and those Node sets on its own errors
 * (`nodeFieldsOf`), which a printout of the message alone leaves out.
 */
export function thrownOf(report: Replayed): Error {
  const { message, name, ...shown } = report.error;
  const error = Object.assign(new Error(message), nodeFieldsOf(message), report.implied, shown);
  if (name !== undefined && name !== "Error") error.name = name;
  return error;
}

const adapters: Record<ReportLibrary, (error: unknown, context: object) => TransferError> = {
  "basic-ftp": fromBasicFtp,
  ftp: fromFtp,
  ssh2: fromSsh2,
  "ssh2-sftp-client": fromSftpClient,
};

/** The report's error as its adapter reads it, with the operation the user called. */
export function readReport(report: Replayed): TransferError {
  return adapters[report.library](thrownOf(report), { operation: report.operation });
}

/**
 * The tuning half (whose misses may be looked at while rules are written) or the held-out half
 * (only counted), by a hash of the message's wording: numbers, case and spacing aside, so that
 * the same message falls in the same half in every library's file.
 */
export function reportHalfOf(report: Pick<Report, "error">): "tuning" | "held-out" {
  const wording = report.error.message.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ");
  return hash(wording) % 2 === 0 ? "tuning" : "held-out";
}

/** How many threads met the message: the report's and those it lists as seen too. */
export function timesSeen(report: Report): number {
  return 1 + (report.alsoSeen?.length ?? 0);
}
