// ProFTPD with mod_sftp as a second real SFTP server (beside OpenSSH, sshd.ts): Debian's
// proftpd-core and proftpd-mod-crypto, unpacked by scripts/install-ftp-servers.sh, started here
// on a free loopback port with ../ftp/proftpd-sftp.conf.template, a virtual user of its own
// (AuthUserFile, no system account), a fresh host key and fresh fixtures in the user's home,
// which is the session's root (DefaultRoot ~): the fixtures' paths are the server's, "/file.txt".
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
import { ftpServerSupport, serverCacheDir } from "./ftp-servers.js";
import { freePort, LOOPBACK } from "./net.js";
import { descendants, fillTemplate, signalAll } from "./processes.js";
import { mustHaveServers } from "./sshd.js";

const TEMPLATE = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "ftp",
  "proftpd-sftp.conf.template",
);

/** The virtual user's name (only in this server's AuthUserFile). */
export const PROFTPD_SFTP_USER = "te-psftp";

/** Why ProFTPD mod_sftp cannot run here, or `undefined` when it can. */
export function proftpdSftpUnavailableReason(): string | undefined {
  const support = ftpServerSupport();
  if (!support.ok) return support.why;
  try {
    execFileSync("ssh-keygen", ["-?"], { stdio: "ignore" });
  } catch (error) {
    // ssh-keygen exits 1 for "-?" after printing its usage; only a missing command throws ENOENT.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return "ssh-keygen is missing (for mod_sftp's host key)";
    }
  }
  return undefined;
}

/**
 * The reason to skip the ProFTPD mod_sftp tests, or `undefined` to run them. Under CI=true a
 * missing server throws instead: the run must fail, not skip.
 */
export function proftpdSftpSkipReason(): string | undefined {
  const why = proftpdSftpUnavailableReason();
  if (why && mustHaveServers()) {
    throw new Error(`CI=true and ProFTPD mod_sftp cannot run: ${why}`);
  }
  return why;
}

/** The fixtures as the SFTP session sees them: paths below its root ("/"). */
export interface ProftpdSftpFixtures {
  /** The session's root ("/", the user's home on disk), owned by the user. */
  root: string;
  /** A regular file the user can read and write, holding `fileContent`. */
  file: string;
  fileContent: string;
  /** A directory with one file in it (`inner.txt`). */
  nonEmptyDir: string;
  /** A directory the user cannot write to (owned by root, mode 555), holding `readOnlyFile`. */
  readOnlyDir: string;
  readOnlyFile: string;
  /** A file the user cannot read (owned by root, mode 600). */
  privateFile: string;
  /** A directory the user cannot even enter (owned by root, mode 700), with a file inside. */
  lockedDir: string;
  /** A path that does not exist. */
  missing: string;
}

export interface ProftpdSftpOptions {
  /**
   * The uid and gid the user's sessions run as and its fixtures belong to: not root (root
   * ignores file modes). Default: `nobody`'s.
   */
  owner?: { uid: number; gid: number } | undefined;
  /** More config lines, appended to the template's. */
  extraConfig?: readonly string[] | undefined;
}

export interface ProftpdSftpServer {
  host: typeof LOOPBACK;
  port: number;
  /** The listening (master) proftpd's pid. */
  pid: number;
  user: string;
  password: string;
  /** The user's home on the local disk: the session's "/". */
  home: string;
  /** The server's identification line, `SSH-2.0-mod_sftp...`. */
  banner: string;
  /** The server's public host key line (`ssh-rsa AAAA...`). */
  hostKey: string;
  fixtures: ProftpdSftpFixtures;
  /** The local path of a path the session sees. */
  local(remotePath: string): string;
  /** Creates an empty directory owned by the user; returns its path as the session sees it. */
  makeDir(name: string): string;
  /** The session processes: every descendant of the listener (one per open connection). */
  sessionPids(): number[];
  /** Kills every session process (SIGKILL): each client sees its TCP connection drop. */
  killSessions(): void;
  /** Stops (SIGSTOP) every session: the clients see a peer that never answers again. */
  pauseSessions(): void;
  /** Resumes paused sessions. */
  resumeSessions(): void;
  /** The server's logs (its system log, mod_sftp's SFTPLog, stdout), for a failing test. */
  log(): string;
  /** Stops the listener and every session, removes the config, key, logs and fixtures. */
  stop(): Promise<void>;
}

function nobodyIds(): { uid: number; gid: number } {
  try {
    const [, , uid, gid] = execFileSync("getent", ["passwd", "nobody"], { encoding: "utf8" })
      .trim()
      .split(":");
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return { uid: 65534, gid: 65534 };
  }
}

function writeFixtures(home: string, owner: { uid: number; gid: number }): ProftpdSftpFixtures {
  const asUser = (path: string, mode: number) => {
    chmodSync(path, mode);
    chownSync(path, owner.uid, owner.gid);
  };
  mkdirSync(home);
  asUser(home, 0o755);
  const fileContent = "hello over sftp from ProFTPD\n";
  writeFileSync(join(home, "file.txt"), fileContent);
  asUser(join(home, "file.txt"), 0o644);
  mkdirSync(join(home, "nonempty"));
  asUser(join(home, "nonempty"), 0o755);
  writeFileSync(join(home, "nonempty", "inner.txt"), "inner\n");
  asUser(join(home, "nonempty", "inner.txt"), 0o644);
  // Owned by root: the session runs as the (non-root) owner and cannot change these.
  mkdirSync(join(home, "readonly"));
  writeFileSync(join(home, "readonly", "rootfile.txt"), "root's\n");
  chmodSync(join(home, "readonly", "rootfile.txt"), 0o644);
  chmodSync(join(home, "readonly"), 0o555);
  writeFileSync(join(home, "private.txt"), "nobody but root\n");
  chmodSync(join(home, "private.txt"), 0o600);
  mkdirSync(join(home, "locked"));
  writeFileSync(join(home, "locked", "inside.txt"), "secret\n");
  chmodSync(join(home, "locked"), 0o700);
  return {
    root: "/",
    file: "/file.txt",
    fileContent,
    nonEmptyDir: "/nonempty",
    readOnlyDir: "/readonly",
    readOnlyFile: "/readonly/rootfile.txt",
    privateFile: "/private.txt",
    lockedDir: "/locked",
    missing: "/no-such-file.txt",
  };
}

function renderConfig(values: Record<string, string>): string {
  return fillTemplate(readFileSync(TEMPLATE, "utf8"), values, "proftpd-sftp.conf.template");
}

/** Reads the server's identification line, or `undefined` when nothing answers yet. */
function readBanner(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, LOOPBACK);
    let text = "";
    const done = (line: string | undefined) => {
      socket.destroy();
      resolve(line);
    };
    socket.setTimeout(1_000, () => done(undefined));
    socket.once("error", () => done(undefined));
    socket.on("data", (chunk: Buffer) => {
      text += chunk.toString("latin1");
      if (text.includes("\n")) done(text.split("\n")[0]!.trim());
    });
  });
}

async function waitForBanner(port: number, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`proftpd (mod_sftp) exited at start:\n${log()}`);
    }
    const banner = await readBanner(port);
    if (banner?.startsWith("SSH-2.0-")) return banner;
    if (banner !== undefined) throw new Error(`unexpected banner on port ${port}: ${banner}`);
    if (Date.now() > deadline) {
      throw new Error(`proftpd (mod_sftp) did not answer on ${LOOPBACK}:${port}:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts ProFTPD with mod_sftp on a free loopback port, a virtual user with a random password,
 * and fresh fixtures; waits for its SSH banner. Check `proftpdSftpSkipReason()` first.
 */
export async function startProftpdSftp(
  options: ProftpdSftpOptions = {},
): Promise<ProftpdSftpServer> {
  const why = proftpdSftpUnavailableReason();
  if (why) throw new Error(`ProFTPD mod_sftp cannot run: ${why}`);
  const owner = options.owner ?? nobodyIds();
  const base = mkdtempSync(join(tmpdir(), "te-proftpd-sftp-"));
  chmodSync(base, 0o755);
  const state = join(base, "state");
  mkdirSync(state, { mode: 0o755 });
  const home = join(base, "home");
  const fixtures = writeFixtures(home, owner);
  // mod_sftp reads OpenSSH's PEM format; the key must not be readable by others.
  const keyFile = join(state, "host_rsa");
  execFileSync(
    "ssh-keygen",
    ["-q", "-t", "rsa", "-b", "2048", "-m", "PEM", "-N", ""].concat([
      "-C",
      "te-proftpd-sftp",
      "-f",
      keyFile,
    ]),
    { stdio: "ignore" },
  );
  chmodSync(keyFile, 0o600);
  const hostKey = readFileSync(`${keyFile}.pub`, "utf8").trim();
  // Letters and digits only: nothing a shell, a URL or a regular expression treats specially.
  const password = `Pw${randomBytes(12).toString("hex")}`;
  // Virtual user: "name:hash:uid:gid:gecos:home:shell", the hash from openssl (SHA-512 crypt),
  // as ftp-servers.ts makes ProFTPD's.
  const hash = execFileSync("openssl", ["passwd", "-6", "-stdin"], {
    input: password,
    encoding: "utf8",
  }).trim();
  writeFileSync(
    join(state, "sftpd.passwd"),
    `${PROFTPD_SFTP_USER}:${hash}:${owner.uid}:${owner.gid}::${home}:/usr/sbin/nologin\n`,
    { mode: 0o600 },
  );
  writeFileSync(join(state, "sftpd.group"), `${PROFTPD_SFTP_USER}:x:${owner.gid}:\n`, {
    mode: 0o644,
  });
  const port = await freePort();
  let config = renderConfig({
    PORT: String(port),
    RUN_USER: "nobody",
    RUN_GROUP: "nogroup",
    STATE: state,
    MODULES: join(serverCacheDir(), "usr", "lib", "proftpd"),
    HOST_KEY: keyFile,
  });
  if (options.extraConfig?.length) config += `\n${options.extraConfig.join("\n")}\n`;
  const configFile = join(state, "proftpd-sftp.conf");
  writeFileSync(configFile, config, { mode: 0o600 });
  const outFile = join(state, "stdout.log");
  const out = openSync(outFile, "a");
  const child = spawn(
    join(serverCacheDir(), "usr", "sbin", "proftpd"),
    ["-n", "-q", "-c", configFile],
    { detached: true, stdio: ["ignore", out, out] },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error("proftpd (mod_sftp) did not start");
  const killAll = () => signalAll([...descendants(pid), pid], "SIGKILL");
  // A test process that dies without stop() must not leave a listening server behind.
  process.once("exit", killAll);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const log = () =>
    [outFile, join(state, "proftpd.log"), join(state, "sftp.log")]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path, "utf8"))
      .join("\n")
      .slice(-4000);
  let banner: string;
  try {
    banner = await waitForBanner(port, child, log);
  } catch (error) {
    killAll();
    process.off("exit", killAll);
    rmSync(base, { recursive: true, force: true });
    throw error;
  }
  return {
    host: LOOPBACK,
    port,
    pid,
    user: PROFTPD_SFTP_USER,
    password,
    home,
    banner,
    hostKey,
    fixtures,
    local: (remotePath) => join(home, remotePath),
    makeDir(name) {
      const dir = join(home, name);
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, 0o755);
      chownSync(dir, owner.uid, owner.gid);
      return `/${name}`;
    },
    sessionPids: () => descendants(pid),
    killSessions: () => signalAll(descendants(pid), "SIGKILL"),
    pauseSessions: () => signalAll(descendants(pid), "SIGSTOP"),
    resumeSessions: () => signalAll(descendants(pid), "SIGCONT"),
    log,
    async stop() {
      process.off("exit", killAll);
      killAll();
      await exited;
      rmSync(base, { recursive: true, force: true });
    },
  };
}
