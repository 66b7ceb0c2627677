import { type Operation, table } from "@transfer-errors/core/adapter";

// node-ftp's and promise-ftp's methods that talk to the server, as data: one core `Operation` per
// method, its traits (what the core must know about it) and `path`, the index of the remote path
// among its arguments. A second append writes the data twice; a second rename or SITE may not do
// what the first did: they are not idempotent.
const named = (names: string, operation: Operation) =>
  names.split(" ").map((name) => [name, operation] as const);

export const operations: Readonly<Record<string, Operation | undefined>> = table(
  Object.fromEntries([
    ...named("connect reconnect", { connects: true }),
    ...named("ascii binary abort status logout pwd system restart", {}),
    ...named("cdup", { commands: ["CDUP"] }),
    ...named("cwd", { path: 0, commands: ["CWD"] }),
    ...named("delete", { path: 0, commands: ["DELE"] }),
    ...named("list listSafe", { path: 0, commands: ["LIST"] }),
    ...named("mlsd", { path: 0, commands: ["MLSD"] }),
    ...named("get", { path: 0, commands: ["RETR"] }),
    ...named("mkdir", { path: 0, commands: ["MKD"] }),
    ...named("rmdir", { path: 0, commands: ["RMD"] }),
    ...named("size", { path: 0, commands: ["SIZE"] }),
    ...named("lastMod", { path: 0, commands: ["MDTM"] }),
    ...named("put", { path: 1, commands: ["STOR"] }),
    ...named("append", { path: 1, commands: ["APPE"], idempotent: false }),
    ...named("rename", { path: 0, commands: ["RNFR", "RNTO"], idempotent: false }),
    ...named("site", { commands: ["SITE"], idempotent: false }),
  ]),
);
