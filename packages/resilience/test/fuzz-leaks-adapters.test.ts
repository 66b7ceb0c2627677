// The four adapters' entry points under planted credentials and hostile values, wrapClient around
// real client objects (basic-ftp's Client, ssh2-sftp-client's, ssh2's SFTP session, node-ftp's
// and promise-ftp's) whose methods fail with the generated value.
import { entryPoints } from "../src/fuzz-entry-points.ts";
import { fuzzEntryPoints, reportCounts, sweepEntryPoints } from "../src/fuzz-suite.ts";

const adapters = [
  "@transfer-errors/basic-ftp",
  "@transfer-errors/ssh2-sftp-client",
  "@transfer-errors/ssh2",
  "@transfer-errors/ftp",
];

for (const spec of adapters) {
  fuzzEntryPoints(spec, entryPoints[spec]!, (name) => (name === "wrapClient" ? 60 : 100));
  sweepEntryPoints(spec, entryPoints[spec]!, ["toTransferError", "wrapClient"]);
}

reportCounts("fuzz-leaks-adapters");
