// Writes src/retryable-codes.ts: which codes are retryable by themselves, derived from the
// classification tables (code-reasons.ts, reason-policy.ts) so that `isRetryable` does not carry
// them. `pnpm --filter @transfer-errors/core generate`; a test fails when the file is stale.
import { writeFileSync } from "node:fs";
import { renderRetryableCodes, retryableCodeSets } from "../test/support/retryable-derivation.js";

const target = new URL("../src/retryable-codes.ts", import.meta.url);
writeFileSync(target, renderRetryableCodes(retryableCodeSets()));
console.log(`wrote ${target.pathname}`);
