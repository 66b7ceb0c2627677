// connectSftp pointed at an FTP port (issue 14): the FTP server answers "220 ..." and waits.
// Against the real vsftpd and ProFTPD of the test kit, with a real ssh2 Client.
import type { FtpServerKind } from "@transfer-errors/testkit/ftp";
import { describeWithFtpServers } from "@transfer-errors/testkit/sftp-tests";
import { Client, type ConnectConfig } from "ssh2";
import { expect, it } from "vitest";
import { connectSftp, isRetryable } from "../src/index.js";
import { clientErrorOf, expectFailure, transferErrorOf } from "./helpers.js";

/** ssh2's wait for an SSH ident; the failure must come long before it. */
const READY_TIMEOUT_MS = 10_000;
const PASSWORD = "Wrong-Port-Secret-7";

describeWithFtpServers("an FTP server on the port", ["vsftpd", "proftpd"], (serverOf) => {
  const configOf = (kind: FtpServerKind): ConnectConfig => {
    const server = serverOf(kind);
    return {
      host: server.host,
      port: server.port,
      username: "someone",
      password: PASSWORD,
      readyTimeout: READY_TIMEOUT_MS,
    };
  };

  it.each(["vsftpd", "proftpd"] as const)(
    "%s: connectSftp fails at once, protocol-error, not retryable, saying an FTP server answered",
    async (kind) => {
      const client = new Client();
      const started = performance.now();
      const error = await transferErrorOf(connectSftp(client, configOf(kind)));
      expect(performance.now() - started).toBeLessThan(READY_TIMEOUT_MS / 4);
      expectFailure(
        error,
        {
          reason: "protocol-error",
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
      expect(error.explanation).toContain("Connect to the SSH server's port");
      expect(isRetryable(error.cause)).toBe(false);
    },
  );

  it("a bare ssh2 Client waits for the readyTimeout and says only that", async () => {
    // What connectSftp saves the caller from: the same server, a short wait, a bare timeout.
    const started = performance.now();
    const raw = await clientErrorOf({ ...configOf("vsftpd"), readyTimeout: 1_500 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(String(raw)).toMatch(/Timed out while waiting for handshake/);
  });
});
