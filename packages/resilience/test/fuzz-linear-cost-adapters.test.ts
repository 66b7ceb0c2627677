// Linear cost of the four adapters' and the integrations' entry points on every adversarial text
// shape: CPU time at n and 4n, 4n/n within 8 (see src/linear-cost.ts).
import { entryPoints } from "../src/fuzz-entry-points.ts";
import { reportCounts, timeEntryPoints } from "../src/fuzz-suite.ts";

for (const [spec, table] of Object.entries(entryPoints)) {
  if (!spec.startsWith("@transfer-errors/core")) timeEntryPoints(spec, table);
}

reportCounts("fuzz-linear-cost-adapters");
