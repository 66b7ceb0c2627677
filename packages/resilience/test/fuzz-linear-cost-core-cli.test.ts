// Linear cost of the core's entry points and the CLI's commands on every adversarial text shape:
// CPU time at n and 4n, 4n/n within 8 (see src/linear-cost.ts).
import { describe, expect, it } from "vitest";
import { cliEntryPoints } from "../src/fuzz-cli.ts";
import { entryPoints } from "../src/fuzz-entry-points.ts";
import { type TextShape, textShapes } from "../src/fuzz-inputs.ts";
import { reportCounts, timeEntryPoints } from "../src/fuzz-suite.ts";
import { measureCost, secondaryCost } from "../src/linear-cost.ts";

const shape = (name: string): TextShape => textShapes.find((s) => s.name === name)!;

describe("the cost measure itself", () => {
  // The three quadratic paths this suite found, as they were: the measure must see each of them.
  it.each([
    [
      "basic-ftp's oneLine before the fix",
      "a space run after a line break",
      (t: string) => t.replace(/\s*\n\s*/g, " "),
    ],
    [
      "the CLI's system-code pattern before the fix",
      "an upper-case run (system code)",
      (t: string) => /\b(E[A-Z]{2,}[A-Z0-9_]*|ERR_[A-Z0-9_]+)\b/.exec(t),
    ],
    [
      "a backward search from each URL start",
      "URL starts without credentials",
      (t: string) => {
        let found = 0;
        for (let at = t.indexOf("://"); at >= 0; at = t.indexOf("://", at + 3))
          found += t.lastIndexOf("@", at);
        return found;
      },
    ],
  ] as const)("fails %s", async (_name, shapeName, run) => {
    expect((await measureCost(run, shape(shapeName), secondaryCost)).ok).toBe(false);
  });

  it("passes linear work on every shape", async () => {
    for (const s of textShapes) {
      const result = await measureCost(
        (t) => t.split(" ").join("_").toUpperCase(),
        s,
        secondaryCost,
      );
      expect(result.ok, `${s.name}: ${result.detail}`).toBe(true);
    }
  });
});

for (const [spec, table] of Object.entries(entryPoints)) {
  if (spec.startsWith("@transfer-errors/core")) timeEntryPoints(spec, table);
}
timeEntryPoints("cli", cliEntryPoints);

reportCounts("fuzz-linear-cost-core-cli");
