import { it } from "vitest";
import { classify } from "../src/classify.js";
import { ftpCorpus } from "./corpus/ftp-corpus.js";
import { sftpCorpus } from "./corpus/sftp-corpus.js";

it("prints", () => {
  const rows: string[] = [];
  let rOk = 0,
    hOk = 0;
  const all = [...ftpCorpus, ...sftpCorpus];
  for (const e of all) {
    const c = classify({
      protocol: e.protocol,
      code: e.code,
      serverMessage: e.text,
      operation: e.operation,
    });
    const r = c.reason === e.reason,
      h = c.retry.retryable === e.retryable;
    if (r) rOk++;
    if (h) hOk++;
    if (!r || !h)
      rows.push(
        `${e.protocol} ${e.product} ${e.code} ${JSON.stringify(e.text)} op=${e.operation} | want ${e.reason}/${e.retryable} got ${c.reason}/${c.retry.retryable} rule=${c.rule}${e.note ? " | " + e.note : ""}`,
      );
  }
  rows.unshift(`reason ${rOk}/${all.length}  retry ${hOk}/${all.length}`);
  require("node:fs").writeFileSync("/tmp/acc/misses.txt", rows.join("\n"));
});
