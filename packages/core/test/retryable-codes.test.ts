import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { renderRetryableCodes, retryableCodeSets } from "./support/retryable-derivation.js";

it("src/retryable-codes.ts is what the classification tables derive (else: pnpm generate)", () => {
  const committed = readFileSync(new URL("../src/retryable-codes.ts", import.meta.url), "utf8");
  expect(committed).toBe(renderRetryableCodes(retryableCodeSets()));
});
