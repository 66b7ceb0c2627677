// Real FTP servers for the integration tests: ProFTPD, vsftpd, Pure-FTPd and pyftpdlib from Debian,
// unpacked by scripts/install-ftp-servers.sh, started here on free ports of 127.0.0.1 with the
// config templates of ../ftp (Pure-FTPd: its command line; pyftpdlib: ../ftp/pyftpdlib-server.py),
// a test user, and fresh fixtures. stop() ends the server and every
// session process it forked.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasOpenssl, makeSelfSignedCert } from "./certs.js";
import { freePort, LOOPBACK } from "./net.js";
import { descendants, fillTemplate, signalAll } from "./processes.js";

export type FtpServerKind = "proftpd" | "vsftpd" | "vsftpd-tls" | "pure-ftpd" | "pyftpdlib";

/** The account every test server accepts. The tests check that this password never leaks. */
export const FTP_TEST_USER = "teftp";
export const FTP_TEST_PASSWORD = "Tr4nsfer-Err0rs-pw";

/** Names inside the user's home; each server gets a fresh copy. */
export const ftpFixtures = {
  /** A small readable file. */
  file: "hello.txt",
  fileText: "hello from the transfer-errors test server\n",
  /** A file large enough that a transfer is still running when something breaks it. */
  bigFile: "big.bin",
  bigFileBytes: 8 * 1024 * 1024,
  /** A directory with two files in it (removeEmptyDir must refuse it). */
  fullDir: "full-dir",
  fullDirEntries: ["a.txt", "b.txt"],
  /** A directory the user may list and read but not write (owned by root, mode 0555). */
  readonlyDir: "readonly",
  readonlyFile: "readonly/keep.txt",
  /** A file and a directory the user may not open at all (root, 0600 / 0700). */
  privateFile: "private.txt",
  privateDir: "private",
  /** A name that exists nowhere. */
  missing: "no-such-file.txt",
} as const;

export interface RunningFtpServer {
  kind: FtpServerKind;
  host: string;
  port: number;
  user: string;
  password: string;
  /** The server refuses logins without TLS (explicit FTPS, `AUTH TLS`). */
  tlsRequired: boolean;
  /** For `secureOptions.ca`: the self-signed certificate of a TLS server. */
  certPem: string | undefined;
  /** The user's home on the local disk (the server's root for this user). */
  home: string;
  pid: number;
  /** Stops the server and every session, then removes its files. */
  stop(): Promise<void>;
  /** SIGKILL to the server and its sessions, as a crash would (files are kept until stop()). */
  kill(): void;
  /** Ends every open session (as an admin kicking users would); the server keeps listening. */
  dropSessions(): void;
  /** The server's own log, for a failing test's message. */
  log(): string;
}

export type FtpSupport = { ok: true } | { ok: false; why: string };

const here = dirname(fileURLToPath(import.meta.url));
const templates = join(here, "..", "ftp");
const installScript = join(here, "..", "scripts", "install-ftp-servers.sh");
const repoRoot = join(here, "..", "..", "..");

/** Where install-ftp-servers.sh unpacks the servers (keep in step with the script). */
export function serverCacheDir(): string {
  return process.env.TRANSFER_ERRORS_FTP_CACHE ?? join(repoRoot, ".cache", "ftp-servers");
}

function binary(kind: FtpServerKind): string {
  const name = kind === "vsftpd-tls" ? "vsftpd" : kind;
  return join(serverCacheDir(), "usr", "sbin", name);
}

/** What install-ftp-servers.sh unpacks (keep in step with its `binaries`). */
const unpacked = [
  "usr/sbin/proftpd",
  "usr/sbin/vsftpd",
  "usr/sbin/pure-ftpd",
  "usr/bin/pure-pw",
  "usr/lib/proftpd/mod_sftp.so",
  "usr/lib/python3/dist-packages/pyftpdlib/__init__.py",
];

function missingBinaries(): string[] {
  return unpacked.map((path) => join(serverCacheDir(), path)).filter((path) => !existsSync(path));
}

let support: FtpSupport | undefined;

/**
 * Whether the servers can run here: root (they switch users and chroot), both binaries
 * unpacked (installed now if missing), and openssl for the certificate.
 */
export function ftpServerSupport(): FtpSupport {
  support ??= checkSupport();
  return support;
}

function checkSupport(): FtpSupport {
  if (process.platform !== "linux") return { ok: false, why: "the FTP test servers need Linux" };
  if (process.getuid?.() !== 0) {
    return { ok: false, why: "the FTP test servers need root (they switch to the test user)" };
  }
  if (missingBinaries().length > 0) {
    try {
      execFileSync("bash", [installScript], { stdio: ["ignore", "ignore", "pipe"] });
    } catch (error) {
      return { ok: false, why: `${installScript} failed: ${String(error)}` };
    }
  }
  const missing = missingBinaries();
  if (missing.length > 0) {
    return { ok: false, why: `not unpacked: ${missing.join(", ")} (run ${installScript} as root)` };
  }
  if (!hasOpenssl()) return { ok: false, why: "openssl is missing (for the test certificate)" };
  return { ok: true };
}

interface Ids {
  uid: number;
  gid: number;
}

interface Account extends Ids {
  home: string;
}

function accountOf(user: string): Account | undefined {
  try {
    const line = execFileSync("getent", ["passwd", user], { encoding: "utf8" });
    const [, , uid, gid, , home] = line.trim().split(":");
    return { uid: Number(uid), gid: Number(gid), home: home ?? "" };
  } catch {
    return undefined;
  }
}

/** Retries a command that may meet another test file doing the same (/etc/shadow is locked). */
function runWithRetry(command: string, args: string[], input?: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync(command, args, { input, stdio: ["pipe", "ignore", "pipe"] });
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      execFileSync("sleep", ["0.1"]);
    }
  }
}

/** The system account vsftpd logs in through PAM (ProFTPD maps its virtual user onto it). */
function ensureTestUser(): Ids {
  // vsftpd changes into the home directory before local_root: it must exist ("/").
  if (!accountOf(FTP_TEST_USER)) {
    try {
      execFileSync(
        "useradd",
        [
          "--system",
          "--no-create-home",
          "--home-dir",
          "/",
          "--shell",
          "/usr/sbin/nologin",
          FTP_TEST_USER,
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
    } catch (error) {
      // Another test file may have created it a moment ago.
      if (!accountOf(FTP_TEST_USER)) throw error;
    }
  }
  const account = accountOf(FTP_TEST_USER);
  if (!account) throw new Error(`could not create the user ${FTP_TEST_USER}`);
  if (account.home !== "/") runWithRetry("usermod", ["--home", "/", FTP_TEST_USER]);
  runWithRetry("chpasswd", [], `${FTP_TEST_USER}:${FTP_TEST_PASSWORD}\n`);
  return { uid: account.uid, gid: account.gid };
}

function writeFixtures(home: string, owner: Ids): void {
  const f = ftpFixtures;
  mkdirSync(home, { mode: 0o755 });
  writeFileSync(join(home, f.file), f.fileText);
  // Incompressible, so that no layer can make the transfer shorter than it is.
  writeFileSync(join(home, f.bigFile), randomBytes(f.bigFileBytes));
  mkdirSync(join(home, f.fullDir));
  for (const name of f.fullDirEntries) writeFileSync(join(home, f.fullDir, name), `${name}\n`);
  for (const path of [home, join(home, f.file), join(home, f.bigFile), join(home, f.fullDir)]) {
    chownSync(path, owner.uid, owner.gid);
  }
  for (const name of f.fullDirEntries) chownSync(join(home, f.fullDir, name), owner.uid, owner.gid);
  // Root-owned: the session runs as the test user and cannot write here.
  mkdirSync(join(home, f.readonlyDir));
  writeFileSync(join(home, f.readonlyFile), "read me, do not replace me\n");
  chmodSync(join(home, f.readonlyFile), 0o444);
  chmodSync(join(home, f.readonlyDir), 0o555);
  writeFileSync(join(home, f.privateFile), "nobody but root\n");
  chmodSync(join(home, f.privateFile), 0o600);
  mkdirSync(join(home, f.privateDir), { mode: 0o700 });
  writeFileSync(join(home, f.privateDir, "inside.txt"), "hidden\n");
}

function fill(template: string, values: Record<string, string>): string {
  return fillTemplate(template, values, "an FTP config template");
}

function readTemplate(name: string): string {
  return readFileSync(join(templates, name), "utf8");
}

/** The test password as a SHA-512 crypt() hash (made by openssl), for a virtual user's file. */
function passwordHash(): string {
  return execFileSync("openssl", ["passwd", "-6", "-stdin"], {
    input: FTP_TEST_PASSWORD,
    encoding: "utf8",
  }).trim();
}

function proftpdConfig(state: string, home: string, port: number, owner: Ids): string {
  // Virtual user: "name:hash:uid:gid:gecos:home:shell".
  const hash = passwordHash();
  const passwd = join(state, "ftpd.passwd");
  writeFileSync(
    passwd,
    `${FTP_TEST_USER}:${hash}:${owner.uid}:${owner.gid}::${home}:/usr/sbin/nologin\n`,
    { mode: 0o600 },
  );
  writeFileSync(join(state, "ftpd.group"), `${FTP_TEST_USER}:x:${owner.gid}:\n`, { mode: 0o644 });
  return fill(readTemplate("proftpd.conf.template"), {
    PORT: String(port),
    RUN_USER: "nobody",
    RUN_GROUP: "nogroup",
    STATE: state,
    MODULES: join(serverCacheDir(), "usr", "lib", "proftpd"),
  });
}

function vsftpdConfig(
  state: string,
  home: string,
  port: number,
  tls: { certPath: string; keyPath: string; sslReuse: boolean } | undefined,
): string {
  const empty = join(state, "empty");
  mkdirSync(empty, { mode: 0o755 });
  const tlsPart = tls
    ? fill(readTemplate("vsftpd-tls.conf.part"), {
        CERT: tls.certPath,
        KEY: tls.keyPath,
        SSL_REUSE: tls.sslReuse ? "YES" : "NO",
      })
    : "";
  return fill(readTemplate("vsftpd.conf.template"), {
    PORT: String(port),
    HOME: home,
    NOPRIV_USER: "nobody",
    EMPTY: empty,
    STATE: state,
    TLS: tlsPart,
  });
}

/**
 * Pure-FTPd takes no config file: its command line. One virtual user in a PureDB made with
 * pure-pw (home: the fixtures, chrooted), on 127.0.0.1 only, no anonymous login, no DNS.
 */
function pureFtpdArgs(state: string, home: string, port: number, owner: Ids): string[] {
  const passwd = join(state, "pureftpd.passwd");
  const db = join(state, "pureftpd.pdb");
  // pure-pw would hash with argon2id at seconds per login (against guessing), which a loaded test
  // machine turns into a missed client timeout: a SHA-512 crypt() hash, which Pure-FTPd reads too.
  // "name:hash:uid:gid:gecos:home/./" and pure-pw's empty fields; "/./" chroots to the home.
  const fields = [FTP_TEST_USER, passwordHash(), owner.uid, owner.gid, "", `${home}/./`];
  writeFileSync(passwd, `${fields.join(":")}${":".repeat(12)}\n`, { mode: 0o600 });
  runWithRetry(join(serverCacheDir(), "usr", "bin", "pure-pw"), ["mkdb", db, "-f", passwd]);
  // -u 1: the test user is a system account (uid < 1000, Pure-FTPd's usual floor).
  return ["-S", `${LOOPBACK},${port}`, "-l", `puredb:${db}`, "-E", "-A", "-H", "-4", "-u", "1"];
}

/**
 * pyftpdlib runs in the test user's own process (setpriv): it has no privilege separation, and as
 * root it would read and write every fixture. Debian's python3 with the unpacked package.
 */
function pyftpdlibCommand(home: string, port: number, owner: Ids): [string, string[]] {
  const script = join(templates, "pyftpdlib-server.py");
  const server = [script, String(port), home, FTP_TEST_USER, FTP_TEST_PASSWORD];
  const ids = [`--reuid=${owner.uid}`, `--regid=${owner.gid}`, "--clear-groups"];
  return ["setpriv", [...ids, "/usr/bin/python3", "-W", "ignore", ...server]];
}

/** Reads the first line the server sends: its greeting. */
function readGreeting(port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, LOOPBACK);
    let text = "";
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no greeting on port ${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      text += chunk;
      if (!text.includes("\n")) return;
      clearTimeout(timer);
      socket.end("QUIT\r\n");
      resolve(text.split("\n")[0]!.trim());
    });
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function waitForGreeting(
  port: number,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the FTP server exited at start (${child.exitCode ?? child.signalCode}):\n${log()}`,
      );
    }
    try {
      const greeting = await readGreeting(port, 2_000);
      if (greeting.startsWith("220")) return;
      throw new Error(`unexpected greeting: ${greeting}`);
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${String(error)}\n${log()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Signals the server and every session it forked (vsftpd puts each into a session group of its own). */
function killTree(pid: number, signal: NodeJS.Signals): void {
  signalAll([...descendants(pid), pid], signal);
}

const running = new Set<number>();
let exitHookInstalled = false;
function trackForExit(pid: number): void {
  running.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test run that dies must not leave servers behind.
  process.on("exit", () => {
    for (const p of running) killTree(p, "SIGKILL");
  });
}

export interface StartOptions {
  /**
   * Config lines appended to the server's file (a later vsftpd line overrides an earlier one),
   * e.g. `["max_per_ip=1"]` or `["pasv_enable=NO"]` for vsftpd, `["TimeoutIdle 1"]` for ProFTPD;
   * for Pure-FTPd, more command-line arguments (`["-C", "1"]`); for pyftpdlib, `NAME=VALUE`
   * settings of ../ftp/pyftpdlib-server.py (`["max_cons_per_ip=1"]`, `["perm=elr"]`).
   */
  extraConfig?: readonly string[];
  /**
   * vsftpd-tls only: require the data connection to resume the control connection's TLS
   * session. On by default, as in vsftpd (basic-ftp resumes sessions).
   */
  sslReuse?: boolean;
}

/** Starts one server with fresh fixtures. Call ftpServerSupport() first. */
export async function startFtpServer(
  kind: FtpServerKind,
  options: StartOptions = {},
): Promise<RunningFtpServer> {
  const supported = ftpServerSupport();
  if (!supported.ok) throw new Error(`FTP test servers unavailable: ${supported.why}`);
  const owner = ensureTestUser();
  const base = mkdtempSync(join(tmpdir(), `te-${kind}-`));
  chmodSync(base, 0o755);
  const state = join(base, "state");
  mkdirSync(state, { mode: 0o755 });
  const home = join(base, "home");
  writeFixtures(home, owner);
  const port = await freePort();
  let certPem: string | undefined;
  let args: string[];
  let command = binary(kind);
  if (kind === "pyftpdlib") {
    [command, args] = pyftpdlibCommand(home, port, owner);
    args.push(...(options.extraConfig ?? []));
  } else if (kind === "pure-ftpd") {
    args = [...pureFtpdArgs(state, home, port, owner), ...(options.extraConfig ?? [])];
  } else {
    let config: string;
    if (kind === "proftpd") {
      config = proftpdConfig(state, home, port, owner);
    } else {
      let tls: Parameters<typeof vsftpdConfig>[3];
      if (kind === "vsftpd-tls") {
        const cert = makeSelfSignedCert(state);
        certPem = cert.certPem;
        tls = {
          certPath: cert.certPath,
          keyPath: cert.keyPath,
          sslReuse: options.sslReuse ?? true,
        };
      }
      config = vsftpdConfig(state, home, port, tls);
    }
    if (options.extraConfig?.length) config += `\n${options.extraConfig.join("\n")}\n`;
    const configPath = join(state, `${kind}.conf`);
    writeFileSync(configPath, config, { mode: 0o600 });
    args = kind === "proftpd" ? ["-n", "-q", "-c", configPath] : [configPath];
  }
  const outPath = join(state, "stdout.log");
  const out = openSync(outPath, "a");
  const env = {
    ...process.env,
    PYTHONPATH: join(serverCacheDir(), "usr", "lib", "python3", "dist-packages"),
  };
  const child = spawn(command, args, { detached: true, stdio: ["ignore", out, out], env });
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${kind} did not start`);
  trackForExit(pid);
  const logFile = join(state, kind === "proftpd" ? "proftpd.log" : "vsftpd.log");
  const log = () =>
    [outPath, logFile]
      .filter((p) => existsSync(p))
      .map((p) => readFileSync(p, "utf8"))
      .join("\n")
      .slice(-4000);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForGreeting(port, child, log);
  } catch (error) {
    killTree(pid, "SIGKILL");
    running.delete(pid);
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return {
    kind,
    host: LOOPBACK,
    port,
    user: FTP_TEST_USER,
    password: FTP_TEST_PASSWORD,
    tlsRequired: kind === "vsftpd-tls",
    certPem,
    home,
    pid,
    log,
    kill() {
      killTree(pid, "SIGKILL");
    },
    dropSessions() {
      // pyftpdlib serves every session in its one process: its script closes them on SIGUSR1.
      if (kind === "pyftpdlib") signalAll([pid], "SIGUSR1");
      else signalAll(descendants(pid), "SIGKILL");
    },
    async stop() {
      // A test server keeps nothing worth a graceful stop; sessions go with it.
      killTree(pid, "SIGKILL");
      await exited;
      running.delete(pid);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Every kind, for tests that run the same scenario on each server. */
export const ftpServerKinds: readonly FtpServerKind[] = [
  "proftpd",
  "vsftpd",
  "vsftpd-tls",
  "pure-ftpd",
];
