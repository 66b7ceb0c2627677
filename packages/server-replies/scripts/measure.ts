// Reason and retry-hint accuracy of every catalog reply, run through the adapters as their client
// libraries surface it: with the shipped catalog, the server's greeting line and the SFTP request
// that got the status (as a wrapped client passes them), with the shipped catalog but no greeting (product-free), with none (the
// general rules alone), and leave one product out (each product read with a catalog built from
// the other products only, no greeting: what a server nobody catalogued gets).
//
// Every reply also falls in one of two halves, by a hash of its wording (`halfOf`): the *tuning*
// half, whose misses may be looked at while general rules are written, and the *held-out* half,
// which is only counted. A wording falls in the same half for every product and code, so a rule
// written for one product's tuning reply cannot have seen the same sentence held out elsewhere.
// The held-out figures are the honest ones.
//
// Flags: `--misses` lists the leave-one-out misses of the tuning half (what to look at);
// `--held-out-misses` those of the held-out half (to report, not to tune on); `--shipped-misses`
// the shipped catalog's misses; `--markdown` prints the per-product table of the README.
import { replyCatalog } from "@transfer-errors/core/catalog";
import { type Reply, repliesOf } from "../src/catalogs.js";
import { compileCatalog } from "../src/compile.js";
import { halfOf } from "../src/half.js";
import { judge } from "../src/judge.js";

const replies = repliesOf();
const products = [...new Set(replies.map((r) => `${r.protocol}\0${r.product}`))].sort();
const pct = (a: number, b: number) =>
  b === 0 ? "    -  " : `${((a / b) * 100).toFixed(1)} %`.padStart(7);

interface Score {
  n: number;
  reason: number;
  retry: number;
}
const zero = (): Score => ({ n: 0, reason: 0, retry: 0 });
const add = (
  s: Score,
  reply: Reply,
  catalog: Parameters<typeof judge>[1],
  greeting: string | undefined,
  misses?: string[],
  wrapped = false,
) => {
  const e = judge(reply, catalog, greeting, wrapped);
  s.n++;
  if (e.reason === reply.reason) s.reason++;
  if (e.retryable === reply.retryable) s.retry++;
  if (misses && (e.reason !== reply.reason || e.retryable !== reply.retryable)) {
    misses.push(
      `${reply.product} ${reply.code} ${JSON.stringify(reply.text)} (${reply.command}): want ${reply.reason}/${reply.retryable} got ${e.reason}/${e.retryable}`,
    );
  }
};
const sum = (into: Score, s: Score) => {
  into.n += s.n;
  into.reason += s.reason;
  into.retry += s.retry;
};

type Way = "shipped" | "free" | "rules" | "lopo";
const ways: readonly Way[] = ["shipped", "free", "rules", "lopo"];
type Half = "tuning" | "held-out";
const halves: readonly Half[] = ["tuning", "held-out"];
type Row = Record<Way, Record<Half | "all", Score>>;
const newRow = (): Row =>
  Object.fromEntries(
    ways.map((w) => [w, { tuning: zero(), "held-out": zero(), all: zero() }]),
  ) as Row;

const totals = newRow();
const misses: Record<Half, string[]> = { tuning: [], "held-out": [] };
const shippedMisses: string[] = [];
const rows: { name: string; n: number; row: Row }[] = [];
for (const key of products) {
  const [protocol, product] = key.split("\0");
  const own = replies.filter((r) => r.protocol === protocol && r.product === product);
  const others = replies.filter((r) => !(r.protocol === protocol && r.product === product));
  const lopoCatalog = compileCatalog(others);
  const row = newRow();
  for (const reply of own) {
    const half = halfOf(reply);
    const score = (
      way: Way,
      catalog: Parameters<typeof judge>[1],
      greeting?: string,
      list?: string[],
    ) => {
      const s = zero();
      add(s, reply, catalog, greeting, list, way === "shipped");
      sum(row[way][half], s);
      sum(row[way].all, s);
    };
    score("shipped", replyCatalog, reply.greeting, shippedMisses);
    score("free", replyCatalog);
    score("rules", undefined);
    score("lopo", lopoCatalog, undefined, misses[half]);
  }
  for (const w of ways) for (const h of [...halves, "all"] as const) sum(totals[w][h], row[w][h]);
  rows.push({ name: `${protocol} ${product}`, n: own.length, row });
}

const cell = (s: Score) => `${pct(s.reason, s.n)} ${pct(s.retry, s.n)}`;
if (process.argv.includes("--markdown")) {
  const md = (s: Score) =>
    s.n === 0 ? "-" : `${pct(s.reason, s.n).trim()} / ${pct(s.retry, s.n).trim()}`;
  console.log(
    "| product | replies | shipped, with greeting (reason / retry) | shipped, product-free | general rules only | leave one product out | leave one product out, held-out half |",
  );
  console.log("| --- | ---: | --- | --- | --- | --- | --- |");
  for (const { name, n, row } of rows) {
    console.log(
      `| ${name.replace(/^ftp /, "FTP ").replace(/^sftp /, "SFTP ")} | ${n} | ${md(row.shipped.all)} | ${md(row.free.all)} | ${md(row.rules.all)} | ${md(row.lopo.all)} | ${md(row.lopo["held-out"])} (${row.lopo["held-out"].n}) |`,
    );
  }
} else {
  console.log(
    `${"product".padEnd(44)} ${"replies".padStart(7)}   with greeting       product-free        general rules only   leave one product out   held-out half, LOPO`,
  );
  for (const { name, n, row } of rows) {
    console.log(
      `${name.padEnd(44)} ${String(n).padStart(7)}   ${cell(row.shipped.all)}     ${cell(row.free.all)}    ${cell(row.rules.all)}      ${cell(row.lopo.all)}        ${cell(row.lopo["held-out"])}`,
    );
  }
}
const line = (s: Score) => `reason ${pct(s.reason, s.n)}, retry ${pct(s.retry, s.n)}`;
console.log(
  `all ${totals.shipped.all.n} replies (tuning half ${totals.shipped.tuning.n}, held-out half ${totals.shipped["held-out"].n})`,
);
const label: Record<Way, string> = {
  shipped: "shipped, greeting:    ",
  free: "shipped, no greeting: ",
  rules: "general rules only:   ",
  lopo: "leave one product out:",
};
for (const w of ways) {
  console.log(
    `  ${label[w]} ${line(totals[w].all)}   | tuning half ${line(totals[w].tuning)} | held-out half ${line(totals[w]["held-out"])}`,
  );
}
if (process.argv.includes("--misses")) for (const m of misses.tuning) console.log(m);
if (process.argv.includes("--held-out-misses")) for (const m of misses["held-out"]) console.log(m);
if (process.argv.includes("--shipped-misses")) for (const m of shippedMisses) console.log(m);
