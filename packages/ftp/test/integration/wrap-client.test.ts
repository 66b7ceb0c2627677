// wrapClient: the same client and types, the README's example run for real (imported, and as a
// script), node-ftp's connect() through the example's helper, a deadline on a callback call.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import Client from "ftp";
import PromiseFtp from "promise-ftp";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { connect, downloadWithRetry } from "../../examples/retry.js";
import { type TransferError, wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, useFtpServer } from "../support/servers.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the wrapped client is the same client", () => {
  it("node-ftp: same class and type, properties pass through, wrapping twice is a no-op", () => {
    const raw = new Client();
    const client = wrapClient(raw);
    expectTypeOf(client).toEqualTypeOf<Client>();
    expect(client).toBeInstanceOf(Client);
    expect((client as unknown as { connected: boolean }).connected).toBe(false);
    expect(wrapClient(client)).toBe(client);
    // EventEmitter's methods return the wrapped client, so that a chain stays wrapped.
    expect(client.on("greeting", () => undefined)).toBe(client);
    expect(raw.listenerCount("greeting")).toBe(1);
  });

  it("promise-ftp: same type; destroy() and getConnectionStatus() stay synchronous", () => {
    const ftp = wrapClient(new PromiseFtp());
    expectTypeOf(ftp).toEqualTypeOf<PromiseFtp>();
    expect(ftp.getConnectionStatus()).toBe("not yet connected");
    expect(ftp.destroy()).toBe(true);
  });

  it("node-ftp: a call before connect() fails at once instead of waiting for ever", async () => {
    const client = wrapClient(new Client());
    const error = await new Promise((resolve) => client.pwd((e) => resolve(e)));
    expectTransferError(error, {
      reason: "client-misuse",
      code: undefined,
      retryable: false,
      reconnect: false,
      operation: "pwd",
      path: undefined,
    });
  });

  it("the README shows the example as it is in examples/retry.ts", () => {
    const example = readFileSync(join(packageDir, "examples", "retry.ts"), "utf8");
    const region = /\/\/ #region readme\n([\s\S]*?)\/\/ #endregion readme/.exec(example)?.[1];
    expect(region).toBeTruthy();
    const readme = readFileSync(join(packageDir, "README.md"), "utf8");
    expect(readme).toContain(region!.trim());
  });
});

describeWithServers("the README's example on ProFTPD", () => {
  const handle = useFtpServer("proftpd");
  let local: string;
  beforeAll(() => {
    local = mkdtempSync(join(tmpdir(), "te-ftp-"));
  });
  afterAll(() => rmSync(local, { recursive: true, force: true }));

  it("a dropped session is reopened and the download repeated", async () => {
    const ftp = wrapClient(new PromiseFtp());
    await ftp.connect(handle.options());
    let closed = false;
    ftp.rawClient.once("close", () => {
      closed = true;
    });
    handle.server.dropSessions();
    await until(() => closed);
    const retries: TransferError[] = [];
    const target = join(local, "hello.txt");
    await downloadWithRetry(ftp, F.file, target, (error) => {
      retries.push(error);
    });
    expect(readFileSync(target, "utf8")).toBe(F.fileText);
    expect(retries.map((e) => [e.reason, e.retry.reconnect, e.operation])).toEqual([
      ["connection-lost", true, "get"],
    ]);
    ftp.destroy();
  });

  it("node-ftp: connect() rejects with a TransferError; the password is nowhere", async () => {
    const wrong = "Wrong-Passw0rd-123";
    const client = wrapClient(new Client());
    let closed = false;
    client.on("close", () => {
      closed = true;
    });
    const error = await rejectionOf(connect(client, handle.options({ password: wrong })));
    expectTransferError(
      error,
      {
        reason: "auth-failed",
        code: 530,
        retryable: false,
        reconnect: true,
        operation: "connect",
        path: undefined,
      },
      wrong,
    );
    // node-ftp resets whatever connection it has when the old socket closes: wait for it.
    await until(() => closed);
    await connect(client, handle.options());
    const size = await new Promise((resolve) => client.size(F.file, (_e, n) => resolve(n)));
    expect(size).toBe(F.fileText.length);
    client.end();
  });

  it("the README example runs as a script", async () => {
    const server = handle.server;
    const target = join(local, "script.txt");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(packageDir, "node_modules", "tsx", "dist", "cli.mjs"),
        join(packageDir, "examples", "retry.ts"),
        `/${F.fullDir}/${F.fullDirEntries[1]}`,
        target,
      ],
      {
        cwd: packageDir,
        env: {
          ...process.env,
          FTP_HOST: server.host,
          FTP_PORT: String(server.port),
          FTP_USER: server.user,
          FTP_PASSWORD: server.password,
        },
      },
    );
    expect(stdout).toContain(`saved ${target}`);
    expect(readFileSync(target, "utf8")).toBe(`${F.fullDirEntries[1]}\n`);
  });
});
