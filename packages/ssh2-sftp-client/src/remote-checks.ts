// The looks of `diagnose` and `verifyUploads` (see WrapOptions) at the server's paths. They use
// the unwrapped client, so their own failures stay inside.
import { stat as localStat } from "node:fs/promises";
import {
  type Failure,
  type PathLook,
  sftpFreeSpace,
  type Upload,
} from "@transfer-errors/core/adapter";
import { operations } from "./operations.js";

/** The few methods the checks call, as ssh2-sftp-client has them. */
interface CheckableClient {
  exists?: (path: string) => Promise<false | string>;
  list?: (path: string) => Promise<unknown[]>;
  stat?: (path: string) => Promise<{ size?: number }>;
  sftp?: unknown;
}

/** The client's exists(), list() and stat(), and the free space its SFTP channel tells. */
export function pathLook(client: CheckableClient): PathLook {
  return {
    async kind(path) {
      if (typeof client.exists !== "function") throw new Error("no exists()");
      return client.exists(path);
    },
    entries: client.list && (async (dir) => (await client.list!(dir)).length),
    freeSpace: (path) => sftpFreeSpace(client.sftp, path),
    size: client.stat && (async (path) => (await client.stat!(path)).size),
  };
}

/**
 * A generic failure worth a closer look: SSH_FX_FAILURE, or mkdir's rewording of it; for an
 * upload also SSH_FX_PERMISSION_DENIED (ProFTPD's mod_sftp refuses an upload onto a directory so).
 */
export function isGenericFailure(failure: Failure): boolean {
  if (failure.codeSpace === "sftp-status" && failure.code === 4) return true;
  const upload =
    failure.operation !== undefined && operations[failure.operation]?.look === "upload";
  if (upload && failure.codeSpace === "sftp-status" && failure.code === 3) return true;
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
