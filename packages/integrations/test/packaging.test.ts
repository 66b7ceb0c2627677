// An app pulls in only the integrations it uses: each subpath's import graph, followed through
// the package's own modules, reaches no library but its own (and the core).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const srcDir = join(import.meta.dirname, "..", "src");

/** The bare specifiers a module loads at run time (type-only imports are erased). */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  const bare = new Set<string>();
  if (seen.has(file)) return bare;
  seen.add(file);
  const text = readFileSync(join(srcDir, file), "utf8");
  for (const match of text.matchAll(
    /^(import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+"([^"]+)";/gm,
  )) {
    const [, , typeOnly, names, specifier] = match;
    const onlyTypes =
      typeOnly !== undefined ||
      names!
        .replace(/[{}\s]/g, "")
        .split(",")
        .filter(Boolean)
        .every((name) => name.startsWith("type"));
    if (onlyTypes) continue;
    if (specifier!.startsWith("./")) {
      for (const inner of runtimeImports(specifier!.slice(2).replace(/\.js$/, ".ts"), seen)) {
        bare.add(inner);
      }
    } else {
      bare.add(specifier!);
    }
  }
  return bare;
}

const expected: Record<string, string[]> = {
  "index.ts": ["@transfer-errors/core"],
  "p-retry.ts": ["@transfer-errors/core"],
  "async-retry.ts": ["@transfer-errors/core"],
  "exponential-backoff.ts": ["@transfer-errors/core"],
  "cockatiel.ts": ["@transfer-errors/core", "cockatiel"],
  "bullmq.ts": ["@transfer-errors/core"],
  "temporal.ts": ["@temporalio/common", "@transfer-errors/core"],
  "pino.ts": ["@transfer-errors/core"],
  "opentelemetry.ts": ["@transfer-errors/core"],
};

describe("each entry point loads only its own library", () => {
  for (const [file, libraries] of Object.entries(expected)) {
    it(file, () => {
      expect([...runtimeImports(file)].sort()).toEqual(libraries);
    });
  }
});
