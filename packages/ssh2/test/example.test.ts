// The README's example runs: against a server that starts late (connect retried), and after a
// dropped connection (reconnect with a new Client), and the README shows it as it is.
import { readFile } from "node:fs/promises";
import { freePort } from "@transfer-errors/testkit/net";
import { startSshd } from "@transfer-errors/testkit/sshd";
import { describe, expect, it, vi } from "vitest";
import { Connection, download, fetchFile } from "../examples/download-with-retry.js";
import { needsReconnect } from "../src/index.js";
import { connectConfig, describeSftp, running, useFixtures } from "./helpers.js";

describeSftp("the README example", () => {
  const fixtures = useFixtures();

  it("retries a refused connect until the server is up, then downloads", async () => {
    const port = await freePort();
    const lines: string[] = [];
    const late = new Promise((resolve) => setTimeout(resolve, 400)).then(() =>
      startSshd({ user: running().user, port }),
    );
    const work = download(connectConfig({ port }), fixtures().file, (line) => lines.push(line));
    const sshd = await late;
    try {
      expect((await work).toString()).toBe(fixtures().fileContent);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines[0]).toMatch(/connect attempt 1 failed \(connection-refused\)/);
    } finally {
      await sshd.stop();
    }
  });

  it("reconnects with a new Client after the connection dropped", async () => {
    const sshd = await startSshd({ user: running().user });
    const connection = new Connection(connectConfig({ port: sshd.port }));
    try {
      await connection.open();
      const first = connection.sftp;
      await sshd.killSessions();
      await vi.waitFor(() => expect(needsReconnect(first)).toBe(true));
      const lines: string[] = [];
      const data = await fetchFile(connection, fixtures().file, (line) => lines.push(line));
      expect(data.toString()).toBe(fixtures().fileContent);
      expect(lines).toEqual(["attempt 1 failed (connection-lost), retrying"]);
      expect(connection.sftp).not.toBe(first);
    } finally {
      connection.end();
      await sshd.stop();
    }
  });
});

describe("the README", () => {
  it("shows the example's code as it is in examples/", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const example = await readFile(
      new URL("../examples/download-with-retry.ts", import.meta.url),
      "utf8",
    );
    const shown = /```ts\n(import \{[\s\S]*?)\n```/.exec(readme)?.[1]?.trim();
    const code = example
      .slice(example.indexOf("import { connectSftp"), example.indexOf("async function main"))
      .trim();
    expect(shown).toBe(code);
  });
});
