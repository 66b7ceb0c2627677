// A real OpenSSH sshd for the SFTP integration tests: a test user with a password made at setup,
// a host key made at setup, its own config (sshd/sshd_config.template), pid file and log, on a
// free loopback port; fixtures on disk; and the faults the tests inject (dropped sessions, a
// silent peer, handshakes that end early). A closed port and a silent listener are in net.ts.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { freePort } from "./net.ts";
import { descendants as descendantsOf, signalAll } from "./processes.ts";

const run = promisify(execFile);

export const SSHD_BINARY = "/usr/sbin/sshd";
/** OpenSSH's separate SFTP server, for `subsystem` when a test must kill the SFTP side alone. */
export const SFTP_SERVER_BINARY = "/usr/lib/openssh/sftp-server";
const TEMPLATE = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "sshd",
  "sshd_config.template",
);

/** Why this machine cannot run the test sshd, or `undefined` when it can. */
export function sshdUnavailableReason(): string | undefined {
  if (!existsSync(SSHD_BINARY)) {
    return `${SSHD_BINARY} is missing (run packages/testkit/scripts/install-sshd.sh as root)`;
  }
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    return "the test sshd needs root (it creates a test user and runs sshd as root)";
  }
  if (!existsSync("/usr/sbin/useradd") || !existsSync("/usr/sbin/chpasswd")) {
    return "useradd/chpasswd are missing (Debian's passwd package)";
  }
  return undefined;
}

/** Under CI a missing server fails the run; elsewhere the tests skip with this message. */
export function mustHaveServers(): boolean {
  return process.env.CI === "true";
}

export interface SftpUser {
  name: string;
  password: string;
  uid: number;
  gid: number;
}

/**
 * Creates the non-root SFTP user if missing and gives it a fresh random password. Non-root,
 * because root ignores file permissions and the read-only fixtures would not be read-only.
 * Call it once per test run (a vitest globalSetup) with a user name of its own: a second call
 * changes the password.
 */
export async function ensureSftpUser(name = "te-sftp"): Promise<SftpUser> {
  // Letters and digits only: nothing a shell, a URL or a regular expression would treat specially.
  const password = `Pw${randomBytes(12).toString("hex")}`;
  // Test runs of several packages set up their users at once; concurrent writers of
  // /etc/shadow (useradd, and chpasswd through PAM, lock it differently) can lose an update,
  // which leaves a user with an old password. One writer at a time, and the result checked.
  await withUsersLock(async () => {
    if (!(await userExists(name))) {
      await run("/usr/sbin/useradd", [
        "--no-create-home",
        "--home-dir",
        "/nonexistent",
        "--shell",
        "/bin/sh",
        name,
      ]);
    }
    await setPassword(name, password);
  });
  const [uid, gid] = await Promise.all([idOf(name, "-u"), idOf(name, "-g")]);
  return { name, password, uid, gid };
}

async function setPassword(name: string, password: string): Promise<void> {
  const hash = await cryptHash(password);
  // With a hash: shadow-utils writes it (the same locking as useradd), and it can be checked.
  await feed("/usr/sbin/chpasswd", hash ? ["-e"] : [], `${name}:${hash ?? password}\n`);
  if (hash && (await shadowHashOf(name)) !== hash) {
    throw new Error(`the password of ${name} did not reach /etc/shadow`);
  }
}

/** A SHA-512 crypt hash from openssl, or `undefined` when openssl is missing. */
async function cryptHash(password: string): Promise<string | undefined> {
  if (!existsSync("/usr/bin/openssl")) return undefined;
  const hash = (await feed("/usr/bin/openssl", ["passwd", "-6", "-stdin"], password)).trim();
  return hash.startsWith("$6$") ? hash : undefined;
}

async function shadowHashOf(name: string): Promise<string | undefined> {
  const shadow = await readFile("/etc/shadow", "utf8");
  return shadow
    .split("\n")
    .find((line) => line.startsWith(`${name}:`))
    ?.split(":")[1];
}

/** Runs a command with `input` on its standard input; resolves with its output. */
function feed(command: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} failed: ${stderr.trim()}`)),
    );
    child.stdin.end(input);
  });
}

const USERS_LOCK = join(tmpdir(), "te-sftp-users.lock");

/** Runs `work` while holding a lock shared by every process on this machine (a directory). */
async function withUsersLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await mkdir(USERS_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock left by a killed run: no setup holds it this long.
      const age = await stat(USERS_LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 60_000) await rm(USERS_LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${USERS_LOCK} is held by another test run`);
      await delay(25);
    }
  }
  try {
    return await work();
  } finally {
    await rm(USERS_LOCK, { recursive: true, force: true });
  }
}

async function userExists(name: string): Promise<boolean> {
  try {
    await run("id", ["-u", name]);
    return true;
  } catch {
    return false;
  }
}

async function idOf(name: string, flag: "-u" | "-g"): Promise<number> {
  const { stdout } = await run("id", [flag, name]);
  return Number(stdout.trim());
}

export interface SftpFixtures {
  /** The directory that holds every fixture, owned by the test user. */
  root: string;
  /** A regular file the user can read and write, holding `fileContent`. */
  file: string;
  fileContent: string;
  /** A directory with one file in it. */
  nonEmptyDir: string;
  /** A directory the user cannot write to (owned by root, mode 755), holding `readOnlyFile`. */
  readOnlyDir: string;
  readOnlyFile: string;
  /** A directory the user cannot even enter (owned by root, mode 700), with a file inside. */
  lockedDir: string;
  /** A path that does not exist. */
  missing: string;
  /**
   * A directory on a 1 MiB tmpfs owned by the user, for a full disk; `undefined` when this
   * machine cannot mount one.
   */
  smallDisk: string | undefined;
  /** Creates an empty directory owned by the test user under `root`, for one test's writes. */
  makeDir(name: string): Promise<string>;
  /** Removes everything (unmounts the small disk first). */
  remove(): Promise<void>;
}

/** Lays out the fixtures in a fresh temporary directory, owned as the tests need. */
export async function createSftpFixtures(user: SftpUser): Promise<SftpFixtures> {
  const root = await mkdtemp(join(tmpdir(), "te-sftp-"));
  await chmod(root, 0o755);
  await chown(root, user.uid, user.gid);
  const asUser = async (path: string, mode: number) => {
    await chmod(path, mode);
    await chown(path, user.uid, user.gid);
  };
  const fileContent = "hello over sftp\n";
  const file = join(root, "file.txt");
  await writeFile(file, fileContent);
  await asUser(file, 0o644);
  const nonEmptyDir = join(root, "nonempty");
  await mkdir(nonEmptyDir);
  await asUser(nonEmptyDir, 0o755);
  await writeFile(join(nonEmptyDir, "inner.txt"), "inner\n");
  await asUser(join(nonEmptyDir, "inner.txt"), 0o644);
  // Owned by root: the (non-root) test user can list these but not change them.
  const readOnlyDir = join(root, "readonly");
  await mkdir(readOnlyDir, { mode: 0o755 });
  await chmod(readOnlyDir, 0o755);
  const readOnlyFile = join(readOnlyDir, "rootfile.txt");
  await writeFile(readOnlyFile, "root's\n", { mode: 0o644 });
  const lockedDir = join(root, "locked");
  await mkdir(lockedDir, { mode: 0o700 });
  await chmod(lockedDir, 0o700);
  await writeFile(join(lockedDir, "inside.txt"), "secret\n");
  const smallDisk = await mountSmallDisk(join(root, "small"), user);
  return {
    root,
    file,
    fileContent,
    nonEmptyDir,
    readOnlyDir,
    readOnlyFile,
    lockedDir,
    missing: join(root, "no-such-file.txt"),
    smallDisk,
    async makeDir(name) {
      const dir = join(root, name);
      await mkdir(dir, { recursive: true });
      await asUser(dir, 0o755);
      return dir;
    },
    async remove() {
      if (smallDisk) await run("umount", ["-l", smallDisk]).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function mountSmallDisk(dir: string, user: SftpUser): Promise<string | undefined> {
  await mkdir(dir);
  try {
    // Few inodes as well as few bytes, so that mkdir fails with ENOSPC too.
    await run("mount", [
      "-t",
      "tmpfs",
      "-o",
      `size=1m,nr_inodes=16,mode=0755,uid=${user.uid},gid=${user.gid}`,
      "tmpfs",
      dir,
    ]);
    return dir;
  } catch {
    await chown(dir, user.uid, user.gid);
    return undefined;
  }
}

export interface SshdOptions {
  user: SftpUser;
  /** `MaxAuthTries` (default 6): 1 makes one wrong password end in a DISCONNECT. */
  maxAuthTries?: number;
  /** The SFTP subsystem: `internal-sftp` (default), another command, or `false` for none. */
  subsystem?: string | false;
  /** More config lines. */
  extra?: readonly string[];
  /** Listen on this port instead of a free one (a test that starts the server late). */
  port?: number;
}

export interface SshdServer {
  host: "127.0.0.1";
  port: number;
  /** The listening sshd's pid. */
  pid: number;
  /** The server's public host key line (`ssh-ed25519 AAAA...`). */
  hostKey: string;
  logFile: string;
  /** The session processes (one pair per open connection): every descendant of the listener. */
  sessionPids(): Promise<number[]>;
  /** Kills every session process: each client sees its TCP connection drop. */
  killSessions(): Promise<void>;
  /** Stops (SIGSTOP) every session: the clients see a peer that never answers again. */
  pauseSessions(): Promise<void>;
  /** Resumes paused sessions. */
  resumeSessions(): Promise<void>;
  /**
   * Kills only the SFTP server processes (with `subsystem: SFTP_SERVER_BINARY`): each client's
   * SFTP channel closes while its SSH connection stays up.
   */
  killSftpServers(): Promise<void>;
  /** Stops the listener and every session, removes the config, key and log. */
  stop(): Promise<void>;
}

/** Starts sshd on a free loopback port and waits until it sends its SSH banner. */
export async function startSshd(options: SshdOptions): Promise<SshdServer> {
  const why = sshdUnavailableReason();
  if (why) throw new Error(`cannot start sshd: ${why}`);
  // sshd's privilege separation needs this directory; Debian's init script would create it.
  await mkdir("/run/sshd", { recursive: true, mode: 0o755 });
  const dir = await mkdtemp(join(tmpdir(), "te-sshd-"));
  const keyFile = join(dir, "host_ed25519");
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "te-sshd", "-f", keyFile]);
  const hostKey = (await readFile(`${keyFile}.pub`, "utf8")).trim();
  let lastError: unknown;
  // A free port can be taken between finding it and sshd binding it: try a few.
  for (let attempt = 0; attempt < (options.port ? 1 : 3); attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(dir, keyFile, hostKey, port, options);
    } catch (error) {
      lastError = error;
    }
  }
  await rm(dir, { recursive: true, force: true });
  throw lastError;
}

async function launch(
  dir: string,
  keyFile: string,
  hostKey: string,
  port: number,
  options: SshdOptions,
): Promise<SshdServer> {
  const configFile = join(dir, "sshd_config");
  const logFile = join(dir, "sshd.log");
  const pidFile = join(dir, "sshd.pid");
  await writeFile(configFile, await renderConfig({ port, keyFile, pidFile, options }), {
    mode: 0o600,
  });
  const child = spawn(SSHD_BINARY, ["-D", "-f", configFile, "-E", logFile], { stdio: "ignore" });
  try {
    await waitForBanner(port, child, logFile);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  const pid = child.pid!;
  // A test process that dies without stop() must not leave a listening sshd behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  return {
    host: "127.0.0.1",
    port,
    pid,
    hostKey,
    logFile,
    sessionPids: () => descendants(pid),
    killSessions: async () => signalAll(await descendants(pid), "SIGKILL"),
    pauseSessions: async () => signalAll(await descendants(pid), "SIGSTOP"),
    resumeSessions: async () => signalAll(await descendants(pid), "SIGCONT"),
    killSftpServers: async () =>
      signalAll(await named(await descendants(pid), "sftp-server"), "SIGKILL"),
    async stop() {
      process.off("exit", killOnExit);
      const sessions = await descendants(pid);
      signalAll(sessions, "SIGKILL");
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function renderConfig(input: {
  port: number;
  keyFile: string;
  pidFile: string;
  options: SshdOptions;
}): Promise<string> {
  const { port, keyFile, pidFile, options } = input;
  const subsystem = options.subsystem ?? "internal-sftp";
  const extra = [...(options.extra ?? [])];
  // OpenSSH 9.8 penalises addresses whose logins fail; the tests fail logins on purpose.
  if (await sshdSupports("PerSourcePenalties")) extra.push("PerSourcePenalties no");
  const values: Record<string, string> = {
    PORT: String(port),
    HOST_KEY: keyFile,
    PID_FILE: pidFile,
    USER: options.user.name,
    MAX_AUTH_TRIES: String(options.maxAuthTries ?? 6),
    SUBSYSTEM: subsystem === false ? "# no sftp subsystem" : `Subsystem sftp ${subsystem}`,
    EXTRA: extra.join("\n"),
  };
  const template = await readFile(TEMPLATE, "utf8");
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`sshd_config.template: unknown placeholder ${key}`);
    return value;
  });
}

const supported = new Map<string, boolean>();

/** Whether this sshd knows a config keyword (asks `sshd -T` with only that keyword changed). */
async function sshdSupports(keyword: string): Promise<boolean> {
  const known = supported.get(keyword);
  if (known !== undefined) return known;
  const { stdout } = await run(SSHD_BINARY, ["-V"]).catch((error: { stderr?: string }) => ({
    stdout: error.stderr ?? "",
  }));
  const version = /OpenSSH_(\d+)\.(\d+)/.exec(stdout);
  // PerSourcePenalties appeared in OpenSSH 9.8.
  const result = version ? Number(version[1]) * 100 + Number(version[2]) >= 908 : false;
  supported.set(keyword, result);
  return result;
}

async function waitForBanner(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) break;
    if (await readsBanner(port)) return;
    await delay(50);
  }
  const log = await readFile(logFile, "utf8").catch(() => "");
  throw new Error(
    `sshd did not start on 127.0.0.1:${port}${exited ? " (it exited)" : ""}: ${log.trim().slice(-800)}`,
  );
}

function readsBanner(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("data", (chunk: Buffer) => done(chunk.toString("latin1").startsWith("SSH-2.0-")));
  });
}

/** Every process whose parent chain leads to `pid` (processes.ts), as the callers await it. */
async function descendants(pid: number): Promise<number[]> {
  return descendantsOf(pid);
}

/** The processes among `pids` whose command name is `name`. */
async function named(pids: readonly number[], name: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of pids) {
    const comm = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "");
    if (comm.trim() === name) found.push(pid);
  }
  return found;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// --- Handshake faults that the shared net helpers do not cover ---

export interface TcpFault {
  port: number;
  close(): Promise<void>;
}

/**
 * A TCP listener on 127.0.0.1 that accepts and then behaves as told: `silent` never sends a
 * byte, `close` ends the connection at once, `reset` resets it, `banner` sends a line and stays.
 */
export async function startTcpFault(
  behaviour:
    | { kind: "silent" }
    | { kind: "close" }
    | { kind: "reset" }
    | { kind: "banner"; line: string },
): Promise<TcpFault> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    if (behaviour.kind === "close") socket.end();
    else if (behaviour.kind === "reset") socket.resetAndDestroy();
    else if (behaviour.kind === "banner") socket.write(behaviour.line);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
