// The property tests of the fuzz suite, registered per module: every driven entry point gets
// planted credentials and hostile values (fuzzCaseArb), and the deterministic sweep of every
// credential form at every site; each file prints and writes its counts when it is done.
import { runs } from "@transfer-errors/testkit/fast-check";
import fc from "fast-check";
import { afterAll, describe, it } from "vitest";
import { checkCase } from "./fuzz-check.ts";
import { countKnownBug, countShape, describeCountsInFull, writeCounts } from "./fuzz-counts.ts";
import { type Driver, type Entry, isExclusion } from "./fuzz-entry-points.ts";
import {
  adversarialForms,
  atBoundary,
  cutBoundaries,
  type FuzzCase,
  fuzzCaseArb,
  type PlantSeeds,
  placeAt,
  plantAdversarial,
  sites,
  textShapes,
} from "./fuzz-inputs.ts";
import { knownSlowness } from "./fuzz-known-bugs.ts";
import { measureCost, primaryCost, secondaryCost } from "./linear-cost.ts";

/** Drivers of one table, without the exclusions. */
export function driversOf(table: Record<string, Entry>): [string, Driver][] {
  return Object.entries(table).filter((e): e is [string, Driver] => !isExclusion(e[1]));
}

/** One property per entry point of `table`, `runsOf(name)` fuzz cases each (FC_NUM_RUNS overrides). */
export function fuzzEntryPoints(
  title: string,
  table: Record<string, Entry>,
  runsOf: (name: string) => number,
): void {
  describe(title, () => {
    for (const [name, driver] of driversOf(table)) {
      it(`${name}: no throw, every surface readable, no planted credential shown`, async () => {
        await fc.assert(
          fc.asyncProperty(fuzzCaseArb, (c) => checkCase(`${title} ${name}`, driver, c)),
          runs(runsOf(name)),
        );
      });
    }
  });
}

const fixedSeeds: PlantSeeds = {
  word: "SxQ7wordSecret42",
  url: "SxUrl9@p/a?s#s:w!$rd",
  pass: "SxPa55'\"<>`\\wd8",
  // Longer than the 1024 characters the key=value and PASS patterns take.
  long: `Tk${"Qz8Lm3Np5Rt7Vx9".repeat(94)}`,
  echoed: "Sxecho .*+?(){}|^$ word",
  pick: 0,
};

/**
 * Every credential form at every site (and at each cut boundary, in the message), deterministic:
 * the adversarial cases fast-check might not draw in one run.
 */
export function sweepCases(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const form of adversarialForms) {
    for (let pick = 0; pick < 3; pick++) {
      const planted = plantAdversarial(form, { ...fixedSeeds, pick: pick * 9 + 1 });
      const code = [550, 2, undefined][pick];
      for (const site of sites) {
        cases.push({
          ...placeAt(site, planted.line, code, planted.known),
          text: planted.line,
          secrets: planted.secrets,
          known: planted.known,
          code,
          form,
          site,
          how: `sweep: ${form} (variant ${pick}) at ${site}, code ${String(code)}`,
        });
      }
    }
    const planted = plantAdversarial(form, fixedSeeds);
    for (const boundary of cutBoundaries) {
      for (const before of [0, 3, 9]) {
        const line = atBoundary(planted.line, planted.secrets[0]!, boundary, before);
        cases.push({
          ...placeAt("message", line, 550, planted.known),
          text: line,
          secrets: planted.secrets,
          known: planted.known,
          code: 550,
          form,
          site: "message",
          how: `sweep: ${form} across ${boundary} (-${before})`,
        });
      }
    }
  }
  return cases;
}

/** The sweep through the named entry points of `table`. */
export function sweepEntryPoints(
  title: string,
  table: Record<string, Entry>,
  names: string[],
): void {
  describe(`${title}: every form at every site`, () => {
    for (const name of names) {
      const driver = table[name];
      if (!driver || isExclusion(driver)) throw new Error(`${title} ${name} has no driver`);
      it(name, async () => {
        const failures: string[] = [];
        for (const c of sweepCases()) {
          try {
            await checkCase(`${title} ${name}`, driver, c);
          } catch (error) {
            failures.push((error as Error).message.split("\n")[0]!);
          }
        }
        if (failures.length > 0) {
          throw new Error(`${failures.length} cases failed:\n${failures.slice(0, 40).join("\n")}`);
        }
      });
    }
  });
}

/** Prints and writes this file's counts after its tests. */
export function reportCounts(file: string): void {
  afterAll(() => {
    console.log(describeCountsInFull(`fuzz counts (${file})`, writeCounts(file)));
  });
}

/**
 * The linear-cost test of every entry point of `table` that reads text: each text shape at n and
 * 4n (4n = 1 MB where the text is read first, 256 KB where it is only passed on), in CPU time.
 * A shape that a known, reported bug makes super-linear is not timed (its own test fails).
 */
export function timeEntryPoints(title: string, table: Record<string, Entry>): void {
  if (!driversOf(table).some(([, driver]) => driver.text)) return;
  describe(`${title}: linear cost`, () => {
    for (const [name, driver] of driversOf(table)) {
      const text = driver.text;
      if (!text) continue;
      const entry = `${title} ${name}`;
      it(`${name}: each text shape costs linear time`, async () => {
        const failures: string[] = [];
        for (const shape of textShapes) {
          const bug = knownSlowness(entry, shape.name);
          if (bug) {
            countKnownBug(bug.id);
            continue;
          }
          countShape(entry);
          const result = await measureCost(
            text,
            shape,
            driver.primary ? primaryCost : secondaryCost,
          );
          if (!result.ok) {
            failures.push(
              `${shape.name}: ${result.detail} (${result.small.ms.toFixed(1)} ms at ${result.small.chars}, ${result.large.ms.toFixed(1)} ms at ${result.large.chars} characters)`,
            );
          }
        }
        if (failures.length > 0)
          throw new Error(`${entry} is not linear on:\n${failures.join("\n")}`);
      });
    }
  });
}
