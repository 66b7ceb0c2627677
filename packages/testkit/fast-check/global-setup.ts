// vitest globalSetup of every project with property tests: chooses the fast-check seed once per
// run (every project of the run gets the same one), prints it, and hands it to the test files.
import type { TestProject } from "vitest/node";
import { chooseSeed, describeSettings, type SeedChoice } from "./settings.js";

/** Set in the main process by the first project's setup; the others reuse it. */
const CHOSEN = "TRANSFER_ERRORS_FC_SEED_CHOSEN";

export default function setup(project: TestProject): void {
  let choice: SeedChoice;
  const chosen = process.env[CHOSEN];
  if (chosen !== undefined) {
    choice = JSON.parse(chosen) as SeedChoice;
  } else {
    choice = chooseSeed();
    process.env[CHOSEN] = JSON.stringify(choice);
    console.log(describeSettings(choice));
  }
  project.provide("fastCheckSeed", choice.seed);
}
