// The looks of `diagnose` and `verifyUploads` (see WrapOptions) at the server's paths. They use
// the unwrapped client, so their own failures stay inside.
import { stat as localStat } from "node:fs/promises";
import type { Failure, FreeSpace, PathLook, Upload } from "@transfer-errors/core/adapter";

/** The few methods the checks call, as ssh2-sftp-client has them. */
interface CheckableClient {
  exists?: (path: string) => Promise<false | string>;
  list?: (path: string) => Promise<unknown[]>;
  stat?: (path: string) => Promise<{ size?: number }>;
  sftp?: unknown;
}

/** The client's exists(), list() and stat(), and OpenSSH's statvfs extension on its channel. */
export function pathLook(client: CheckableClient): PathLook {
  return {
    async kind(path) {
      if (typeof client.exists !== "function") throw new Error("no exists()");
      return client.exists(path);
    },
    entries: client.list && (async (dir) => (await client.list!(dir)).length),
    freeSpace: (path) => freeSpace(client, path),
    size: client.stat && (async (path) => (await client.stat!(path)).size),
  };
}

/** Free bytes and inodes for the user at `path` (OpenSSH's statvfs extension), or `undefined`. */
function freeSpace(client: CheckableClient, path: string): Promise<FreeSpace | undefined> {
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

/** What `put` uploads, when its source tells the size (a Buffer or a local file). */
export async function uploadOf(method: string, args: unknown[]): Promise<Upload | undefined> {
  const [source, remote] = args;
  if (method !== "put" || typeof remote !== "string") return undefined;
  if (source instanceof Uint8Array) return { remote, expected: source.byteLength };
  if (typeof source !== "string") return undefined; // a stream: its length is not known in advance
  try {
    return { remote, expected: (await localStat(source)).size };
  } catch {
    return undefined;
  }
}
