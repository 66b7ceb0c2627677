import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "resilience",
    include: ["test/**/*.test.ts"],
    // Property tests: one seed per run, printed; FC_SEED and FC_NUM_RUNS (see the README).
    globalSetup: [
      "../testkit/fast-check/global-setup.ts",
      "test/global-setup.ts",
      // The fuzz suite's counts (test-output/fuzz-counts.json), merged and printed at the end.
      "test/fuzz-counts-setup.ts",
    ],
    setupFiles: ["../testkit/fast-check/setup.ts"],
    // Real servers behind a proxy that breaks connections on purpose; client timeouts are short,
    // but a run of a few dozen operations with retries needs some room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The linear-cost tests (fuzz-linear-cost-*): a young generation that holds the garbage of a
    // run on half a megabyte, so that what is timed is the work more than the collector.
    execArgv: ["--max-semi-space-size=64"],
  },
});
