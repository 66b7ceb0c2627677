// An sftp:// client pointed at an FTP port (issue 14): the FTP server answers "220 ..." and waits.
// Against the real vsftpd and ProFTPD of the test kit, with the real ssh2-sftp-client.
import type { RunningFtpServer } from "@transfer-errors/testkit/ftp";
import { describeWithFtpServers } from "@transfer-errors/testkit/sftp-tests";
import { expect, it } from "vitest";
import { createConnection, wrapClient } from "../src/index.js";
import { expectFailure, expectNoSecrets, newClient, transferErrorOf } from "./helpers.js";

/** ssh2's wait for an SSH ident; the failure must come long before it. */
const READY_TIMEOUT_MS = 10_000;
const PASSWORD = "Wrong-Port-Secret-7";

describeWithFtpServers("an FTP server on the port", ["vsftpd", "proftpd"], (serverOf) => {
  const configOf = (server: RunningFtpServer) => ({
    host: server.host,
    port: server.port,
    username: "someone",
    password: PASSWORD,
    readyTimeout: READY_TIMEOUT_MS,
  });

  it.each(["vsftpd", "proftpd"] as const)(
    "%s: connect() fails at once, protocol-error, not retryable, saying an FTP server answered",
    async (kind) => {
      const started = performance.now();
      const error = await transferErrorOf(
        wrapClient(newClient()).connect(configOf(serverOf(kind))),
      );
      expect(performance.now() - started).toBeLessThan(READY_TIMEOUT_MS / 4);
      expectFailure(
        error,
        {
          reason: "protocol-error",
          // ssh2's word for a failure of its socket, as for any other
          code: "client-socket",
          retryable: false,
          reconnect: true,
          operation: "connect",
          path: undefined,
        },
        [PASSWORD],
      );
      expect(error.message).toMatch(
        /An FTP server answered \("220 [^"]*"\), not an SSH server: check the port and the URL scheme/,
      );
      expect(error.retry.why).toMatch(/check the port and the URL scheme/);
      expect(error.explanation).toContain("Connect to the SSH server's port");
    },
  );

  it("createConnection's connect() fails the same way, and withRetry would not repeat it", async () => {
    const sftp = createConnection(configOf(serverOf("vsftpd")), { timeoutMs: READY_TIMEOUT_MS });
    const started = performance.now();
    const error = await transferErrorOf(sftp.connect());
    expect(performance.now() - started).toBeLessThan(READY_TIMEOUT_MS / 4);
    expect([error.reason, error.retryable]).toEqual(["protocol-error", false]);
    expectNoSecrets(error, [PASSWORD]);
    await sftp.end();
  });

  it("unwrapped, ssh2-sftp-client waits for the readyTimeout and says only that", async () => {
    // What the wrapper saves the caller from: the same server, a short wait, a bare timeout.
    const started = performance.now();
    const raw = await newClient()
      .connect({ ...configOf(serverOf("vsftpd")), readyTimeout: 1_500 })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(String(raw)).toMatch(/Timed out while waiting for handshake/);
  });
});
