// Global setup of the fuzz suite's counts: no part of an earlier run counts; after the run, the
// parts every fuzz test file wrote are merged into test-output/fuzz-counts.json and printed.
import { clearParts, countsFile, describeCounts, mergeParts } from "../src/fuzz-counts.ts";

export default function setup(): () => void {
  clearParts();
  return () => {
    const summary = mergeParts();
    if (summary.files.length === 0) return;
    console.log(
      `${describeCounts(`fuzz suite (${summary.files.length} files)`, summary)}\n  ${countsFile}`,
    );
    const known = Object.entries(summary.knownBugs);
    if (known.length > 0) {
      console.log(
        `  findings tolerated as known, reported bugs: ${known.map(([id, n]) => `${id} ${n}`).join(", ")}`,
      );
    }
  };
}
