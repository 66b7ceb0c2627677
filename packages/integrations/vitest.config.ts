import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The examples import the package by its name, as a user would: the source, in tests.
    alias: [
      {
        find: /^@transfer-errors\/integrations\/(.*)$/,
        replacement: fileURLToPath(new URL("./src/$1.ts", import.meta.url)),
      },
    ],
  },
  test: {
    name: "integrations",
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Real servers, a real Redis and worker processes on a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
