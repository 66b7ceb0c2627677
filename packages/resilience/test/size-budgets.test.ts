// scripts/size-budgets.mjs, the CI step: every entry measured, and the exit code follows the
// budgets (1 when any entry is over, 0 otherwise; --report-only always 0).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const script = join(root, "scripts", "size-budgets.mjs");

interface Entry {
  name: string;
  minified: number;
  gzip: number;
  budget?: number;
}

function runScript(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: root }, (error, stdout) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout });
    });
  });
}

describe("size budgets", () => {
  it("measures each entry, and exits 1 exactly when one is over its budget", async () => {
    const json = await runScript(["--json", "--report-only"]);
    expect(json.code).toBe(0);
    const { results, over } = JSON.parse(json.stdout) as { results: Entry[]; over: number };
    expect(results.map((r) => r.name)).toEqual([
      "core: isRetryable alone",
      "core: everything",
      "basic-ftp: toTransferError + wrapClient",
      "ssh2-sftp-client: toTransferError + wrapClient",
      "ssh2: toTransferError + wrapClient",
      "ftp: toTransferError + wrapClient",
      "basic-ftp: everything",
      "ssh2-sftp-client: everything",
    ]);
    for (const r of results) {
      expect(r.gzip).toBeGreaterThan(100);
      expect(r.gzip).toBeLessThan(r.minified);
    }
    const [alone, all] = results;
    // Tree shaking works: one function weighs less than the whole package.
    expect(alone!.gzip).toBeLessThan(all!.gzip);
    expect(over).toBe(results.filter((r) => r.budget !== undefined && r.gzip > r.budget).length);

    const enforced = await runScript([]);
    expect(enforced.code).toBe(over > 0 ? 1 : 0);
    for (const r of results) expect(enforced.stdout).toContain(r.name);
  });
});
