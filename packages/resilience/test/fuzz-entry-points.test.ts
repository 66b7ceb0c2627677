// The fuzz suite's coverage of the public surface: every exported function of every package
// (its root and each subpath of its `exports`), and every command of the CLI, has a driver in
// src/fuzz-entry-points.ts (src/fuzz-cli.ts), or an exclusion that says why. A new export
// without one fails here; so does a driver for an export that is gone.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cliEntryPoints, commandsOf } from "../src/fuzz-cli.ts";
import { entryPoints, isExclusion, packages } from "../src/fuzz-entry-points.ts";
import { textShapes } from "../src/fuzz-inputs.ts";

const require = createRequire(import.meta.url);

/** Every import specifier a package exports JavaScript under: its root and subpaths. */
function specifiersOf(name: string): string[] {
  const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as {
    exports: Record<string, unknown>;
  };
  return Object.keys(manifest.exports)
    .filter((subpath) => !subpath.endsWith(".json"))
    .map((subpath) => (subpath === "." ? name : `${name}${subpath.slice(1)}`));
}

const specifiers = packages.flatMap(specifiersOf);

async function functionsOf(specifier: string): Promise<string[]> {
  const module = (await import(specifier)) as Record<string, unknown>;
  return Object.entries(module)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => name)
    .sort();
}

describe("every public entry point has a fuzz driver", () => {
  it("the packages' specifiers are found (root and subpaths)", () => {
    expect(specifiers).toContain("@transfer-errors/core/adapter");
    expect(specifiers).toContain("@transfer-errors/integrations/pino");
    expect(specifiers.length).toBeGreaterThanOrEqual(14);
  });

  it.each(specifiers)(
    "%s: each exported function is driven or excluded with a reason",
    async (specifier) => {
      const table = entryPoints[specifier] ?? {};
      const missing = (await functionsOf(specifier)).filter((name) => !(name in table));
      expect(
        missing,
        `exported by ${specifier} without a driver in src/fuzz-entry-points.ts`,
      ).toEqual([]);
    },
  );

  it.each(specifiers)("%s: the table names no export that is gone", async (specifier) => {
    const exported = new Set(await functionsOf(specifier));
    const stale = Object.keys(entryPoints[specifier] ?? {}).filter((name) => !exported.has(name));
    expect(stale).toEqual([]);
  });

  it("the table covers no package that is not exported", () => {
    expect(Object.keys(entryPoints).filter((s) => !specifiers.includes(s))).toEqual([]);
  });

  it("an exclusion says why, in a sentence", () => {
    for (const table of [...Object.values(entryPoints), cliEntryPoints]) {
      for (const [name, entry] of Object.entries(table)) {
        if (isExclusion(entry)) expect(entry.excluded.length, name).toBeGreaterThan(30);
      }
    }
  });

  it("each CLI command (from the program's own help) has a driver", async () => {
    const commands = await commandsOf();
    expect(commands).toContain("explain");
    expect(commands.filter((c) => !(c in cliEntryPoints))).toEqual([]);
    expect(Object.keys(cliEntryPoints).filter((c) => !commands.includes(c))).toEqual([]);
  });

  it("every entry point that reads text is timed, on every shape", () => {
    const timed = [...Object.values(entryPoints), cliEntryPoints].flatMap((table) =>
      Object.values(table).filter((e) => !isExclusion(e) && e.text !== undefined),
    );
    expect(timed.length).toBeGreaterThan(30);
    expect(textShapes.length).toBeGreaterThanOrEqual(30);
  });
});
