// Every property test of the repository runs with the shared fast-check settings: the run's seed
// (FC_SEED, printed) and FC_NUM_RUNS. A test that passes its own seed or a fixed numRuns, or a
// project that does not load the setup, could not be replayed or explored from the command line.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../", import.meta.url));

function testFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".test.ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

const projects = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(repo, group)).map((name) => join(repo, group, name)),
);
/** Test tooling that runs properties for the tests (the fuzz suite's src/fuzz-suite.ts). */
function toolFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(dir, entry.name));
}

const importsFastCheck = (file: string) =>
  /^import [^;]* from "fast-check";$/m.test(readFileSync(file, "utf8"));

const propertyTests = projects.flatMap((project) =>
  testFiles(join(project, "test"))
    .filter(importsFastCheck)
    .map((file) => ({ project, file, name: file.slice(repo.length) })),
);

// Not under test/, but property code all the same: it must keep to the same settings.
const propertyTools = toolFiles(join(repo, "packages/resilience/src"))
  .filter(importsFastCheck)
  .map((file) => ({
    project: join(repo, "packages/resilience"),
    file,
    name: file.slice(repo.length),
  }));

describe("property tests", () => {
  it("are found", () => {
    expect(propertyTests.map((t) => t.name)).toContain(
      "packages/resilience/test/fuzz-retry.test.ts",
    );
  });

  it("the fuzz suite's property code in src is found", () => {
    expect(propertyTools.map((t) => t.name)).toContain("packages/resilience/src/fuzz-suite.ts");
  });

  it.each([...propertyTests, ...propertyTools])(
    "$name: numRuns through runs(), no seed of its own",
    ({ file }) => {
      const text = readFileSync(file, "utf8");
      expect(text).not.toMatch(/numRuns\s*:/);
      expect(text).not.toMatch(/\bseed\s*:/);
    },
  );

  it.each(propertyTests)("$name: its project loads the fast-check setup", ({ project }) => {
    const config = readFileSync(join(project, "vitest.config.ts"), "utf8");
    expect(config).toContain("../testkit/fast-check/global-setup.ts");
    expect(config).toContain("../testkit/fast-check/setup.ts");
  });
});
