// The settings of every property test (fast-check), from the environment:
//   FC_SEED      the seed of every property: a whole number, or "random" for a new one per run.
//                Unset: DEFAULT_SEED, in CI and locally alike, so that a run can be repeated.
//   FC_NUM_RUNS  the runs of every property, instead of the number each test asks for by default.
// A failure report names the seed; FC_SEED=<that seed> replays the whole run. Explore with many
// seeds before relying on a property: FC_SEED=random FC_NUM_RUNS=10000, or
// scripts/property-tests.sh, which runs every property test with several seeds.

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's fast-check seed, from global-setup.ts. */
    fastCheckSeed: number;
  }
}

/** The seed when FC_SEED is not set. Any fixed number would do; this one is the date. */
export const DEFAULT_SEED = 20_261_201;

export interface SeedChoice {
  seed: number;
  /** How the seed was chosen, for the line that reports it. */
  source: "default" | "FC_SEED" | "random";
}

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number >= ${min}, not ${JSON.stringify(text)}`);
  }
  return value;
}

/** The seed FC_SEED asks for; a new random one for FC_SEED=random. */
export function chooseSeed(env: NodeJS.ProcessEnv = process.env): SeedChoice {
  const text = env.FC_SEED?.trim();
  if (text === undefined || text === "") return { seed: DEFAULT_SEED, source: "default" };
  if (text === "random") {
    // fast-check takes 32-bit seeds.
    return { seed: Math.floor(Math.random() * 0x7fff_ffff), source: "random" };
  }
  // fast-check reads a seed as a 32-bit integer: negative ones are seeds too.
  return { seed: wholeNumber("FC_SEED", text, -0x8000_0000) | 0, source: "FC_SEED" };
}

/** FC_NUM_RUNS, when set. */
export function numRunsOverride(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.FC_NUM_RUNS?.trim();
  return text === undefined || text === "" ? undefined : wholeNumber("FC_NUM_RUNS", text, 1);
}

/**
 * The parameters of one fc.assert: `numRuns` as the test asks, unless FC_NUM_RUNS overrides it.
 * The seed is global (see setup.ts); never pass one here, or FC_SEED cannot replay the test.
 */
export function runs(numRuns: number): { numRuns: number } {
  return { numRuns: numRunsOverride() ?? numRuns };
}

/** The line a run prints once, so that a failure in CI can be replayed. */
export function describeSettings(choice: SeedChoice, numRuns = numRunsOverride()): string {
  const how =
    choice.source === "default"
      ? "the fixed default; FC_SEED=<n> or FC_SEED=random to explore"
      : choice.source === "random"
        ? `FC_SEED=random; FC_SEED=${choice.seed} replays this run`
        : "from FC_SEED";
  const count =
    numRuns === undefined
      ? "as each test asks (FC_NUM_RUNS=<n> overrides)"
      : `${numRuns} (FC_NUM_RUNS)`;
  return `fast-check: seed ${choice.seed} (${how}); runs per property: ${count}`;
}
