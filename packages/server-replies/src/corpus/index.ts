// The corpus of real replies gathered for the first text rules (issue 7): filled-in texts with the
// client method a user calls. The catalogs (../catalogs.ts) hold every reply of each server; the
// corpus is read with them.
export { type Accuracy, formatAccuracy, measureAccuracy, type Verdict } from "./accuracy.ts";
export { ftpCorpus } from "./ftp-corpus.ts";
export { sftpCorpus } from "./sftp-corpus.ts";
export type { CorpusEntry } from "./types.ts";
