import { type FtpOperation, table } from "@transfer-errors/core/adapter";

// basic-ftp's methods that talk to the server, as data: where the remote path and the local file
// are among the arguments, what the core must know about each (its traits), and what the wrapper
// does around it: how it moves the working directory, which transfer `verifyTransfers` checks,
// whether the `diagnose` look settles its unclear refusal (one remote file that should exist).

const connects = { connects: true } as const;
// A second append writes the data twice; a second rename fails or renames what replaced the source.
const unsafe = { idempotent: false } as const;

// biome-ignore format: a table, one method a line
export const operations: Readonly<Record<string, FtpOperation | undefined>> = table({
  access: { dir: "login", traits: { commands: ["CONNECT", "AUTH", "USER", "PASS", "PBSZ", "PROT", "TYPE", "FEAT", "OPTS"], ...connects } },
  connect: { dir: "login", traits: { commands: ["CONNECT"], ...connects } },
  connectImplicitTLS: { dir: "login", traits: { commands: ["CONNECT"], ...connects } },
  useTLS: { traits: { commands: ["AUTH", "PBSZ", "PROT"], ...connects } },
  login: { traits: { commands: ["USER", "PASS"], ...connects } },
  useDefaultSettings: { traits: { commands: ["TYPE", "FEAT", "OPTS", "PBSZ", "PROT"] } },
  send: { traits: unsafe },
  sendIgnoringError: { traits: unsafe },
  pwd: { traits: { commands: ["PWD"] } },
  features: { traits: { commands: ["FEAT"] } },
  cd: { dir: "cd", path: 0, traits: { commands: ["CWD"] } },
  cdup: { dir: "up", traits: { commands: ["CDUP"] } },
  lastMod: { probed: true, path: 0, traits: { commands: ["MDTM"] } },
  size: { probed: true, path: 0, traits: { commands: ["SIZE"] } },
  rename: { path: 0, traits: { commands: ["RNFR", "RNTO"], ...unsafe } },
  remove: { probed: true, path: 0, traits: { commands: ["DELE"] } },
  removeDir: { path: 0, traits: { commands: ["RMD", "DELE"] } },
  removeEmptyDir: { path: 0, traits: { commands: ["RMD"] } },
  clearWorkingDir: { traits: { commands: ["DELE", "RMD"] } },
  ensureDir: { dir: "cd", path: 0, traits: { commands: ["CWD", "MKD"] } },
  list: { path: 0, traits: { commands: ["LIST", "MLSD", "NLST"] } },
  protectWhitespace: { path: 0 },
  uploadFrom: { transfer: "store", path: 1, local: true, traits: { commands: ["STOR"] } },
  appendFrom: { transfer: "append", path: 1, local: true, traits: { commands: ["APPE", "EPSV", "PASV", "TYPE"], ...unsafe } },
  downloadTo: { probed: true, transfer: "download", path: 1, local: true, traits: { commands: ["RETR", "REST", "EPSV", "PASV", "TYPE"] } },
  uploadFromDir: { path: 1, local: true, traits: { commands: ["STOR", "MKD"] } },
  downloadToDir: { path: 1, local: true, traits: { commands: ["RETR", "LIST", "MLSD"] } },
  // deprecated aliases of basic-ftp 4 and 5
  upload: { transfer: "store", path: 1, local: true, traits: { commands: ["STOR"] } },
  append: { transfer: "append", path: 1, local: true, traits: { commands: ["APPE"], ...unsafe } },
  download: { probed: true, transfer: "download", path: 1, local: true, traits: { commands: ["RETR"] } },
  uploadDir: { path: 1, local: true, traits: { commands: ["STOR", "MKD"] } },
  downloadDir: { local: true, traits: { commands: ["RETR", "LIST"] } },
});
