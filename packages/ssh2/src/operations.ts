import type { OperationTraits } from "@transfer-errors/core/adapter";

// ssh2's SFTPWrapper client methods as data: which ones take a callback, which argument names the
// remote path, and what the core must know about each (its traits). Pinned to ssh2 1.15 to 1.17.

/** The methods whose last argument is an `(err, ...results)` callback. */
export const callbackMethods: ReadonlySet<string> = new Set(
  (
    "open close read write readData writeData fastGet fastPut readFile writeFile appendFile " +
    "unlink rename mkdir rmdir readdir opendir fstat stat lstat setstat fsetstat futimes utimes " +
    "fchown chown fchmod chmod readlink symlink realpath ext_openssh_rename ext_openssh_statvfs " +
    "ext_openssh_fstatvfs ext_openssh_hardlink ext_openssh_fsync ext_openssh_lsetstat " +
    "ext_openssh_expandPath ext_copy_data ext_home_dir ext_users_groups"
  ).split(" "),
);

/** Methods that return a stream; its 'error' events are converted. */
export const streamMethods: ReadonlySet<string> = new Set([
  "createReadStream",
  "createWriteStream",
]);

/** Where the remote path is, when it is not the first argument (-1: none). */
const pathIndex: Readonly<Record<string, number>> = {
  fastPut: 1,
  symlink: 1, // (targetPath, linkPath): the link is what gets made
  ext_home_dir: -1,
  ext_users_groups: -1,
};

const unsafe: OperationTraits = { idempotent: false };

/** A second append writes the data twice; a second rename fails or renames what replaced the source. */
export const traits: Readonly<Record<string, OperationTraits>> = {
  connect: { connects: true },
  appendFile: unsafe,
  rename: unsafe,
  ext_openssh_rename: unsafe,
};

/** The remote path of a call: a string argument, or the path a handle was opened with. */
export function remotePathOf(
  method: string,
  args: readonly unknown[],
  handlePaths: WeakMap<object, string>,
): string | undefined {
  const index = pathIndex[method] ?? 0;
  const value = index >= 0 ? args[index] : undefined;
  if (typeof value === "string") return value;
  return typeof value === "object" && value !== null ? handlePaths.get(value) : undefined;
}
