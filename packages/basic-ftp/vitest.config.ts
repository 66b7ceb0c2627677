import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "basic-ftp",
    include: ["test/**/*.test.ts"],
    // Real servers and real timeouts: some scenarios wait for a client timeout on purpose.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
