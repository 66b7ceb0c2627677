// Reason and retry-hint accuracy on the real error reports (src/reports.ts): each report run
// through its library's adapter as the library threw it. Counted once per distinct message, and
// once per thread that met it ("as met": a message many users hit counts that many times).
//
// The reports fall in two halves by a hash of their wording: the *tuning* half, whose misses may
// be looked at while rules are written, and the *held-out* half, only counted. The held-out
// figures are the honest ones.
//
// Flags: `--misses` lists the tuning half's misses; `--held-out-misses` the held-out half's (to
// report, not to tune on); `--by-file` adds a row per file (a later round of gathering, measured
// before any rule looked at it, is its own file). `--libraries`: the same for the error messages
// read in the libraries' sources (`libraries/`) instead of the reports.
import {
  loadLibraryMessages,
  loadReports,
  type Report,
  readReport,
  reportHalfOf,
  reportLibraries,
  timesSeen,
} from "../src/reports.js";

interface Score {
  n: number;
  reason: number;
  retry: number;
}
const zero = (): Score => ({ n: 0, reason: 0, retry: 0 });
const pct = (a: number, b: number) =>
  b === 0 ? "    -  " : `${((a / b) * 100).toFixed(1)} %`.padStart(7);
const cell = (s: Score) => `${String(s.n).padStart(4)} ${pct(s.reason, s.n)} ${pct(s.retry, s.n)}`;

type Half = "tuning" | "held-out";
type Column = Half | "all" | "met";
const columns: readonly Column[] = ["all", "tuning", "held-out", "met"];
const table = new Map<string, Record<Column, Score>>();
const rowOf = (key: string) => {
  if (!table.has(key))
    table.set(key, { all: zero(), tuning: zero(), "held-out": zero(), met: zero() });
  return table.get(key)!;
};
const misses: Record<Half, string[]> = { tuning: [], "held-out": [] };

const count = (s: Score, weight: number, reason: boolean, retry: boolean) => {
  s.n += weight;
  if (reason) s.reason += weight;
  if (retry) s.retry += weight;
};

const corpus: Report[] = process.argv.includes("--libraries")
  ? loadLibraryMessages().map((message) => ({ ...message, url: message.source }))
  : loadReports();
for (const report of corpus) {
  const error = readReport(report);
  const half = reportHalfOf(report);
  const reason = error.reason === report.reason;
  const retry = error.retryable === report.retryable;
  for (const key of [report.library, "all", `file ${report.file}`]) {
    const row = rowOf(key);
    count(row.all, 1, reason, retry);
    count(row[half], 1, reason, retry);
    count(row.met, timesSeen(report), reason, retry);
  }
  if (!reason || !retry) misses[half].push(describe(report, error.reason, error.retryable));
}

function describe(report: Report, reason: string, retryable: boolean): string {
  const { message, name, ...rest } = report.error;
  const fields = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : "";
  return `${report.library} ${report.operation ?? "-"} ${JSON.stringify(message)}${fields}: want ${report.reason}/${report.retryable} got ${reason}/${retryable}  ${report.url}`;
}

console.log(
  `${"library".padEnd(30)}  ${columns.map((c) => `${c === "met" ? "as met (threads)" : c}`.padEnd(22)).join(" ")}`,
);
console.log(`${"".padEnd(30)}  ${columns.map(() => "   n  reason   retry ".padEnd(22)).join(" ")}`);
const files = [...table.keys()].filter((key) => key.startsWith("file ")).sort();
const keys = [...reportLibraries, "all", ...(process.argv.includes("--by-file") ? files : [])];
for (const key of keys) {
  const row = table.get(key);
  if (row)
    console.log(`${key.padEnd(30)}  ${columns.map((c) => cell(row[c]).padEnd(22)).join(" ")}`);
}
if (process.argv.includes("--misses")) for (const m of misses.tuning) console.log(m);
if (process.argv.includes("--held-out-misses")) for (const m of misses["held-out"]) console.log(m);
