// diagnose against real servers on 127.0.0.1 (packages/testkit): ProFTPD, vsftpd requiring TLS,
// OpenSSH, a closed port and a listener that never speaks. The binary is the built one.
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ownName } from "@transfer-errors/testkit/checkout";
import {
  FTP_TEST_PASSWORD,
  FTP_TEST_USER,
  ftpFixtures,
  ftpServerSupport,
  type RunningFtpServer,
  startFtpServer,
} from "@transfer-errors/testkit/ftp";
import { closedPort, type SilentListener, startSilentListener } from "@transfer-errors/testkit/net";
import {
  createSftpFixtures,
  ensureSftpUser,
  mustHaveServers,
  type SftpFixtures,
  type SftpUser,
  type SshdServer,
  sshdUnavailableReason,
  startSshd,
} from "@transfer-errors/testkit/sshd";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli, runCliOnTty, STACK } from "./run-cli.js";

interface Step {
  step: string;
  status: "ok" | "failed" | "skipped";
  detail: string | null;
  error: {
    reason: string;
    code: unknown;
    retry: { retryable: boolean; reconnect: boolean };
  } | null;
}

function report(result: CliResult): { ok: boolean; steps: Step[] } {
  expect(result.stderr).not.toMatch(STACK);
  return JSON.parse(result.stdout);
}

function stepNamed(steps: Step[], name: string): Step {
  const step = steps.find((s) => s.step === name);
  if (!step) throw new Error(`no step ${name} in ${JSON.stringify(steps)}`);
  return step;
}

/** Outside CI a machine without the servers skips, saying why; under CI=true it fails. */
function skipWithout(why: string | undefined): boolean {
  if (why === undefined || mustHaveServers()) return false;
  console.warn(`skipping the diagnose tests that need it: ${why}`);
  return true;
}

describe("diagnose: bad input exits 2", () => {
  it.each([
    [["diagnose", "http://example.com/"], /unsupported scheme "http:"/],
    [["diagnose", "not a url"], /is not a URL/],
    [["diagnose", "ftp://127.0.0.1/", "--timeout", "soon"], /--timeout/],
    [
      ["diagnose", "sftp://someone@127.0.0.1:1/"],
      /no password for someone: set TRANSFER_ERRORS_PASSWORD/,
    ],
    [["diagnose", "sftp://127.0.0.1/", "--insecure"], /for ftps:\/\/ only/],
  ])("%j", async (args, message) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK);
  });

  it("never prints the password of a URL it rejects", async () => {
    const { code, stderr } = await runCli(["diagnose", "gopher://alice:S3cret-in-url@host/"]);
    expect(code).toBe(2);
    expect(stderr).not.toContain("S3cret-in-url");
    // Unencoded "/", "@", "?" in the password: `new URL()` reads them differently, the mask not.
    for (const password of ["pa/ssW0rd99", "p@ssW0rd99", "pa?ssW0rd99"]) {
      const url = `ftpx://xfer:${password}@127.0.0.1:2121/`;
      const rejected = await runCli(["diagnose", url]);
      expect(rejected.code, password).toBe(2);
      expect(rejected.stderr, password).not.toContain("ssW0rd99");
    }
    // The issue's own line: an ftp:// URL that `new URL()` cannot read for the "/" in its password.
    const issue = await runCli(["diagnose", "ftp://xfer:pa/ssW0rd99@127.0.0.1:2121/"]);
    expect(issue.code).toBe(2);
    expect(issue.stderr).toMatch(/is not a URL/);
    expect(issue.stderr).not.toContain("ssW0rd99");
  });
});

describe("diagnose: no server", () => {
  let silent: SilentListener;
  beforeAll(async () => {
    silent = await startSilentListener();
  });
  afterAll(async () => {
    await silent?.close();
  });

  it("reports a closed port as connection-refused and exits 1", async () => {
    for (const scheme of ["ftp", "sftp"]) {
      const port = await closedPort();
      const result = await runCli(
        ["diagnose", `${scheme}://someone@127.0.0.1:${port}/`, "--json"],
        {
          env: { TRANSFER_ERRORS_PASSWORD: "unused-password" },
        },
      );
      expect(result.code, scheme).toBe(1);
      const { ok, steps } = report(result);
      expect(ok).toBe(false);
      expect(steps[0]).toMatchObject({ step: "connect", status: "failed" });
      expect(steps[0]!.error).toMatchObject({ reason: "connection-refused", code: "ECONNREFUSED" });
      expect(steps[0]!.error!.retry.reconnect).toBe(true);
      expect(steps.slice(1).every((s) => s.status === "skipped")).toBe(true);
    }
  });

  it("reports a server that never answers as a timeout", async () => {
    const result = await runCli([
      "diagnose",
      `ftp://127.0.0.1:${silent.port}/`,
      "--timeout",
      "1000",
      "--json",
    ]);
    expect(result.code).toBe(1);
    const connect = stepNamed(report(result).steps, "connect");
    expect(connect.status).toBe("failed");
    expect(connect.error!.reason).toBe("timeout");
  });
});

describe.skipIf(
  skipWithout(ftpServerSupport().ok ? undefined : (ftpServerSupport() as { why: string }).why),
)("diagnose: FTP and FTPS", () => {
  let proftpd: RunningFtpServer;
  let vsftpdTls: RunningFtpServer;
  let caFile: string;
  const withPassword = { env: { TRANSFER_ERRORS_PASSWORD: FTP_TEST_PASSWORD } };

  beforeAll(async () => {
    [proftpd, vsftpdTls] = await Promise.all([
      startFtpServer("proftpd"),
      startFtpServer("vsftpd-tls"),
    ]);
    caFile = join(mkdtempSync(join(tmpdir(), "te-cli-ca-")), "ca.pem");
    writeFileSync(caFile, vsftpdTls.certPem!);
  });
  afterAll(async () => {
    await Promise.all([proftpd?.stop(), vsftpdTls?.stop()]);
  });

  it("passes every step on a working server, and sizes the file", async () => {
    const url = `ftp://${FTP_TEST_USER}@127.0.0.1:${proftpd.port}/${ftpFixtures.file}`;
    const json = await runCli(["diagnose", url, "--json"], withPassword);
    expect(json.code).toBe(0);
    const { ok, steps } = report(json);
    expect(ok).toBe(true);
    expect(steps.map((s) => s.step)).toEqual(["connect", "login", "setup", "pwd", "list", "size"]);
    expect(steps.every((s) => s.status === "ok")).toBe(true);
    expect(stepNamed(steps, "connect").detail).toMatch(/^220 /);
    expect(stepNamed(steps, "list").detail).toContain(ftpFixtures.file);
    expect(stepNamed(steps, "size").detail).toBe(
      `${Buffer.byteLength(ftpFixtures.fileText)} bytes`,
    );
    const human = await runCli(["diagnose", url], withPassword);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^All 6 steps passed\.$/m);
    expect(human.stdout + human.stderr).not.toContain(FTP_TEST_PASSWORD);
  });

  it("reports a wrong password as auth-failed, exits 1, and never prints it", async () => {
    const wrong = "Not-The-Pa55word";
    const url = `ftp://${FTP_TEST_USER}:${wrong}@127.0.0.1:${proftpd.port}/`;
    const json = await runCli(["diagnose", url, "--json"]);
    expect(json.code).toBe(1);
    const { steps } = report(json);
    const login = stepNamed(steps, "login");
    expect(login.status).toBe("failed");
    expect(login.error).toMatchObject({ reason: "auth-failed", code: 530 });
    expect(login.error!.retry.retryable).toBe(false);
    expect(stepNamed(steps, "list").status).toBe("skipped");
    const human = await runCli(["diagnose", url]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/FAIL {2}login/);
    expect(human.stdout).toMatch(/reason {7}auth-failed/);
    expect(human.stdout).toMatch(/retry {8}no: /);
    for (const out of [json, human]) expect(out.stdout + out.stderr).not.toContain(wrong);
  });

  it("a wrong password that is also a word does not blank the labels out (which would show it)", async () => {
    for (const wrong of ["the", "server", "reason"]) {
      const url = `ftp://${FTP_TEST_USER}:${wrong}@127.0.0.1:${proftpd.port}/`;
      const human = await runCli(["diagnose", url]);
      expect(human.code).toBe(1);
      expect(human.stdout, wrong).toMatch(/reason {7}auth-failed/);
      expect(human.stdout, wrong).toMatch(/server said/);
      expect(human.stdout, wrong).not.toMatch(/\*\*\*(?:ntication| said|son)/);
    }
  });

  it("reports the server's answer for a missing file", async () => {
    const url = `ftp://${FTP_TEST_USER}@127.0.0.1:${proftpd.port}/${ftpFixtures.missing}`;
    const result = await runCli(["diagnose", url, "--json"], withPassword);
    expect(result.code).toBe(1);
    const size = stepNamed(report(result).steps, "size");
    expect(size.error).toMatchObject({ reason: "not-found", code: 550 });
  });

  it("reads /~/ as the login directory, the same file as without it; /%2F from the root", async () => {
    const base = `ftp://${FTP_TEST_USER}@127.0.0.1:${proftpd.port}`;
    // ProFTPD keeps the user in its home (DefaultRoot ~): its root is the login directory.
    for (const path of [
      `/~/${ftpFixtures.file}`,
      `/${ftpFixtures.file}`,
      `/%2F${ftpFixtures.file}`,
    ]) {
      const result = await runCli(["diagnose", `${base}${path}`, "--json"], withPassword);
      expect(result.code, `${path}: ${result.stdout}`).toBe(0);
      expect(stepNamed(report(result).steps, "size").detail).toBe(
        `${Buffer.byteLength(ftpFixtures.fileText)} bytes`,
      );
    }
  });

  it("says how to read a missing path from the server's root instead", async () => {
    const url = `ftp://${FTP_TEST_USER}@127.0.0.1:${proftpd.port}/${ftpFixtures.missing}`;
    const json = report(await runCli(["diagnose", url, "--json"], withPassword));
    const size = stepNamed(json.steps, "size") as Step & { hint: string | null };
    expect(size.error).toMatchObject({ reason: "not-found" });
    expect(size.hint).toContain("FTP paths start at the login directory");
    expect(size.hint).toContain(`/%2F${ftpFixtures.missing}`);
    const human = await runCli(["diagnose", url], withPassword);
    expect(human.stdout).toContain("(FTP, no TLS; the path from the login directory)");
    expect(human.stdout).toMatch(/hint {9}FTP paths start at the login directory/);
  });

  it("says tls-required when a TLS-only server is asked in plain FTP", async () => {
    const url = `ftp://${FTP_TEST_USER}@127.0.0.1:${vsftpdTls.port}/`;
    const result = await runCli(["diagnose", url, "--json"], withPassword);
    expect(result.code).toBe(1);
    const login = stepNamed(report(result).steps, "login");
    expect(login.error).toMatchObject({ reason: "tls-required", code: 530 });
  });

  it("passes over explicit TLS with the server's certificate trusted", async () => {
    const url = `ftps://${FTP_TEST_USER}@127.0.0.1:${vsftpdTls.port}/${ftpFixtures.readonlyFile}`;
    const result = await runCli(["diagnose", url, "--ca", caFile, "--json"], withPassword);
    expect(result.code, result.stdout).toBe(0);
    const { steps } = report(result);
    expect(steps.map((s) => s.step)).toEqual([
      "connect",
      "tls",
      "login",
      "setup",
      "pwd",
      "list",
      "size",
    ]);
    expect(stepNamed(steps, "tls").detail).toMatch(/^234 .*\(TLSv1\.[23]\)$/);
  });

  it("says that a server which refuses AUTH TLS offers no explicit FTPS", async () => {
    const url = `ftps://${FTP_TEST_USER}@127.0.0.1:${proftpd.port}/`;
    const json = await runCli(["diagnose", url, "--json"], withPassword);
    expect(json.code).toBe(1);
    const tls = stepNamed(report(json).steps, "tls");
    expect(tls.error).toMatchObject({ reason: "unsupported", code: 500 });
    const human = await runCli(["diagnose", url], withPassword);
    expect(human.stdout).toMatch(/FAIL {2}tls/);
    expect(human.stdout.replace(/\s+/g, " ")).toContain(
      "it does not offer explicit FTPS on this port",
    );
    expect(human.stdout).not.toMatch(/passive instead of active/);
  });

  it("says tls-failed for an untrusted certificate, and how to trust it", async () => {
    const url = `ftps://${FTP_TEST_USER}@127.0.0.1:${vsftpdTls.port}/`;
    const result = await runCli(["diagnose", url], withPassword);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}tls/);
    expect(result.stdout).toMatch(/reason {7}tls-failed/);
    expect(result.stdout).toMatch(/hint {9}trust the server's certificate with --ca/);
  });
});

describe.skipIf(skipWithout(sshdUnavailableReason()))("diagnose: SFTP", () => {
  let user: SftpUser;
  let fixtures: SftpFixtures;
  let sshd: SshdServer;

  beforeAll(async () => {
    // A user of its own: ensureSftpUser gives a new password on every call, which must not
    // change the password of the adapter's tests running at the same time; and of this
    // checkout's own, or another checkout's run on the same machine changes it.
    user = await ensureSftpUser(ownName("te-cli"));
    fixtures = await createSftpFixtures(user);
    sshd = await startSshd({ user });
  });
  afterAll(async () => {
    await sshd?.stop();
    await fixtures?.remove();
  });

  function fingerprintOf(hostKeyLine: string): string {
    const blob = Buffer.from(hostKeyLine.split(" ")[1]!, "base64");
    return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
  }

  it("passes every step, stats the file and shows the host key's fingerprint", async () => {
    const url = `sftp://${user.name}@127.0.0.1:${sshd.port}${fixtures.file}`;
    const result = await runCli(["diagnose", url, "--json"], {
      env: { TRANSFER_ERRORS_PASSWORD: user.password },
    });
    expect(result.code, result.stdout).toBe(0);
    const { steps } = report(result);
    expect(steps.map((s) => s.step)).toEqual(["connect", "login", "pwd", "list", "stat"]);
    expect(stepNamed(steps, "connect").detail).toMatch(/^SSH-2\.0-OpenSSH/);
    expect(stepNamed(steps, "login").detail).toContain(fingerprintOf(sshd.hostKey));
    expect(stepNamed(steps, "stat").detail).toBe(
      `file, ${Buffer.byteLength(fixtures.fileContent)} bytes`,
    );
    expect(result.stdout).not.toContain(user.password);
  });

  it("reports a directory the user may not read as permission-denied", async () => {
    const url = `sftp://${user.name}@127.0.0.1:${sshd.port}${fixtures.lockedDir}/`;
    const result = await runCli(["diagnose", url, "--json"], {
      env: { TRANSFER_ERRORS_PASSWORD: user.password },
    });
    expect(result.code).toBe(1);
    const list = stepNamed(report(result).steps, "list");
    expect(list.error).toMatchObject({ reason: "permission-denied", code: 3 });
  });

  describe("paths as curl reads them: from the root, and from home after /~/", () => {
    let homeSshd: SshdServer;
    let file: string;
    beforeAll(async () => {
      // A login directory to start in (the test user's home does not exist): the fixtures.
      homeSshd = await startSshd({ user, subsystem: `internal-sftp -d ${fixtures.root}` });
      file = fixtures.file.slice(fixtures.root.length + 1);
    });
    afterAll(async () => {
      await homeSshd?.stop();
    });

    it("reads /~/file in the login directory, as ftp://host/~/file", async () => {
      const url = `sftp://${user.name}@127.0.0.1:${homeSshd.port}/~/${file}`;
      const result = await runCli(["diagnose", url, "--json"], {
        env: { TRANSFER_ERRORS_PASSWORD: user.password },
      });
      expect(result.code, result.stdout).toBe(0);
      const { steps } = report(result);
      expect(stepNamed(steps, "pwd").detail).toBe(fixtures.root);
      expect(stepNamed(steps, "stat").detail).toBe(
        `file, ${Buffer.byteLength(fixtures.fileContent)} bytes`,
      );
    });

    it("reads /file from the root, and says so in the failure, with the URL for home", async () => {
      const url = `sftp://${user.name}@127.0.0.1:${homeSshd.port}/${file}`;
      const env = { env: { TRANSFER_ERRORS_PASSWORD: user.password } };
      const json = await runCli(["diagnose", url, "--json"], env);
      expect(json.code).toBe(1);
      const { steps } = report(json);
      expect(stepNamed(steps, "list").detail).not.toContain(file);
      const stat = stepNamed(steps, "stat") as Step & { hint: string | null };
      expect(stat.error).toMatchObject({ reason: "not-found" });
      expect(stat.hint).toBe(
        `SFTP paths start at the server's root, as curl reads them; for ${file} in the login directory (${fixtures.root}), use sftp://127.0.0.1:${homeSshd.port}/~/${file}`,
      );
      const human = await runCli(["diagnose", url], env);
      expect(human.stdout).toContain("(SFTP; the path from the server's root)");
      expect(human.stdout).toMatch(/hint {9}SFTP paths start at the server's root/);
    });
  });

  it("reports a wrong password as auth-failed", async () => {
    const wrong = "Not-The-Sftp-Pa55word";
    const url = `sftp://${user.name}@127.0.0.1:${sshd.port}/`;
    const result = await runCli(["diagnose", url, "--json"], {
      env: { TRANSFER_ERRORS_PASSWORD: wrong },
    });
    expect(result.code).toBe(1);
    const { steps } = report(result);
    expect(stepNamed(steps, "connect").status).toBe("ok");
    expect(stepNamed(steps, "login").error!.reason).toBe("auth-failed");
    expect(result.stdout).not.toContain(wrong);
  });

  it("asks for the password on a terminal without echoing it", async () => {
    const url = `sftp://${user.name}@127.0.0.1:${sshd.port}${fixtures.file}`;
    const result = await runCliOnTty(["diagnose", url], {
      input: `${user.password}\r`,
      env: { NO_COLOR: "1" },
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(`Password for ${user.name}@127.0.0.1: `);
    expect(result.stdout).toMatch(/All 5 steps passed\./);
    expect(result.stdout).not.toContain(user.password);
  });
});
