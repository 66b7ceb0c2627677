// Follow-up questions to the server after an answer that says too little: a generic
// SSH_FX_FAILURE of mkdir/rmdir/rename (`diagnose`), and an upload that reported success
// (`verifyUploads`). They use the unwrapped client, so their own failures stay inside.
import { stat as localStat } from "node:fs/promises";
import { posix } from "node:path";
import type { Failure, Reason } from "@transfer-errors/core";
import { withDeadline } from "./deadline.js";

/** The few methods the checks call, as ssh2-sftp-client has them. */
interface CheckableClient {
  exists?: (path: string) => Promise<false | string>;
  list?: (path: string) => Promise<unknown[]>;
  stat?: (path: string) => Promise<{ size?: number }>;
  sftp?: unknown;
}

interface FreeSpace {
  bytes: number;
  inodes: number;
}

/** Free bytes and inodes for the user at `path` (OpenSSH's statvfs extension), or `undefined`. */
export function freeSpace(client: CheckableClient, path: string): Promise<FreeSpace | undefined> {
  const sftp = client.sftp as
    | {
        ext_openssh_statvfs?: (
          p: string,
          cb: (err: unknown, stats?: Record<string, unknown>) => void,
        ) => void;
      }
    | undefined;
  if (typeof sftp?.ext_openssh_statvfs !== "function") return Promise.resolve(undefined);
  return new Promise((resolve) => {
    try {
      sftp.ext_openssh_statvfs!(path, (err, stats) => {
        if (err || !stats) return resolve(undefined);
        resolve({
          bytes: Number(stats.f_bavail) * Number(stats.f_frsize || stats.f_bsize),
          inodes: Number(stats.f_favail),
        });
      });
    } catch {
      // The server lacks the extension (ssh2 throws synchronously).
      resolve(undefined);
    }
  });
}

/** A generic failure worth a closer look: SSH_FX_FAILURE, or mkdir's rewording of it. */
export function isGenericFailure(failure: Failure): boolean {
  if (failure.codeSpace === "sftp-status" && failure.code === 4) return true;
  return failure.code === "ERR_BAD_PATH" && failure.reason === "server-error";
}

export const diagnosedOperations: ReadonlySet<string> = new Set(["mkdir", "rmdir", "rename"]);

interface Finding {
  reason: Reason;
  hint: string;
}

/**
 * Looks at the paths of a failed mkdir, rmdir or rename and returns the failure with the reason
 * that the look found (the original code and text are kept), or the failure unchanged.
 */
export async function diagnose(
  client: CheckableClient,
  operation: string,
  args: readonly unknown[],
  failure: Failure,
  timeoutMs: number | undefined,
): Promise<Failure> {
  const [first, second] = args;
  if (typeof first !== "string") return failure;
  let finding: Finding | undefined;
  try {
    const look = async () => {
      if (operation === "mkdir") return diagnoseMkdir(client, first);
      if (operation === "rmdir") return diagnoseRmdir(client, first);
      if (operation === "rename" && typeof second === "string")
        return diagnoseRename(client, first, second);
      return undefined;
    };
    finding = await withDeadline(look(), timeoutMs);
  } catch {
    return failure; // the look itself failed: say no more than the server did
  }
  if (!finding) return failure;
  return {
    ...failure,
    reason: finding.reason,
    hint: `${finding.hint} (found by a follow-up check after the generic failure)`,
  };
}

const kindName: Readonly<Record<string, string>> = {
  d: "a directory",
  "-": "a file",
  l: "a symbolic link",
};

async function kindOf(client: CheckableClient, path: string): Promise<false | string> {
  if (typeof client.exists !== "function") throw new Error("no exists()");
  return client.exists(path);
}

async function diagnoseMkdir(client: CheckableClient, path: string): Promise<Finding | undefined> {
  const kind = await kindOf(client, path);
  if (kind)
    return {
      reason: "already-exists",
      hint: `"${path}" already exists, as ${kindName[kind] ?? "another entry"}.`,
    };
  const parent = posix.dirname(path);
  const parentKind = await kindOf(client, parent);
  if (!parentKind)
    return { reason: "not-found", hint: `The parent directory "${parent}" does not exist.` };
  if (parentKind !== "d" && parentKind !== "l")
    return { reason: "not-a-directory", hint: `"${parent}" is not a directory.` };
  return noSpaceFinding(client, parent);
}

async function noSpaceFinding(client: CheckableClient, dir: string): Promise<Finding | undefined> {
  const space = await freeSpace(client, dir);
  if (!space) return undefined;
  if (space.bytes === 0)
    return { reason: "no-space", hint: `The file system of "${dir}" has no free space left.` };
  if (space.inodes === 0)
    return {
      reason: "no-space",
      hint: `The file system of "${dir}" has no free inodes left (too many files).`,
    };
  return undefined;
}

async function diagnoseRmdir(client: CheckableClient, path: string): Promise<Finding | undefined> {
  const kind = await kindOf(client, path);
  if (!kind) return { reason: "not-found", hint: `"${path}" does not exist.` };
  if (kind !== "d")
    return {
      reason: "not-a-directory",
      hint: `"${path}" is ${kindName[kind] ?? "not a directory"}, not a directory.`,
    };
  if (typeof client.list !== "function") return undefined;
  const entries = await client.list(path);
  if (entries.length > 0) {
    return {
      reason: "directory-not-empty",
      hint: `"${path}" still holds ${entries.length} entr${entries.length === 1 ? "y" : "ies"}: remove them first, or call rmdir(path, true).`,
    };
  }
  return undefined;
}

async function diagnoseRename(
  client: CheckableClient,
  from: string,
  to: string,
): Promise<Finding | undefined> {
  if (!(await kindOf(client, from)))
    return { reason: "not-found", hint: `The source "${from}" does not exist.` };
  const target = await kindOf(client, to);
  if (target) {
    return {
      reason: "already-exists",
      hint: `The target "${to}" already exists (${kindName[target] ?? "an entry"}): rename does not overwrite on this server; delete it first or use posixRename.`,
    };
  }
  const parent = posix.dirname(to);
  if (!(await kindOf(client, parent)))
    return { reason: "not-found", hint: `The target's directory "${parent}" does not exist.` };
  return undefined;
}

/** The size `put` was asked to upload, when the source tells it (a Buffer or a local file). */
export async function sourceSize(source: unknown): Promise<number | undefined> {
  if (source instanceof Uint8Array) return source.byteLength;
  if (typeof source === "string") {
    try {
      return (await localStat(source)).size;
    } catch {
      return undefined;
    }
  }
  return undefined; // a stream: its length is not known in advance
}

/** A failure for an upload whose remote size falls short, or `undefined` when it is complete. */
export async function checkUpload(
  client: CheckableClient,
  remotePath: string,
  expected: number,
  operation: string,
): Promise<Failure | undefined> {
  if (typeof client.stat !== "function") return undefined;
  const actual = (await client.stat(remotePath)).size;
  if (typeof actual !== "number" || actual >= expected) return undefined;
  const dir = posix.dirname(remotePath);
  const space = await freeSpace(client, dir);
  const full = space !== undefined && (space.bytes < expected - actual || space.inodes === 0);
  const message = `${operation} reported success, but the remote file holds ${actual} of ${expected} bytes`;
  return {
    protocol: "sftp",
    operation,
    path: remotePath,
    message,
    reason: full ? "no-space" : "server-error",
    hint: full
      ? `The server's disk is full (${space!.bytes} bytes free): the write failed and ssh2's write stream did not report it. The partial file is still there.`
      : "A write failed on the server and ssh2's write stream did not report it (the disk may have filled and freed again, or a quota applies). The partial file is still there.",
  };
}
