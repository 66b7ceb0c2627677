// diagnose of an sftp:// URL whose port is an FTP server's (issue 14): the connect step fails at
// once and says so, instead of waiting for the SSH banner until --timeout. Real vsftpd and
// ProFTPD (packages/testkit), the built binary.
import { describeWithFtpServers } from "@transfer-errors/testkit/sftp-tests";
import { expect, it } from "vitest";
import { runCli, STACK } from "./run-cli.js";

const TIMEOUT_MS = 20_000;
const PASSWORD = "Wrong-Port-Secret-7";

interface Step {
  step: string;
  status: string;
  ms: number;
  error: { reason: string; retryable: boolean; message: string; explanation: string } | null;
}

describeWithFtpServers("diagnose sftp:// on an FTP port", ["vsftpd", "proftpd"], (serverOf) => {
  it.each(["vsftpd", "proftpd"] as const)(
    "%s: connect fails at once with protocol-error, not retryable; nothing else runs",
    async (kind) => {
      const url = `sftp://someone@127.0.0.1:${serverOf(kind).port}/`;
      const started = performance.now();
      const result = await runCli(["diagnose", url, "--timeout", String(TIMEOUT_MS), "--json"], {
        env: { TRANSFER_ERRORS_PASSWORD: PASSWORD },
      });
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS / 2);
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(STACK);
      const { steps } = JSON.parse(result.stdout) as { steps: Step[] };
      const [connect, ...rest] = steps;
      expect(connect).toMatchObject({ step: "connect", status: "failed" });
      expect(connect!.ms).toBeLessThan(TIMEOUT_MS / 4);
      expect([connect!.error!.reason, connect!.error!.retryable]).toEqual([
        "protocol-error",
        false,
      ]);
      expect(connect!.error!.message).toMatch(
        /An FTP server answered \("220 [^"]*"\), not an SSH server/,
      );
      expect(rest.every((s) => s.status === "skipped")).toBe(true);
      expect(result.stdout).not.toContain(PASSWORD);
    },
  );

  it("says it in words: an FTP server answered; check the port and the URL scheme", async () => {
    const url = `sftp://someone@127.0.0.1:${serverOf("vsftpd").port}/`;
    const result = await runCli(["diagnose", url, "--timeout", String(TIMEOUT_MS)], {
      env: { TRANSFER_ERRORS_PASSWORD: PASSWORD },
    });
    expect(result.code).toBe(1);
    const text = result.stdout.replace(/\s+/g, " ");
    expect(text).toContain("An FTP server answered");
    expect(text).toContain("not an SSH server");
    expect(text).toContain("check the port and the URL scheme");
    expect(text).toMatch(/1 of 4 steps failed: connect \(protocol-error\)/);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });
});
