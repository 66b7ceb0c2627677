// Every "Use with ..." section's example is a file in examples/, quoted word for word.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const packageDir = join(import.meta.dirname, "..");
const readme = readFileSync(join(packageDir, "README.md"), "utf8");
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
  exports: Record<string, unknown>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  dependencies: Record<string, string>;
};

const integrations = [
  ["p-retry", "p-retry"],
  ["async-retry", "async-retry"],
  ["exponential-backoff", "exponential-backoff"],
  ["cockatiel", "cockatiel"],
  ["bullmq", "BullMQ"],
  ["temporal", "Temporal"],
  ["pino", "pino"],
  ["opentelemetry", "OpenTelemetry"],
] as const;

describe("README", () => {
  for (const [file, title] of integrations) {
    it(`"Use with ${title}" quotes examples/${file}.ts`, () => {
      const example = readFileSync(join(packageDir, "examples", `${file}.ts`), "utf8");
      const region = /\/\/ #region readme\n([\s\S]*?)\/\/ #endregion readme/.exec(example)?.[1];
      expect(region).toBeTruthy();
      expect(readme).toContain(`## Use with ${title}`);
      const section = readme.slice(readme.indexOf(`## Use with ${title}`));
      expect(section).toContain(region!.trim());
      expect(manifest.exports).toHaveProperty(`./${file}`);
    });
  }

  it("every library is an optional peer; the core is the only dependency", () => {
    for (const name of Object.keys(manifest.peerDependencies)) {
      expect(manifest.peerDependenciesMeta[name]?.optional, name).toBe(true);
    }
    expect(Object.keys(manifest.dependencies)).toEqual(["@transfer-errors/core"]);
  });
});
