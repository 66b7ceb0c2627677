// An FTP client pointed at an SSH port: the real OpenSSH sshd of the test kit answers
// "SSH-2.0-OpenSSH_...", which basic-ftp skips as no reply and waits for its timeout. The wrapped
// client reads that first line and fails at once with the `wrong-protocol` signal.
import { ownName } from "@transfer-errors/testkit/checkout";
import {
  ensureSftpUser,
  mustHaveServers,
  type SshdServer,
  sshdUnavailableReason,
  startSshd,
} from "@transfer-errors/testkit/sshd";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRetry, wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";

const why = sshdUnavailableReason();
if (why && !mustHaveServers()) console.warn(`[basic-ftp] wrong-protocol tests skipped: ${why}`);

/** basic-ftp's own timeout in these tests: the answer must come well before it. */
const CLIENT_TIMEOUT_MS = 10_000;

describe.skipIf(why !== undefined && !mustHaveServers())("an FTP client on an SSH port", () => {
  let sshd: SshdServer;
  beforeAll(async () => {
    sshd = await startSshd({ user: await ensureSftpUser(ownName("te-bftp-wp")) });
  });
  afterAll(() => sshd?.stop());

  const timed = async (work: Promise<unknown>) => {
    const started = performance.now();
    const error = await rejectionOf(work);
    return { error, ms: performance.now() - started };
  };

  for (const operation of ["access", "connect"] as const) {
    it(`${operation}: protocol-error at once, not retryable, the SSH line quoted`, async () => {
      const client = wrapClient(new Client(CLIENT_TIMEOUT_MS));
      const { error, ms } = await timed(
        operation === "access"
          ? client.access({ host: sshd.host, port: sshd.port, user: "u", password: "pw-123456" })
          : client.connect(sshd.host, sshd.port),
      );
      const e = expectTransferError(
        error,
        {
          reason: "protocol-error",
          code: undefined,
          retryable: false,
          reconnect: true,
          operation,
          path: undefined,
        },
        "pw-123456",
      );
      expect(ms).toBeLessThan(CLIENT_TIMEOUT_MS / 5);
      expect(e.message).toMatch(/An SSH server answered \("SSH-2\.0-OpenSSH_[^"]+"\)/);
      expect(e.message).toContain("check the port and the URL scheme (sftp:// for SFTP)");
      expect(e.explanation).toContain("SFTP client");
      expect(client.closed).toBe(true);
    });
  }

  it("withRetry does not try again: the same port gives the same answer", async () => {
    const client = wrapClient(new Client(CLIENT_TIMEOUT_MS));
    let attempts = 0;
    const { error, ms } = await timed(
      withRetry(
        () => {
          attempts += 1;
          return client.access({ host: sshd.host, port: sshd.port });
        },
        { retries: 3, minDelayMs: 1 },
      ),
    );
    expect(attempts).toBe(1);
    expect((error as { reason?: unknown }).reason).toBe("protocol-error");
    expect(ms).toBeLessThan(CLIENT_TIMEOUT_MS / 5);
  });

  it("without the wrapper basic-ftp waits for its own timeout (what the wrapper spares)", async () => {
    const client = new Client(1_500);
    const { error, ms } = await timed(client.access({ host: sshd.host, port: sshd.port }));
    expect(String(error)).toContain("Timeout (control socket)");
    expect(ms).toBeGreaterThanOrEqual(1_400);
    client.close();
  });
});
