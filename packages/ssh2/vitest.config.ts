import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The examples import the package by its name, as a user would: test them against the source.
    alias: {
      "@transfer-errors/ssh2": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
    },
  },
  test: {
    name: "ssh2",
    include: ["test/**/*.test.ts"],
    // Property tests: one seed per run, printed; FC_SEED and FC_NUM_RUNS (see the README).
    globalSetup: ["test/global-setup.ts", "../testkit/fast-check/global-setup.ts"],
    setupFiles: ["../testkit/fast-check/setup.ts"],
    // Integration tests wait on real handshakes and deliberate timeouts.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
