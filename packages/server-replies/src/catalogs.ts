// The catalogs as data for the tests, the CLI and the site: every entry with the text a server
// really sends (its placeholders filled with plausible values) and the operation a user calls.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ftpCorpus } from "./corpus/ftp-corpus.js";
import { sftpCorpus } from "./corpus/sftp-corpus.js";
import type { CorpusEntry } from "./corpus/types.js";

export type Reason = string;

export interface CatalogEntry {
  code: number;
  template: string;
  commands: string[];
  reason: Reason;
  retryable: boolean;
  reconnect?: boolean;
  source: string;
  note?: string;
}

export interface Catalog {
  file: string;
  product: string;
  protocol: "ftp" | "sftp";
  version: string;
  repository: string;
  method: string;
  /** A pattern of the product's default greeting line (its SSH identification or FTP 220 line). */
  greeting?: string;
  /** A realistic greeting line of the product, as a wrapped client passes it to the core. */
  greetingExample?: string;
  /** Where the greeting comes from, when the product's source does not send it itself. */
  greetingNote?: string;
  /**
   * `false` for a product that sends another product's very texts and that users meet behind that
   * product's line or as its port (MySecureShell and GNU lsh's sftp-server behind OpenSSH's sshd,
   * Win32-OpenSSH): its readings are its own entries, and do not vote in the product-free ones,
   * which a user without a greeting meets mostly from the original.
   */
  productFree?: boolean;
  entries: CatalogEntry[];
}

/** One reply as a client receives it, ready to be run through an adapter. */
export interface Reply {
  protocol: "ftp" | "sftp";
  product: string;
  version: string;
  code: number;
  /** The template with its placeholders filled. */
  text: string;
  template: string;
  command: string;
  /** The method of the adapter's client that sends `command`. */
  operation: string | undefined;
  reason: Reason;
  retryable: boolean;
  reconnect: boolean;
  source: string;
  /** The server's greeting line a wrapped client sees with it (its catalog's `greetingExample`). */
  greeting: string | undefined;
  /**
   * How much its reading counts where replies that look alike are read differently: the corpus's
   * readings were made one by one with their reasons written down, the catalogs' in bulk.
   */
  weight: number;
  /** Whether its reading votes in the product-free entries (its catalog's `productFree`). */
  votes: boolean;
  /** The catalog file it comes from (`"corpus"` for the corpus of issue 7). */
  file: string;
}

const catalogDir = join(dirname(fileURLToPath(import.meta.url)), "..", "catalogs");

export function loadCatalogs(): Catalog[] {
  return readdirSync(catalogDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, ...JSON.parse(readFileSync(join(catalogDir, file), "utf8")) }));
}

/** Plausible values for the placeholders; any other name gets a plain word. */
const fills: Readonly<Record<string, string>> = {
  path: "/srv/ftp/data/report.csv",
  file: "report.csv",
  dir: "/srv/ftp/data",
  from: "/srv/ftp/data/a.csv",
  to: "/srv/ftp/data/b.csv",
  target: "/srv/ftp/data/b.csv",
  local: "/srv/ftp/data/a.csv",
  remote: "/srv/ftp/data/b.csv",
  user: "alice",
  group: "staff",
  host: "client.example.net",
  ip: "192.0.2.10",
  addr: "192.0.2.10",
  port: "50123",
  n: "5",
  n2: "3",
  m: "2",
  used: "104857600",
  limit: "104857600",
  size: "1048576",
  size2: "2097152",
  max: "10",
  min: "1",
  time: "600",
  delay: "30",
  unit: "seconds",
  cmd: "XYZZY",
  arg: "xyz",
  text: "something went wrong",
};

export function fill(template: string): string {
  return template.replace(/\{([a-z][a-z0-9_]*)\}/g, (_, name: string) => fills[name] ?? "value");
}

/** The client method a user calls for an FTP command or SFTP request (basic-ftp / ssh2-sftp-client names). */
const ftpOperations: Readonly<Record<string, string>> = {
  RETR: "downloadTo",
  STOR: "uploadFrom",
  STOU: "uploadFrom",
  APPE: "appendFrom",
  LIST: "list",
  NLST: "list",
  MLSD: "list",
  MLST: "list",
  SIZE: "size",
  MDTM: "lastMod",
  CWD: "cd",
  CDUP: "cd",
  XCWD: "cd",
  // basic-ftp's ensureDir reports the CWD after a failed MKD: MKD's own reply reaches a user
  // through send().
  MKD: "send",
  XMKD: "send",
  SITE: "send",
  RMD: "removeEmptyDir",
  XRMD: "removeEmptyDir",
  DELE: "remove",
  RNFR: "rename",
  RNTO: "rename",
  USER: "access",
  PASS: "access",
  ACCT: "access",
  AUTH: "access",
  PBSZ: "access",
  PROT: "access",
  CONNECT: "access",
  PWD: "pwd",
  XPWD: "pwd",
  FEAT: "features",
};

const sftpOperations: Readonly<Record<string, string>> = {
  OPEN: "get",
  READ: "get",
  WRITE: "put",
  CLOSE: "put",
  STAT: "stat",
  LSTAT: "stat",
  FSTAT: "fstat",
  SETSTAT: "chmod",
  // ssh2's write stream sets a new file's mode on its handle (put with a mode); chmod sends SETSTAT.
  FSETSTAT: "put",
  OPENDIR: "list",
  READDIR: "list",
  REMOVE: "delete",
  MKDIR: "mkdir",
  RMDIR: "rmdir",
  REALPATH: "realPath",
  RENAME: "rename",
  // No ssh2-sftp-client method sends these (or surfaces FSTAT's status: its fastGet drops the
  // code); ssh2's SFTPWrapper methods do (judge.ts reads them through the ssh2 adapter). LINK,
  // BLOCK and UNBLOCK (SFTP 6) no client here sends.
  READLINK: "readlink",
  SYMLINK: "symlink",
  EXTENDED: "ext_openssh_rename",
};

export function operationOf(protocol: "ftp" | "sftp", command: string): string | undefined {
  return (protocol === "ftp" ? ftpOperations : sftpOperations)[command];
}

/**
 * Every entry as the reply a client gets. Entries of one product that a client cannot tell apart
 * (the same code, text and command, for different causes) are one reply, with the reading most of
 * them give: no reader can do better, and each counts once.
 */
export function repliesOf(catalogs: readonly Catalog[] = loadCatalogs()): Reply[] {
  const all = [...allRepliesOf(catalogs), ...corpusReplies(catalogs)];
  const byVisible = new Map<string, Reply[]>();
  for (const r of all) {
    const key = `${r.protocol}\0${r.product}\0${r.code}\0${r.text}\0${r.command}`;
    byVisible.set(key, [...(byVisible.get(key) ?? []), r]);
  }
  return [...byVisible.values()].map((same) => {
    const counts = new Map<string, { reply: Reply; n: number }>();
    for (const r of same) {
      const k = `${r.reason}|${r.retryable}|${r.reconnect}`;
      counts.set(k, { reply: counts.get(k)?.reply ?? r, n: (counts.get(k)?.n ?? 0) + r.weight });
    }
    return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.reply;
  });
}

/** Every entry as the reply a client gets, indistinguishable ones included. */
export function allRepliesOf(catalogs: readonly Catalog[] = loadCatalogs()): Reply[] {
  const out: Reply[] = [];
  for (const catalog of catalogs) {
    for (const entry of catalog.entries) {
      const text = fill(entry.template);
      // One reply per entry: the first command a client method sends (others only repeat it).
      const command =
        entry.commands.find((c) => operationOf(catalog.protocol, c)) ?? entry.commands[0] ?? "ANY";
      out.push({
        protocol: catalog.protocol,
        product: catalog.product,
        version: catalog.version,
        code: entry.code,
        text,
        template: entry.template,
        command,
        operation: operationOf(catalog.protocol, command),
        reason: entry.reason,
        retryable: entry.retryable,
        reconnect: entry.reconnect === true,
        source: entry.source,
        greeting: catalog.greetingExample,
        weight: 1,
        votes: catalog.productFree !== false,
        file: catalog.file,
      });
    }
  }
  return out;
}

/** The corpus's names of products that have a catalog, so that leave-one-out leaves both out. */
const catalogNames: Readonly<Record<string, string>> = {
  "IIS FTP": "Microsoft IIS FTP Service",
  "Twisted FTP": "Twisted FTP server",
  "Go pkg/sftp": "Go pkg/sftp server",
  "Apache MINA SSHD": "Apache MINA SSHD SFTP subsystem",
  gesftpserver: "Green End SFTP Server (gesftpserver)",
  "Net::SFTP::SftpServer": "Net::SFTP::SftpServer (Perl)",
};

/**
 * The greeting a wrapped client would have read from a corpus entry's server: its catalog's
 * example, when the product is catalogued.
 */
export function corpusGreetingOf(
  entry: Pick<CorpusEntry, "protocol" | "product">,
  catalogs: readonly Catalog[] = loadCatalogs(),
): string | undefined {
  const product = catalogNames[entry.product] ?? entry.product;
  return catalogs.find((c) => c.protocol === entry.protocol && c.product === product)
    ?.greetingExample;
}

/** The corpus of issue 7 as replies: filled-in texts, each with its client method. */
export function corpusReplies(catalogs: readonly Catalog[] = loadCatalogs()): Reply[] {
  return [...ftpCorpus, ...sftpCorpus].map((e) => ({
    protocol: e.protocol,
    product: catalogNames[e.product] ?? e.product,
    greeting: corpusGreetingOf(e, catalogs),
    version: e.version ?? "",
    code: e.code,
    text: e.text,
    template: e.text,
    command: e.command ?? "ANY",
    // basic-ftp's ensureDir ignores a failed MKD and reports the CWD after it: an MKD reply reaches
    // a user only through send(), as in the catalogs (and basic-ftp's corpus test).
    operation: e.protocol === "ftp" && e.command === "MKD" ? "send" : e.operation,
    reason: e.reason,
    retryable: e.retryable,
    reconnect: e.reconnect === true,
    source: e.source,
    weight: 5,
    votes: true,
    file: "corpus",
  }));
}
