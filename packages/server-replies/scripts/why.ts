// Why each leave-one-out miss of the tuning half is read as it is: the catalog entry or rule
// that decided (`tsx scripts/why.ts [filter]`). A tool for the person writing rules.

import { readError as readBasicFtp } from "@transfer-errors/basic-ftp";
import { decide } from "@transfer-errors/core/adapter";
import { lookUpReply as look } from "@transfer-errors/core/catalog";
import { readError as readSftp } from "@transfer-errors/ssh2-sftp-client";
import { repliesOf } from "../src/catalogs.js";
import { compileCatalog } from "../src/compile.js";
import { halfOf } from "../src/half.js";
import { libraryErrorOf } from "../src/judge.js";

const filter = process.argv[2] ? new RegExp(process.argv[2], "i") : undefined;
const all = process.argv.includes("--all");
const replies = repliesOf();
const products = [...new Set(replies.map((r) => `${r.protocol}\0${r.product}`))].sort();
for (const key of products) {
  const [protocol, product] = key.split("\0");
  const own = replies.filter(
    (r) => r.protocol === protocol && r.product === product && halfOf(r) === "tuning",
  );
  const catalog = compileCatalog(
    replies.filter((r) => !(r.protocol === protocol && r.product === product)),
  );
  for (const reply of own) {
    const error = libraryErrorOf(reply);
    const context = { operation: reply.operation, path: "/srv/ftp/data/report.csv" };
    const failure =
      reply.protocol === "ftp" ? readBasicFtp(error, context) : readSftp(error, context);
    const d = decide({ ...failure, catalog });
    const miss = d.reason !== reply.reason || d.retryable !== reply.retryable;
    if (!miss && !all) continue;
    const line = `${reply.product} ${reply.code} ${JSON.stringify(reply.text)} (${reply.command}/${reply.operation}): want ${reply.reason}/${reply.retryable} got ${d.reason}/${d.retryable}`;
    if (filter && !filter.test(line)) continue;
    let by = d.rule ?? "code";
    if (by === "catalog") {
      const m = look(
        catalog,
        reply.protocol,
        reply.code,
        failure.serverMessage,
        failure.traits?.commands,
      );
      by = `catalog ${JSON.stringify(m?.template)}`;
    }
    console.log(`${line}  [${by}]`);
  }
}
