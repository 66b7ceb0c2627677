// What the CLI loads before it answers: the startup cost that `pnpm bench` times
// (scripts/cli-startup.mjs), held here by what it loads, which does not depend on the machine.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { appDir, binPath } from "./run-cli.js";

const run = promisify(execFile);
const hook = join(appDir, "test", "support", "record-modules.mjs");

/** The packages (outside the workspace) whose files a run of the CLI loads as modules. */
async function thirdPartyLoadedBy(args: string[]): Promise<string[]> {
  const log = join(mkdtempSync(join(tmpdir(), "te-cli-modules-")), "modules.log");
  await run(process.execPath, ["--import", hook, binPath, ...args], {
    env: { ...process.env, TE_MODULE_LOG: log },
  });
  const urls = readFileSync(log, "utf8").trim().split("\n");
  const names = urls
    .map((url) =>
      /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url),
    )
    .filter((m) => m !== null)
    .map((m) => m[1]!)
    .filter((name) => !name.startsWith("@transfer-errors/"));
  return [...new Set(names)].sort();
}

describe("startup", () => {
  it.each([[["--version"]], [["explain", "550"]], [["list"]]])(
    "%j loads no SSH or SFTP library, only commander and basic-ftp's error class",
    async (args) => {
      // The SSH stack (ssh2, its crypto) is loaded by diagnose sftp:// only.
      expect(await thirdPartyLoadedBy(args)).toEqual(["basic-ftp", "commander"]);
    },
  );
});
