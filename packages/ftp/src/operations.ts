import type { OperationTraits } from "@transfer-errors/core/adapter";

// node-ftp's and promise-ftp's methods that talk to the server, as data: the index of the remote
// path among the arguments, and what the core must know about each (its traits).
export interface Operation {
  path?: number;
  traits?: OperationTraits;
}

const connects: OperationTraits = { connects: true };
// A second append writes the data twice; a second rename or SITE may not do what the first did.
const unsafe: OperationTraits = { idempotent: false };
const named = (names: string, operation: Operation) =>
  names.split(" ").map((name) => [name, operation] as const);

export const operations: Readonly<Record<string, Operation>> = Object.fromEntries([
  ...named("connect reconnect", { traits: connects }),
  ...named("ascii binary abort cdup status logout pwd system restart", {}),
  ...named("cwd delete list listSafe mlsd get mkdir rmdir size lastMod", { path: 0 }),
  ...named("put", { path: 1 }),
  ...named("append", { path: 1, traits: unsafe }),
  ...named("rename", { path: 0, traits: unsafe }),
  ...named("site", { traits: unsafe }),
]);
