// diagnose ftp:// against the port of a real OpenSSH sshd (packages/testkit): the server's first
// line says it is SSH, and diagnose says so at once instead of waiting for its timeout.
import { ownName } from "@transfer-errors/testkit/checkout";
import {
  ensureSftpUser,
  mustHaveServers,
  type SshdServer,
  sshdUnavailableReason,
  startSshd,
} from "@transfer-errors/testkit/sshd";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, STACK } from "./run-cli.js";

const why = sshdUnavailableReason();
if (why && !mustHaveServers()) console.warn(`skipping the wrong-protocol diagnose tests: ${why}`);

/** diagnose's --timeout here: the answer must come well before it. */
const TIMEOUT_MS = 20_000;

describe.skipIf(why !== undefined && !mustHaveServers())("diagnose ftp:// on an SSH port", () => {
  let sshd: SshdServer;
  beforeAll(async () => {
    sshd = await startSshd({ user: await ensureSftpUser(ownName("te-cli-wp")) });
  });
  afterAll(() => sshd?.stop());
  const url = () => `ftp://user:Pw-in-url-42@127.0.0.1:${sshd.port}/`;

  it("the connect step fails as protocol-error, not retryable, well before the timeout", async () => {
    const started = performance.now();
    const result = await runCli(["diagnose", url(), "--timeout", String(TIMEOUT_MS), "--json"]);
    const ms = performance.now() - started;
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK);
    const { steps } = JSON.parse(result.stdout) as {
      steps: {
        step: string;
        status: string;
        error: { reason: string; retryable: boolean; message: string } | null;
      }[];
    };
    expect(steps[0]).toMatchObject({
      step: "connect",
      status: "failed",
      error: { reason: "protocol-error", retryable: false },
    });
    expect(steps[0]!.error!.message).toMatch(/An SSH server answered \("SSH-2\.0-OpenSSH_/);
    expect(steps.slice(1).every((s) => s.status === "skipped")).toBe(true);
    // The process itself (Node's start included) ends long before the timeout would fire.
    expect(ms).toBeLessThan(TIMEOUT_MS / 4);
    expect(result.stdout).not.toContain("Pw-in-url-42");
  });

  it("says in words that an SSH server answered, and to check the port and the scheme", async () => {
    const result = await runCli(["diagnose", url(), "--timeout", String(TIMEOUT_MS)]);
    expect(result.code).toBe(1);
    const text = result.stdout.replace(/\s+/g, " ");
    expect(text).toMatch(/FAIL connect/);
    expect(text).toContain("protocol-error");
    expect(text).toContain("An SSH server answered");
    expect(text).toContain("check the port and the URL scheme (sftp:// for SFTP)");
    expect(text).not.toContain("Pw-in-url-42");
  });
});
