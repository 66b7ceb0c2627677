// Follow-up looks after an answer that says too little: a generic refusal (SFTP's SSH_FX_FAILURE)
// of a mkdir, rmdir, rename, download or upload, and an upload that reported success but may be
// short.
// The adapter says how its client looks at a path (`PathLook`); which look settles which finding
// is here, the same for every adapter.
import { withDeadline } from "./deadline.js";
import type { Failure } from "./failure.js";
import type { Finding } from "./signals.js";
import type { Protocol } from "./types.js";

export interface FreeSpace {
  bytes: number;
  inodes: number;
}

/** How an adapter's client looks at the server's paths. Each may reject: the look then says nothing. */
export interface PathLook {
  /** What is at `path`: "d" a directory, "l" a link, "-" a file (as `ls -l` says), false nothing. */
  kind(path: string): Promise<string | false>;
  /** How many entries a directory holds. */
  entries?: ((dir: string) => Promise<number>) | undefined;
  /** Free bytes and inodes for the user at `path`, when the server tells. */
  freeSpace?: ((path: string) => Promise<FreeSpace | undefined>) | undefined;
  /** The size of a file. */
  size?: ((path: string) => Promise<number | undefined>) | undefined;
}

/** What a generic refusal can be looked into for. */
export type LookedOperation = "mkdir" | "rmdir" | "rename" | "download" | "upload";

/**
 * What a look at the paths of a refused operation finds: the target exists, its parent is
 * missing, the directory is not empty, the disk is full ... `undefined` when the look finds
 * nothing more, fails, or passes `timeoutMs`: then the refusal says all there is.
 */
export async function findCause(
  look: PathLook,
  operation: LookedOperation,
  path: string,
  to: string | undefined,
  timeoutMs: number | undefined,
): Promise<Finding | undefined> {
  return within(looks[operation](look, path, to), operation, timeoutMs);
}

/** What `look` found, or undefined when it fails or passes `timeoutMs`. */
async function within(
  look: Promise<Finding | undefined>,
  operation: string,
  timeoutMs: number | undefined,
): Promise<Finding | undefined> {
  try {
    return await withDeadline(look, operation, timeoutMs);
  } catch {
    return undefined;
  }
}

/** An entry of a directory listing, as a client lists it. */
export interface ListedEntry {
  name: string;
  isDirectory: boolean;
}

/**
 * What a listing of `dir` shows of its entry `name` (a path's directory and last part): it is
 * missing, a directory, or there (so a refusal of it was for this user). `list` gets the
 * directory ("" for the current one); `undefined` when it fails or passes `timeoutMs`.
 */
export function listedFinding(
  list: (dir: string) => Promise<readonly ListedEntry[]>,
  dir: string,
  name: string,
  timeoutMs: number,
): Promise<Finding | undefined> {
  const look = async (): Promise<Finding> => {
    const entry = (await list(dir === "." ? "" : dir)).find((e) => e.name === name);
    if (!entry) return "missing";
    return entry.isDirectory ? "is-a-directory" : "present-but-refused";
  };
  return within(look(), "diagnose", timeoutMs);
}

const looks: Record<
  LookedOperation,
  (look: PathLook, path: string, to: string | undefined) => Promise<Finding | undefined>
> = {
  async mkdir(look, path) {
    if (await look.kind(path)) return "exists";
    const parent = parentOf(path);
    const parentKind = await look.kind(parent);
    if (!parentKind) return "parent-missing";
    if (parentKind !== "d" && parentKind !== "l") return "not-a-directory";
    return (await isFull(look, parent)) ? "no-space" : undefined;
  },
  async rmdir(look, path) {
    const kind = await look.kind(path);
    if (!kind) return "missing";
    if (kind !== "d") return "not-a-directory";
    if (!look.entries) return undefined;
    return (await look.entries(path)) > 0 ? "not-empty" : undefined;
  },
  async rename(look, from, to) {
    if (to === undefined) return undefined;
    if (!(await look.kind(from))) return "missing";
    if (await look.kind(to)) return "exists";
    return (await look.kind(parentOf(to))) ? undefined : "parent-missing";
  },
  // A download refused with a generic failure: OpenSSH answers "Failure" for a directory.
  async download(look, path) {
    const kind = await look.kind(path);
    if (!kind) return "missing";
    return kind === "d" ? "is-a-directory" : undefined;
  },
  // An upload refused: OpenSSH answers "Failure" (EISDIR) and ProFTPD's mod_sftp "Permission
  // denied" (its STOR handler) for a directory at the path; "Failure" also for a full disk.
  async upload(look, path) {
    if ((await look.kind(path)) === "d") return "is-a-directory";
    return (await isFull(look, parentOf(path))) ? "no-space" : undefined;
  },
};

/** No byte or no inode left at `dir`, when the server tells its free space. */
async function isFull(look: PathLook, dir: string): Promise<boolean> {
  const space = await look.freeSpace?.(dir);
  return space !== undefined && (space.bytes === 0 || space.inodes === 0);
}

/**
 * The failure of an upload that reported success but left a shorter file than was sent (a
 * client that does not report a refused write): `no-space` when the disk has no room for the
 * rest, `incomplete-upload` otherwise; `undefined` when the file is complete or cannot be sized.
 */
export async function shortUpload(
  look: PathLook,
  protocol: Protocol,
  operation: string,
  remotePath: string,
  expected: number,
): Promise<Failure | undefined> {
  if (!look.size) return undefined;
  const actual = await look.size(remotePath);
  if (typeof actual !== "number" || actual >= expected) return undefined;
  const space = await look.freeSpace?.(parentOf(remotePath));
  const full = space !== undefined && (space.bytes < expected - actual || space.inodes === 0);
  return {
    protocol,
    operation,
    path: remotePath,
    message: `${operation} reported success, but the remote file holds ${actual} of ${expected} bytes`,
    finding: full ? "no-space" : "incomplete-upload",
  };
}

/** The directory of a remote path, as Node's `path.posix.dirname` gives it. */
export function parentOf(path: string): string {
  if (path.length === 0) return ".";
  const rooted = path.charCodeAt(0) === 47;
  let end = -1;
  let trailing = true;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path.charCodeAt(i) === 47) {
      if (!trailing) {
        end = i;
        break;
      }
    } else {
      trailing = false;
    }
  }
  if (end === -1) return rooted ? "/" : ".";
  if (rooted && end === 1) return "//";
  return path.slice(0, end);
}
