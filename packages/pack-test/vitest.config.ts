import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "pack",
    include: ["test/**/*.test.ts"],
    // npm installs the packed tarballs (and the client libraries from the registry) once.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
