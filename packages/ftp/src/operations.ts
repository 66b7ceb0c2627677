import type { OperationTraits } from "@transfer-errors/core/adapter";

// node-ftp's and promise-ftp's methods that talk to the server, as data: where the remote path is
// among the arguments, and what the core must know about each (its traits).

export interface Operation {
  /** Index of the remote path argument. */
  path?: number;
  traits?: OperationTraits;
}

const connects: OperationTraits = { connects: true };
// A second append writes the data twice; a second rename fails or renames what replaced the source.
const unsafe: OperationTraits = { idempotent: false };

export const operations: Readonly<Record<string, Operation>> = {
  connect: { traits: connects },
  reconnect: { traits: connects },
  ascii: {},
  binary: {},
  abort: {},
  cwd: { path: 0 },
  cdup: {},
  delete: { path: 0 },
  site: { traits: unsafe },
  status: {},
  rename: { path: 0, traits: unsafe },
  logout: {},
  list: { path: 0 },
  listSafe: { path: 0 },
  mlsd: { path: 0 },
  get: { path: 0 },
  put: { path: 1 },
  append: { path: 1, traits: unsafe },
  pwd: {},
  mkdir: { path: 0 },
  rmdir: { path: 0 },
  system: {},
  size: { path: 0 },
  lastMod: { path: 0 },
  restart: {},
};
