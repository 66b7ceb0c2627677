// Reason and retry-hint accuracy of every catalog reply, run through the adapters as their client
// libraries surface it: with the shipped catalog, with none (the general rules alone), and leave
// one product out (each product read with a catalog built from the other products only: what a
// server nobody catalogued gets). `--misses` lists the leave-one-out misses.
import { replyCatalog } from "@transfer-errors/core/catalog";
import { type Reply, repliesOf } from "../src/catalogs.js";
import { compileCatalog } from "../src/compile.js";
import { judge } from "../src/judge.js";

const replies = repliesOf();
const products = [...new Set(replies.map((r) => `${r.protocol}\0${r.product}`))].sort();
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`.padStart(7);

interface Score {
  n: number;
  reason: number;
  retry: number;
}
const add = (s: Score, reply: Reply, catalog: Parameters<typeof judge>[1], misses?: string[]) => {
  const e = judge(reply, catalog);
  s.n++;
  if (e.reason === reply.reason) s.reason++;
  if (e.retryable === reply.retryable) s.retry++;
  if (misses && (e.reason !== reply.reason || e.retryable !== reply.retryable)) {
    misses.push(
      `${reply.product} ${reply.code} ${JSON.stringify(reply.text)} (${reply.command}): want ${reply.reason}/${reply.retryable} got ${e.reason}/${e.retryable}`,
    );
  }
};
const zero = (): Score => ({ n: 0, reason: 0, retry: 0 });
const totals = { shipped: zero(), rules: zero(), lopo: zero() };
const misses: string[] = [];
const shippedMisses: string[] = [];
console.log(
  `${"product".padEnd(44)} ${"replies".padStart(7)}   shipped catalog     general rules only   leave one product out`,
);
for (const key of products) {
  const [protocol, product] = key.split("\0");
  const own = replies.filter((r) => r.protocol === protocol && r.product === product);
  const others = replies.filter((r) => !(r.protocol === protocol && r.product === product));
  const lopoCatalog = compileCatalog(others);
  const row = { shipped: zero(), rules: zero(), lopo: zero() };
  for (const reply of own) {
    add(row.shipped, reply, replyCatalog, shippedMisses);
    add(row.rules, reply, undefined);
    add(row.lopo, reply, lopoCatalog, misses);
  }
  for (const k of ["shipped", "rules", "lopo"] as const) {
    totals[k].n += row[k].n;
    totals[k].reason += row[k].reason;
    totals[k].retry += row[k].retry;
  }
  const cell = (s: Score) => `${pct(s.reason, s.n)} ${pct(s.retry, s.n)}`;
  console.log(
    `${`${protocol} ${product}`.padEnd(44)} ${String(own.length).padStart(7)}   ${cell(row.shipped)}     ${cell(row.rules)}      ${cell(row.lopo)}`,
  );
}
const cell = (s: Score) => `reason ${pct(s.reason, s.n)}, retry ${pct(s.retry, s.n)}`;
console.log(`all ${totals.shipped.n} replies`);
console.log(`  shipped catalog:       ${cell(totals.shipped)}`);
console.log(`  general rules only:    ${cell(totals.rules)}`);
console.log(`  leave one product out: ${cell(totals.lopo)}`);
if (process.argv.includes("--misses")) for (const m of misses) console.log(m);
if (process.argv.includes("--shipped-misses")) for (const m of shippedMisses) console.log(m);
