import type { OperationTraits } from "@transfer-errors/core/adapter";

// basic-ftp's methods that talk to the server, as data: where the remote path and the local file
// are among the arguments, and what the core must know about each (its traits).

interface Operation {
  /** Index of the remote path argument. */
  path?: number;
  /** The first argument is a local file (a path) or the caller's stream. */
  local?: true;
  traits?: OperationTraits;
}

const connects: OperationTraits = { connects: true };
// A second append writes the data twice; a second rename fails or renames what replaced the source.
const unsafe: OperationTraits = { idempotent: false };

export const operations: Readonly<Record<string, Operation>> = {
  access: { traits: connects },
  connect: { traits: connects },
  connectImplicitTLS: { traits: connects },
  useTLS: { traits: connects },
  login: { traits: connects },
  useDefaultSettings: {},
  send: { traits: unsafe },
  sendIgnoringError: { traits: unsafe },
  pwd: {},
  features: {},
  cd: { path: 0 },
  cdup: {},
  lastMod: { path: 0 },
  size: { path: 0 },
  rename: { path: 0, traits: unsafe },
  remove: { path: 0 },
  removeDir: { path: 0 },
  removeEmptyDir: { path: 0 },
  clearWorkingDir: {},
  ensureDir: { path: 0 },
  list: { path: 0 },
  protectWhitespace: { path: 0 },
  uploadFrom: { path: 1, local: true },
  appendFrom: { path: 1, local: true, traits: unsafe },
  downloadTo: { path: 1, local: true },
  uploadFromDir: { path: 1, local: true },
  downloadToDir: { path: 1, local: true },
  // deprecated aliases of basic-ftp 4 and 5
  upload: { path: 1, local: true },
  append: { path: 1, local: true, traits: unsafe },
  download: { path: 1, local: true },
  uploadDir: { path: 1, local: true },
  downloadDir: { local: true },
};

/** Operations that move a file over a data connection (or list one). */
export function usesDataConnection(operation: string | undefined): boolean {
  return operation === undefined || operation === "list" || operations[operation]?.local === true;
}
