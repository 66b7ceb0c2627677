// `npm run demo` (scripts/demo.sh) from the repository root, as a new user runs it, with the built
// CLI. Its install and build steps go to a stand-in `pnpm` first on PATH: what is tested is what
// the demo shows (whole sections), what npm prints around it, and a failing build's messages.
import { execFile } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appDir, type CliResult } from "./run-cli.js";

const root = join(appDir, "..", "..");

/** A `pnpm` that says it is 10.x, installs nothing, and builds nothing (or fails as tsc does). */
function standInPnpm(): string {
  const dir = mkdtempSync(join(tmpdir(), "te-demo-pnpm-"));
  const script = `#!/usr/bin/env bash
case "$1" in
  --version) echo 10.34.9 ;;
  turbo)
    if [ -n "\${DEMO_BUILD_FAILS:-}" ]; then
      echo "src/program.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'."
      echo "ELIFECYCLE Command failed with exit code 2." >&2
      exit 2
    fi ;;
esac
exit 0
`;
  writeFileSync(join(dir, "pnpm"), script);
  chmodSync(join(dir, "pnpm"), 0o755);
  return dir;
}

function npmRunDemo(extra: Record<string, string> = {}): Promise<CliResult> {
  // A user's environment: none of the npm_config_* a test runner started by npm or pnpm inherits.
  const env = {
    PATH: `${standInPnpm()}:${process.env.PATH}`,
    HOME: process.env.HOME,
    LANG: "C.UTF-8",
    ...extra,
  };
  return new Promise((resolve) => {
    execFile("npm", ["run", "demo"], { cwd: root, env }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number }).code ?? 1) : 0;
      resolve({ code: typeof code === "number" ? code : 1, stdout, stderr });
    });
  });
}

describe("npm run demo", () => {
  it("shows each code's whole first section, says how much more there is, and npm warns of nothing", async () => {
    const { code, stdout, stderr } = await npmRunDemo();
    expect(code, stderr).toBe(0);
    expect(stderr).not.toMatch(/npm warn/i);
    const sections = stdout.split(/^\$ transfer-errors explain /m).slice(1);
    expect(sections.map((s) => s.split("\n")[0])).toEqual([
      '"550"',
      '"SSH_FX_FAILURE"',
      '"Error: get: No such file /outgoing/report.csv"',
    ]);
    const [ftp, sftp, pasted] = sections as [string, string, string];
    // The last lines of each entry, not cut after a fixed count of lines.
    expect(ftp).toMatch(/^ {2}x5z +file system/m);
    expect(sftp).toMatch(/^ {2}what to do +Look at what the operation did/m);
    expect(sftp).toMatch(/^ {2}source +draft-ietf-secsh-filexfer/m);
    for (const [section, input] of [
      [ftp, "550"],
      [sftp, "SSH_FX_FAILURE"],
    ] as const) {
      expect(section).toMatch(
        new RegExp(`^ {2}\\(\\d+ more lines, .*: npm run demo -- explain "${input}"\\)$`, "m"),
      );
    }
    expect(pasted).toMatch(/^SFTP error without a code: not-found$/m);
    expect(pasted).toMatch(/^ {2}path +\/outgoing\/report\.csv$/m);
  });

  it("shows the compiler's messages when the build fails", async () => {
    const { code, stdout, stderr } = await npmRunDemo({ DEMO_BUILD_FAILS: "1" });
    expect(code).not.toBe(0);
    expect(stderr).toContain("error TS2322: Type 'string' is not assignable to type 'number'.");
    expect(stderr).toContain("demo: the build failed (its output is above)");
    expect(stdout).not.toContain("transfer-errors explain");
  });
});
