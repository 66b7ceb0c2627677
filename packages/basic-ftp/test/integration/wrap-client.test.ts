// wrapClient: the same Client, errors as TransferErrors, reconnect() back to the working
// directory, and the README's example, run for real (imported, and as a script).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { downloadWithRetry } from "../../examples/retry.js";
import {
  reconnect,
  type TransferError,
  withRetry,
  workingDirOf,
  wrapClient,
} from "../../src/index.js";
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
  it("keeps its class, type, properties and sync methods untouched", () => {
    const raw = new Client(1_000);
    const client = wrapClient(raw);
    expectTypeOf(client).toEqualTypeOf<Client>();
    expect(client).toBeInstanceOf(Client);
    expect(client.ftp).toBe(raw.ftp);
    expect(client.closed).toBe(raw.closed);
    expect(client.trackProgress).toBe(raw.trackProgress);
    expect(client.close).toBe(raw.close);
    const parser = () => [];
    client.parseList = parser;
    expect(raw.parseList).toBe(parser);
    expect(wrapClient(client)).toBe(client);
  });

  it("a call before connecting rejects with a TransferError (Socket is closed)", async () => {
    const client = wrapClient(new Client(1_000));
    expectTransferError(await rejectionOf(client.pwd()), {
      path: undefined,
      reason: "connection-lost",
      code: "ERR_SOCKET_CLOSED",
      retryable: true,
      reconnect: true,
      operation: "pwd",
    });
  });

  it("a port out of range: basic-ftp's synchronous throw is a rejection, client-misuse, as on SFTP", async () => {
    const client = wrapClient(new Client(1_000));
    // basic-ftp throws ERR_SOCKET_BAD_PORT synchronously from connect(); the wrapped call rejects.
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = client.connect("127.0.0.1", 99_999);
    }).not.toThrow();
    expectTransferError(await rejectionOf(pending as Promise<unknown>), {
      reason: "client-misuse",
      code: "ERR_SOCKET_BAD_PORT",
      retryable: false,
      reconnect: true,
      operation: "connect",
      path: undefined,
    });
    client.close();
  });

  it("access(null) is the caller's mistake (a TypeError), not a refusal by the server", async () => {
    const client = wrapClient(new Client(1_000));
    const e = expectTransferError(
      await rejectionOf(client.access(null as unknown as Parameters<Client["access"]>[0])),
      {
        reason: "client-misuse",
        code: undefined,
        retryable: false,
        reconnect: true,
        operation: "access",
        path: undefined,
      },
    );
    expect(e.originalError).toBeInstanceOf(TypeError);
    client.close();
  });

  it("the README shows the example as it is in examples/retry.ts", () => {
    const example = readFileSync(join(packageDir, "examples", "retry.ts"), "utf8");
    const region = /\/\/ #region readme\n([\s\S]*?)\/\/ #endregion readme/.exec(example)?.[1];
    expect(region).toBeTruthy();
    const readme = readFileSync(join(packageDir, "README.md"), "utf8");
    expect(readme).toContain(region!.trim());
  });

  it("reconnect() needs a wrapped client that connected before", async () => {
    await expect(reconnect(new Client())).rejects.toThrow(/wrapClient/);
    await expect(reconnect(wrapClient(new Client()))).rejects.toThrow(/access/);
  });
});

describeWithServers("wrapClient on ProFTPD", () => {
  const handle = useFtpServer("proftpd");
  let local: string;
  beforeAll(() => {
    local = mkdtempSync(join(tmpdir(), "te-wrap-"));
  });
  afterAll(() => rmSync(local, { recursive: true, force: true }));

  it("control characters in a path: invalid-name, client open", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    expectTransferError(await rejectionOf(client.cd("a\r\nDELE hello.txt")), {
      code: undefined,
      reason: "invalid-name",
      retryable: false,
      reconnect: false,
      operation: "cd",
      path: "a\r\nDELE hello.txt",
    });
    expect(client.closed).toBe(false);
    expect(await client.size(F.file)).toBe(F.fileText.length);
    client.close();
  });

  it("a control character in the password: invalid-name, closed, the password nowhere", async () => {
    const password = `${handle.server.password}\nSITE x`;
    const client = wrapClient(new Client(5_000));
    expectTransferError(
      await rejectionOf(client.access(handle.options({ password }))),
      {
        code: undefined,
        path: undefined,
        reason: "invalid-name",
        retryable: false,
        reconnect: true,
        operation: "access",
      },
      handle.server.password,
    );
  });

  it("a timeoutMs past what a timer holds (2^31 ms) is clamped: calls work, no timer warning", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on("warning", onWarning);
    try {
      // Unclamped, Node fires such a timer after 1 ms (with a TimeoutOverflowWarning): the
      // deadline passed at once ("access did not settle within 3000000000 ms").
      const client = wrapClient(new Client(5_000), { timeoutMs: 3_000_000_000 });
      await client.access(handle.options());
      expect(await client.size(F.file)).toBe(F.fileText.length);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await client.list()).length).toBeGreaterThan(0);
      client.close();
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("a call after close(), and every one after it: client-misuse; withRetry reopens nothing", async () => {
    const client = wrapClient(new Client(5_000), { reconnect: true });
    await client.access(handle.options());
    client.close();
    for (let i = 0; i < 3; i++) {
      expectTransferError(await rejectionOf(client.pwd()), {
        code: undefined,
        path: undefined,
        reason: "client-misuse",
        retryable: false,
        reconnect: true,
        operation: "pwd",
      });
    }
    let attempts = 0;
    const failed = (await rejectionOf(
      withRetry(
        () => {
          attempts++;
          return client.pwd();
        },
        { retries: 3, minDelayMs: 1 },
      ),
    )) as TransferError;
    expect([failed.reason, attempts, client.closed]).toEqual(["client-misuse", 1, true]);
  });

  it("reconnect() logs in again and goes back to the working directory", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    await client.cd(F.fullDir);
    await client.cd("..");
    await client.cd(F.fullDir);
    expect(workingDirOf(client)).toBe(F.fullDir);
    handle.server.dropSessions();
    await until(() => client.closed);
    await reconnect(client);
    expect(await client.pwd()).toBe(`/${F.fullDir}`);
    client.close();
  });

  it("the README example: a dropped session is reopened and the download repeated", async () => {
    const client = wrapClient(new Client(5_000));
    await client.access(handle.options());
    await client.cd(F.fullDir);
    handle.server.dropSessions();
    await until(() => client.closed);
    const retries: TransferError[] = [];
    const target = join(local, "a.txt");
    await downloadWithRetry(client, F.fullDirEntries[0], target, (error) => {
      retries.push(error);
    });
    // a.txt exists only in full-dir: the retry ran in the directory the client had.
    expect(readFileSync(target, "utf8")).toBe(`${F.fullDirEntries[0]}\n`);
    expect(retries.map((e) => [e.reason, e.retry.reconnect, e.operation])).toEqual([
      ["connection-lost", true, "downloadTo"],
    ]);
    client.close();
  });

  it("the README example runs as a script", async () => {
    const server = handle.server;
    const target = join(local, "script-b.txt");
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(packageDir, "node_modules", "tsx", "dist", "cli.mjs"),
        join(packageDir, "examples", "retry.ts"),
        `/${F.fullDir}`,
        F.fullDirEntries[1],
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
