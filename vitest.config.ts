import { defineConfig } from "vitest/config";

// One config per package; this runs them all together from the root.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
  },
});
