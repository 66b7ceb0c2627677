// Follow-up questions to the server after an answer that says too little: a generic
// SSH_FX_FAILURE of mkdir/rmdir/rename (`diagnose`), and an upload that reported success
// (`verifyUploads`). They use the unwrapped client, so their own failures stay inside.
import { stat as localStat } from "node:fs/promises";
import { posix } from "node:path";
import { type Failure, type Finding, withDeadline } from "@transfer-errors/core/adapter";

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
  return failure.code === "ERR_BAD_PATH" && /permission denied$/.test(failure.message ?? "");
}

export const diagnosedOperations: ReadonlySet<string> = new Set([
  "mkdir",
  "rmdir",
  "rename",
  "get",
  "fastGet",
]);

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
      if (operation === "get" || operation === "fastGet") return diagnoseGet(client, first);
      return undefined;
    };
    finding = await withDeadline(look(), operation, timeoutMs);
  } catch {
    return failure; // the look itself failed: say no more than the server did
  }
  return finding ? { ...failure, finding } : failure;
}

async function kindOf(client: CheckableClient, path: string): Promise<false | string> {
  if (typeof client.exists !== "function") throw new Error("no exists()");
  return client.exists(path);
}

async function diagnoseMkdir(client: CheckableClient, path: string): Promise<Finding | undefined> {
  if (await kindOf(client, path)) return "exists";
  const parent = posix.dirname(path);
  const parentKind = await kindOf(client, parent);
  if (!parentKind) return "parent-missing";
  if (parentKind !== "d" && parentKind !== "l") return "not-a-directory";
  return noSpaceFinding(client, parent);
}

async function noSpaceFinding(client: CheckableClient, dir: string): Promise<Finding | undefined> {
  const space = await freeSpace(client, dir);
  return space && (space.bytes === 0 || space.inodes === 0) ? "no-space" : undefined;
}

async function diagnoseRmdir(client: CheckableClient, path: string): Promise<Finding | undefined> {
  const kind = await kindOf(client, path);
  if (!kind) return "missing";
  if (kind !== "d") return "not-a-directory";
  if (typeof client.list !== "function") return undefined;
  return (await client.list(path)).length > 0 ? "not-empty" : undefined;
}

/** A download refused with a generic failure: OpenSSH answers "Failure" for a directory. */
async function diagnoseGet(client: CheckableClient, path: string): Promise<Finding | undefined> {
  const kind = await kindOf(client, path);
  if (!kind) return "missing";
  return kind === "d" ? "is-a-directory" : undefined;
}

async function diagnoseRename(
  client: CheckableClient,
  from: string,
  to: string,
): Promise<Finding | undefined> {
  if (!(await kindOf(client, from))) return "missing";
  if (await kindOf(client, to)) return "exists";
  return (await kindOf(client, posix.dirname(to))) ? undefined : "parent-missing";
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
  const space = await freeSpace(client, posix.dirname(remotePath));
  const full = space !== undefined && (space.bytes < expected - actual || space.inodes === 0);
  return {
    protocol: "sftp",
    operation,
    path: remotePath,
    message: `${operation} reported success, but the remote file holds ${actual} of ${expected} bytes`,
    finding: full ? "no-space" : "incomplete-upload",
  };
}
