// The free space at a path, as an SFTP server tells it through OpenSSH's statvfs extension, asked
// on ssh2's SFTP object (which a client built on ssh2 keeps): what the follow-up looks read to say
// that a disk is full (`PathLook.freeSpace`).
import type { FreeSpace } from "./follow-up.js";
import { safeGet } from "./safe.js";

type Statvfs = (path: string, cb: (err: unknown, stats?: Record<string, unknown>) => void) => void;

/**
 * Free bytes and inodes for the user at `path`, or `undefined` when `sftp` (ssh2's SFTP object)
 * or its server lacks the extension, or the request fails. Never rejects.
 */
export function sftpFreeSpace(sftp: unknown, path: string): Promise<FreeSpace | undefined> {
  const statvfs = safeGet(sftp, "ext_openssh_statvfs") as Statvfs | undefined;
  if (typeof statvfs !== "function") return Promise.resolve(undefined);
  return new Promise((resolve) => {
    try {
      statvfs.call(sftp, path, (err, stats) => {
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
