// The corpus of real replies gathered for the first text rules (issue 7): filled-in texts with the
// client method a user calls. The catalogs (../catalogs.ts) hold every reply of each server; the
// corpus is read with them.
export { type Accuracy, formatAccuracy, measureAccuracy, type Verdict } from "./accuracy.js";
export { ftpCorpus } from "./ftp-corpus.js";
export { sftpCorpus } from "./sftp-corpus.js";
export type { CorpusEntry } from "./types.js";
