// What a property test imports: `runs(n)` for the numRuns of each fc.assert (FC_NUM_RUNS
// overrides it). The seed comes from setup.ts, which every project with property tests loads.
export { DEFAULT_SEED, runs } from "./settings.js";
