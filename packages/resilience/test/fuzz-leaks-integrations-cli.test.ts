// The integrations' helpers that take errors (with an adapter's toTransferError as `normalize`,
// as their README says for unwrapped clients) and the CLI's commands, run in-process.
import { cliEntryPoints } from "../src/fuzz-cli.ts";
import { entryPoints } from "../src/fuzz-entry-points.ts";
import { fuzzEntryPoints, reportCounts, sweepEntryPoints } from "../src/fuzz-suite.ts";

for (const [spec, table] of Object.entries(entryPoints)) {
  if (spec.startsWith("@transfer-errors/integrations")) fuzzEntryPoints(spec, table, () => 80);
}

fuzzEntryPoints("cli", cliEntryPoints, (name) => (name === "diagnose" ? 25 : 80));
sweepEntryPoints("cli", cliEntryPoints, ["explain"]);

reportCounts("fuzz-leaks-integrations-cli");
