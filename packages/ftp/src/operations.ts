import { type OperationTraits, table } from "@transfer-errors/core/adapter";

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

export const operations: Readonly<Record<string, Operation | undefined>> = table(
  Object.fromEntries([
    ...named("connect reconnect", { traits: connects }),
    ...named("ascii binary abort status logout pwd system restart", {}),
    ...named("cdup", { traits: { commands: ["CDUP"] } }),
    ...named("cwd", { path: 0, traits: { commands: ["CWD"] } }),
    ...named("delete", { path: 0, traits: { commands: ["DELE"] } }),
    ...named("list listSafe", { path: 0, traits: { commands: ["LIST"] } }),
    ...named("mlsd", { path: 0, traits: { commands: ["MLSD"] } }),
    ...named("get", { path: 0, traits: { commands: ["RETR"] } }),
    ...named("mkdir", { path: 0, traits: { commands: ["MKD"] } }),
    ...named("rmdir", { path: 0, traits: { commands: ["RMD"] } }),
    ...named("size", { path: 0, traits: { commands: ["SIZE"] } }),
    ...named("lastMod", { path: 0, traits: { commands: ["MDTM"] } }),
    ...named("put", { path: 1, traits: { commands: ["STOR"] } }),
    ...named("append", { path: 1, traits: { commands: ["APPE"], ...unsafe } }),
    ...named("rename", { path: 0, traits: { commands: ["RNFR", "RNTO"], ...unsafe } }),
    ...named("site", { traits: { commands: ["SITE"], ...unsafe } }),
  ]),
);
