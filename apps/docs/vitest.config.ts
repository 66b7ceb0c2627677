import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "docs",
    include: ["test/**/*.test.ts"],
    // A real browser starts in these tests: give it time on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
