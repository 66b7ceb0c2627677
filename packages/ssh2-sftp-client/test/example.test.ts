// The README's example runs: against a server that starts late (connect retried), and after a
// dropped connection (reconnect with a fresh client).
import { readFile } from "node:fs/promises";
import { freePort } from "@transfer-errors/testkit/net";
import { startSshd } from "@transfer-errors/testkit/sshd";
import { describe, expect, it, vi } from "vitest";
import { download, fetchFile } from "../examples/download-with-retry.js";
import { createConnection } from "../src/index.js";
import { operations } from "../src/operations.js";
import { connectConfig, describeSftp, running, useFixtures } from "./helpers.js";

describeSftp("the README example", () => {
  const fixtures = useFixtures();

  it("retries a refused connect until the server is up, then downloads", async () => {
    const port = await freePort();
    // The example's jitter (Math.random) in the middle: its waits after the first refusal add up
    // to 7.75 s, time enough for sshd to start on a busy machine. With real random numbers they
    // may add up to less than the start takes, and the example gives up.
    const random = vi.spyOn(Math, "random").mockReturnValue(0.5);
    const lines: string[] = [];
    let refused!: () => void;
    const firstRefusal = new Promise<void>((resolve) => {
      refused = resolve;
    });
    const work = download(connectConfig({ port }), fixtures().file, (line) => {
      lines.push(line);
      refused();
    });
    // The server starts once the first connect was refused (not after a guessed delay).
    const sshd = await firstRefusal.then(() => startSshd({ user: running().user, port }));
    try {
      expect((await work).toString()).toBe(fixtures().fileContent);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines[0]).toMatch(/connect attempt 1 failed \(connection-refused\)/);
    } finally {
      random.mockRestore();
      await sshd.stop();
    }
  });

  it("reconnects with a fresh client after the connection dropped", async () => {
    const sshd = await startSshd({ user: running().user });
    const sftp = createConnection(connectConfig({ port: sshd.port }));
    try {
      const first = await sftp.connect();
      await sshd.killSessions();
      const lines: string[] = [];
      const data = await fetchFile(sftp, fixtures().file, (line) => lines.push(line));
      expect(data.toString()).toBe(fixtures().fileContent);
      expect(lines).toEqual(["attempt 1 failed (connection-lost), retrying"]);
      expect(sftp.client).not.toBe(first);
    } finally {
      await sftp.end();
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
    const shown = /```ts\n(import \{[\s\S]*?)\ntry \{/.exec(readme)?.[1]?.trim();
    const code = example
      .slice(example.indexOf("import {\n"), example.indexOf("async function main"))
      .trim();
    expect(shown).toBe(code);
  });

  it("names every method the diagnose option looks into", async () => {
    const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
    const row = readme.split("\n").find((line) => line.startsWith("| `diagnose`"));
    const looked = Object.keys(operations).filter((method) => operations[method]?.look);
    expect(looked).toEqual(expect.arrayContaining(["get", "fastGet"]));
    for (const method of looked) expect(row, method).toContain(`\`${method}\``);
  });
});
