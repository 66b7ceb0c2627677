// The core's entry points (root, /adapter, /registry, /catalog) under planted credentials and
// hostile values: no throw, every surface readable, no credential on any surface.
import { entryPoints } from "../src/fuzz-entry-points.ts";
import { fuzzEntryPoints, reportCounts, sweepEntryPoints } from "../src/fuzz-suite.ts";

for (const spec of [
  "@transfer-errors/core",
  "@transfer-errors/core/adapter",
  "@transfer-errors/core/registry",
  "@transfer-errors/core/catalog",
]) {
  fuzzEntryPoints(spec, entryPoints[spec]!, () => 100);
}

sweepEntryPoints("@transfer-errors/core", entryPoints["@transfer-errors/core"]!, [
  "createTransferError",
  "redact",
]);

reportCounts("fuzz-leaks-core");
