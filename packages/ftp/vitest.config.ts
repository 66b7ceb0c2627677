import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The example imports the package by its name, as a user would: the source, in tests.
    alias: {
      "@transfer-errors/ftp": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
    },
  },
  test: {
    name: "ftp",
    include: ["test/**/*.test.ts"],
    // Real servers and real timeouts: some scenarios wait for a client timeout on purpose.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
