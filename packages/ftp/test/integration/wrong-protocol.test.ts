// node-ftp and promise-ftp pointed at an SSH port: the real OpenSSH sshd of the test kit answers
// "SSH-2.0-OpenSSH_...", which node-ftp's parser skips; its connTimeout ended with the TCP
// connect, so it would wait for ever. The wrapped client reads that first line and fails at once.
import { ownName } from "@transfer-errors/testkit/checkout";
import {
  ensureSftpUser,
  mustHaveServers,
  type SshdServer,
  sshdUnavailableReason,
  startSshd,
} from "@transfer-errors/testkit/sshd";
import Client from "ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TransferError, wrapClient } from "../../src/index.js";
import { clients } from "../support/clients.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";

const why = sshdUnavailableReason();
if (why && !mustHaveServers()) console.warn(`[ftp] wrong-protocol tests skipped: ${why}`);

/** node-ftp's connTimeout in these tests: the answer must come well before it. */
const CONN_TIMEOUT_MS = 10_000;

describe.skipIf(why !== undefined && !mustHaveServers())("an FTP client on an SSH port", () => {
  let sshd: SshdServer;
  beforeAll(async () => {
    sshd = await startSshd({ user: await ensureSftpUser(ownName("te-ftp-wp")) });
  });
  afterAll(() => sshd?.stop());
  const options = () => ({ host: sshd.host, port: sshd.port, connTimeout: CONN_TIMEOUT_MS });

  for (const name of ["node-ftp", "promise-ftp"] as const) {
    it(`${name}: connect fails at once with protocol-error, not retryable`, async () => {
      const calls = clients[name]();
      const started = performance.now();
      const error = await rejectionOf(calls.connect(options()));
      const ms = performance.now() - started;
      const e = expectTransferError(error, {
        reason: "protocol-error",
        code: undefined,
        retryable: false,
        reconnect: true,
        operation: "connect",
        path: undefined,
      });
      expect(ms).toBeLessThan(CONN_TIMEOUT_MS / 5);
      expect(e.message).toMatch(/An SSH server answered \("SSH-2\.0-OpenSSH_[^"]+"\)/);
      expect(e.explanation).toContain("SFTP client");
      calls.destroy();
    });
  }

  it("node-ftp: onError gets it when no listener is there", async () => {
    const seen: TransferError[] = [];
    const client = wrapClient(new Client(), { onError: (e) => seen.push(e) });
    client.connect(options());
    await new Promise<void>((resolve) => client.once("close", () => resolve()));
    expect(seen.map((e) => [e.reason, e.operation])).toEqual([["protocol-error", "connect"]]);
  });

  it("without the wrapper node-ftp neither gets ready nor fails (what the wrapper spares)", async () => {
    const client = new Client();
    const events: string[] = [];
    for (const event of ["ready", "error", "close"]) client.on(event, () => events.push(event));
    client.connect(options());
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(events).toEqual([]);
    client.destroy();
  });
});
