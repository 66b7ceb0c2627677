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
    globalSetup: ["test/global-setup.ts"],
    // Integration tests wait on real handshakes and deliberate timeouts.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
