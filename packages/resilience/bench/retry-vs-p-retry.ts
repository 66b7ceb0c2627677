// pnpm bench (in this package): the retry decisions as figures, not a test. The same seeded
// faults are met by withRetry of each adapter (with the fault tests' settings, then with its
// defaults) and by p-retry with its defaults (the usual choice when nothing tells which error
// is which); then each gives up on a permanent error.
import { benchFtp } from "./ftp.ts";
import { benchSftp } from "./sftp.ts";

console.log("Retry under injected faults (real servers on 127.0.0.1, the seeded fault proxy)\n");
await benchFtp();
console.log("");
await benchSftp();
