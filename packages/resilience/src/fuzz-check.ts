// One fuzz case through one entry point: it must not throw, every surface of what it made must be
// readable, and no surface may show a planted credential (or any window of one).
import { countInput, countKnownBug, countSurface } from "./fuzz-counts.ts";
import { type Driver, PatternsOnly, SyncThrow } from "./fuzz-entry-points.ts";
import { type FuzzCase, leakOf } from "./fuzz-inputs.ts";
import { type Finding, knownBugOf } from "./fuzz-known-bugs.ts";
import { surfacesOf } from "./fuzz-surfaces.ts";

export class FuzzFailure extends Error {
  override name = "FuzzFailure";
}

function excerpt(text: string, window: string): string {
  const at = text.indexOf(window);
  const from = Math.max(0, at - 120);
  return JSON.stringify(text.slice(from, at + window.length + 60));
}

function describeThrow(error: unknown): string {
  try {
    return error instanceof Error
      ? `${error.name}: ${error.message}\n${error.stack}`
      : String(error);
  } catch {
    return "[unprintable]";
  }
}

/** The secrets this entry point must keep out for this case. */
export function secretsToCheck(driver: Driver, c: FuzzCase): string[] {
  // A secret only the caller can name is checked where the entry point is told it.
  return c.known.length === 0 || driver.knowsSecrets ? c.secrets : [];
}

/** Whether a known, reported bug explains the finding (then counted, not failed). */
function known(finding: Finding): boolean {
  const bug = knownBugOf(finding);
  if (bug) countKnownBug(bug.id);
  return bug !== undefined;
}

/** Runs `c` through the entry point `name`; throws a FuzzFailure that says what went wrong. */
export async function checkCase(name: string, driver: Driver, c: FuzzCase): Promise<void> {
  countInput(name);
  let outputs: unknown[];
  try {
    outputs = await driver.run(c);
  } catch (error) {
    const thrown = error instanceof SyncThrow ? error.thrown : error;
    if (known({ entry: name, c, kind: "throw", surface: undefined, thrown })) return;
    throw new FuzzFailure(`${name} threw [${c.how}]: ${describeThrow(thrown)}`);
  }
  const all = secretsToCheck(driver, c);
  const recognised = c.known.length === 0 ? c.secrets : [];
  for (const given of outputs) {
    const patternsOnly = given instanceof PatternsOnly;
    const output = patternsOnly ? given.value : given;
    const secrets = patternsOnly ? recognised : all;
    for (const surface of surfacesOf(output)) {
      countSurface(surface.name);
      if (surface.text === undefined) {
        if (
          known({ entry: name, c, kind: "throw", surface: surface.name, thrown: surface.threw })
        ) {
          continue;
        }
        throw new FuzzFailure(
          `${name}: reading ${surface.name} threw [${c.how}]: ${describeThrow(surface.threw)}`,
        );
      }
      for (const secret of secrets) {
        const window = leakOf(surface.text, secret);
        if (
          window !== undefined &&
          !known({ entry: name, c, kind: "leak", surface: surface.name, secret })
        ) {
          throw new FuzzFailure(
            `${name}: ${surface.name} shows the credential [${c.how}]: ${excerpt(surface.text, window)}`,
          );
        }
      }
    }
  }
}
