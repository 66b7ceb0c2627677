import type { Operation } from "@transfer-errors/core/adapter";
import { pathArgument, sftpStreamMethods, table } from "@transfer-errors/core/adapter";

// ssh2-sftp-client's public methods as data: which argument is the remote path, how each
// settles, and what the core must know about each (its traits).

const unsafe = { idempotent: false } as const;

/**
 * The async methods, with the index of their remote-path argument (`path`), the SFTP requests whose
 * failure each reports (the catalogs' replies are per request; a request on an open handle says
 * nothing of the method), and which are not safe to repeat after an ambiguous loss (a second
 * append writes the data twice; a second rename fails or renames what replaced the source), and
 * how the `diagnose` option looks into a generic SSH_FX_FAILURE of each (`look`).
 */
export const operations: Readonly<Record<string, Operation | undefined>> = table({
  connect: { connects: true },
  end: {},
  cwd: {},
  realPath: { path: 0, commands: ["REALPATH"] },
  stat: { path: 0, commands: ["STAT", "LSTAT"] },
  lstat: { path: 0, commands: ["LSTAT"] },
  exists: { path: 0, commands: ["STAT", "LSTAT"] },
  list: { path: 0, commands: ["OPENDIR", "READDIR", "CLOSE"] },
  get: { path: 0, commands: ["OPEN", "READ", "CLOSE"], look: "download" },
  fastGet: { path: 0, commands: ["OPEN", "FSTAT", "READ", "CLOSE"], look: "download" },
  put: { path: 1, commands: ["OPEN", "FSETSTAT", "WRITE", "CLOSE"], look: "upload" },
  fastPut: { path: 1, commands: ["OPEN", "FSETSTAT", "WRITE", "CLOSE"], look: "upload" },
  append: { path: 1, commands: ["OPEN", "WRITE", "CLOSE"], ...unsafe, look: "upload" },
  mkdir: { path: 0, commands: ["MKDIR"], look: "mkdir" },
  rmdir: { path: 0, commands: ["RMDIR"], look: "rmdir" },
  delete: { path: 0, commands: ["REMOVE"] },
  rename: { path: 0, commands: ["RENAME"], ...unsafe, look: "rename" },
  posixRename: { path: 0, commands: ["EXTENDED"], ...unsafe },
  chmod: { path: 0, commands: ["SETSTAT"] },
  uploadDir: { path: 1, commands: ["MKDIR", "OPEN", "WRITE"] },
  downloadDir: { path: 0, commands: ["OPENDIR", "OPEN", "READ"] },
  rcopy: { path: 0, commands: ["OPEN", "READ", "WRITE"] },
});

/** Left as they are: event plumbing and the library's internals. */
export const untouchedMethods: ReadonlySet<string> = new Set(
  "constructor on removeListener debugMsg fmtError".split(" "),
);

/** The remote path of a call, when its method has one and it is a string. */
export function remotePathOf(method: string, args: readonly unknown[]): string | undefined {
  return pathArgument(args, operations[method]?.path ?? (sftpStreamMethods.has(method) ? 0 : -1));
}
