import type { LookedOperation, OperationTraits } from "@transfer-errors/core/adapter";
import { table } from "@transfer-errors/core/adapter";

// ssh2-sftp-client's public methods as data: which argument is the remote path, how each
// settles, and what the core must know about each (its traits).

/** Async methods and the index of their remote-path argument (-1: none). */
export const asyncMethods: Readonly<Record<string, number | undefined>> = table({
  connect: -1,
  end: -1,
  cwd: -1,
  realPath: 0,
  stat: 0,
  lstat: 0,
  exists: 0,
  list: 0,
  get: 0,
  fastGet: 0,
  put: 1,
  fastPut: 1,
  append: 1,
  mkdir: 0,
  rmdir: 0,
  delete: 0,
  rename: 0,
  posixRename: 0,
  chmod: 0,
  uploadDir: 1,
  downloadDir: 0,
  rcopy: 0,
});

/** Methods that return a stream at once; only their synchronous throw is converted. */
export const streamMethods: ReadonlySet<string> = new Set([
  "createReadStream",
  "createWriteStream",
]);

/** Left as they are: event plumbing and the library's internals. */
export const untouchedMethods: ReadonlySet<string> = new Set([
  "constructor",
  "on",
  "removeListener",
  "debugMsg",
  "fmtError",
]);

const unsafe = { idempotent: false } as const;

/**
 * What the core must know about each method: the SFTP requests whose failure it reports (the
 * catalogs' replies are per request; a request on an open handle says nothing of the method), and which are not safe to repeat after an ambiguous loss (a second append
 * writes the data twice; a second rename fails or renames what replaced the source).
 */
export const traits: Readonly<Record<string, OperationTraits | undefined>> = table({
  connect: { connects: true },
  get: { commands: ["OPEN", "READ"] },
  fastGet: { commands: ["OPEN", "READ"] },
  put: { commands: ["OPEN", "WRITE"] },
  fastPut: { commands: ["OPEN", "WRITE"] },
  append: { commands: ["OPEN", "WRITE"], ...unsafe },
  mkdir: { commands: ["MKDIR"] },
  rmdir: { commands: ["RMDIR"] },
  delete: { commands: ["REMOVE"] },
  rename: { commands: ["RENAME"], ...unsafe },
  posixRename: { commands: ["EXTENDED"], ...unsafe },
  list: { commands: ["OPENDIR", "READDIR"] },
  stat: { commands: ["STAT", "LSTAT"] },
  lstat: { commands: ["LSTAT"] },
  exists: { commands: ["STAT", "LSTAT"] },
  chmod: { commands: ["SETSTAT"] },
  realPath: { commands: ["REALPATH"] },
  uploadDir: { commands: ["MKDIR", "OPEN", "WRITE"] },
  downloadDir: { commands: ["OPENDIR", "OPEN", "READ"] },
  rcopy: { commands: ["OPEN", "READ", "WRITE"] },
});

/** The methods whose generic SSH_FX_FAILURE the `diagnose` option looks into, and how. */
export const lookedOperations: Readonly<Record<string, LookedOperation | undefined>> = table({
  mkdir: "mkdir",
  rmdir: "rmdir",
  rename: "rename",
  get: "download",
  fastGet: "download",
});

/** The remote path of a call, when its method has one and it is a string. */
export function remotePathOf(method: string, args: readonly unknown[]): string | undefined {
  const index = asyncMethods[method] ?? (streamMethods.has(method) ? 0 : -1);
  const value = index >= 0 ? args[index] : undefined;
  return typeof value === "string" ? value : undefined;
}
