// vitest setupFiles of every project with property tests: every fc.assert of the test file runs
// with the run's seed (see global-setup.ts) and, when FC_NUM_RUNS is set, that many runs.
import fc from "fast-check";
import { inject, vi } from "vitest";
import { chooseSeed, describeSettings, numRunsOverride } from "./settings.js";

let seed = inject("fastCheckSeed");
if (seed === undefined) {
  // A config without the global setup: FC_SEED or the default still hold; say which.
  const choice = chooseSeed();
  console.log(describeSettings(choice));
  seed = choice.seed;
}
const numRuns = numRunsOverride();
fc.configureGlobal(numRuns === undefined ? { seed } : { seed, numRuns });
// Thousands of runs take longer than the timeouts chosen for the runs of a normal test run.
if (numRuns !== undefined) vi.setConfig({ testTimeout: 600_000 });
