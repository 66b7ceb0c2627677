import { type Operation, table } from "@transfer-errors/core/adapter";

// ssh2's SFTPWrapper client methods as data (ssh2 1.15 to 1.17): which ones take a callback,
// which argument is the remote path, and what the core must know about each (its traits).

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

/**
 * The SFTP request each method sends (the catalogs' replies are per request), and which are not
 * safe to repeat after an ambiguous loss: a second append writes the data twice, a second rename
 * fails or renames what replaced the source. `path`: the remote path's argument where it is not
 * the first (-1: none; symlink makes its second).
 */
export const traits: Readonly<Record<string, Operation | undefined>> = table({
  connect: { connects: true },
  open: { commands: ["OPEN"] },
  fastGet: { commands: ["OPEN", "READ"] },
  fastPut: { path: 1, commands: ["OPEN", "WRITE"] },
  readFile: { commands: ["OPEN", "READ"] },
  writeFile: { commands: ["OPEN", "WRITE"] },
  appendFile: { commands: ["OPEN", "WRITE"], idempotent: false },
  unlink: { commands: ["REMOVE"] },
  rename: { commands: ["RENAME"], idempotent: false },
  ext_openssh_rename: { commands: ["EXTENDED"], idempotent: false },
  ext_openssh_hardlink: { path: 1, commands: ["EXTENDED"] },
  mkdir: { commands: ["MKDIR"] },
  rmdir: { commands: ["RMDIR"] },
  opendir: { commands: ["OPENDIR"] },
  readdir: { commands: ["OPENDIR", "READDIR"] },
  stat: { commands: ["STAT"] },
  lstat: { commands: ["LSTAT"] },
  setstat: { commands: ["SETSTAT"] },
  chmod: { commands: ["SETSTAT"] },
  chown: { commands: ["SETSTAT"] },
  utimes: { commands: ["SETSTAT"] },
  readlink: { commands: ["READLINK"] },
  symlink: { path: 1, commands: ["SYMLINK"] },
  realpath: { commands: ["REALPATH"] },
  ext_home_dir: { path: -1 },
  ext_users_groups: { path: -1 },
});

/** The remote path of a call: a string argument, or the path a handle was opened with. */
export function remotePathOf(
  method: string,
  args: readonly unknown[],
  handles: WeakMap<object, string>,
) {
  const value = args[traits[method]?.path ?? 0];
  if (typeof value === "string") return value;
  return typeof value === "object" && value !== null ? handles.get(value) : undefined;
}
