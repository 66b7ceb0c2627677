// What the READMEs say about the core is what the core does.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as core from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const coreReadme = readFileSync(join(here, "..", "README.md"), "utf8");
const rootReadme = readFileSync(join(here, "..", "..", "..", "README.md"), "utf8");
const retrySource = readFileSync(join(here, "..", "src", "retry.ts"), "utf8");

describe("the READMEs", () => {
  it("show explain(599) as it is: read from its digits, with no area", () => {
    const entry = core.explain(599);
    expect(entry).toMatchObject({
      name: "UNKNOWN_599",
      known: false,
      kind: "permanent-negative",
      reason: "unknown",
      retryable: false,
    });
    expect(entry).not.toHaveProperty("area");
    for (const readme of [coreReadme, rootReadme]) {
      const line = readme.split("\n").find((l) => l.startsWith("explain(599)"));
      expect(line).toBeDefined();
      expect(line).not.toMatch(/area: "/);
    }
    expect(core.explain(459)).toMatchObject({ area: "file-system", known: false });
  });

  it("use only functions the core exports in its examples", () => {
    // A bare reconnect() is the basic-ftp adapter's, not the core's.
    expect("reconnect" in core).toBe(false);
    for (const readme of [coreReadme, rootReadme]) {
      expect(readme).not.toMatch(/reconnect: \(\w*\) => reconnect\(\)/);
    }
  });

  it("name every option of withRetry", () => {
    const body = retrySource.match(/export interface RetryOptions \{([\s\S]*?)\n\}/)?.[1] ?? "";
    const options = [...body.matchAll(/^ {2}(\w+)\?:/gm)].map((m) => m[1]!);
    expect(options).toEqual(expect.arrayContaining(["retries", "shouldRetry", "factor"]));
    for (const option of options) expect(coreReadme, option).toMatch(new RegExp(`\\b${option}\\b`));
  });

  it("say that require() works on Node 20.19+", () => {
    expect(coreReadme).toMatch(/Node 20\.19[\s\S]{0,80}require\(\)/);
  });
});
