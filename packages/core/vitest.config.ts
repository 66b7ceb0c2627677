import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "core",
    include: ["test/**/*.test.ts"],
    // Property tests: one seed per run, printed; FC_SEED and FC_NUM_RUNS (see the README).
    globalSetup: ["../testkit/fast-check/global-setup.ts"],
    setupFiles: ["../testkit/fast-check/setup.ts"],
    // The property tests over megabyte strings take a second or two on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
