import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "ssh2-sftp-client",
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Integration tests wait on real handshakes and deliberate timeouts.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
