import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { name: "server-replies", include: ["test/**/*.test.ts"] },
});
