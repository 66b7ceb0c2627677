// The CLI's startup time against a bare node, side by side: medians of N alternating runs of
//   node apps/cli/dist/bin.js --version     and     node -e 0
// Alternating, so that a machine that slows down mid-way slows both alike. Part of `pnpm bench`.
//
//   node scripts/cli-startup.mjs            30 runs of each
//   node scripts/cli-startup.mjs --runs 50
//   node scripts/cli-startup.mjs --json     one JSON object
//   node scripts/cli-startup.mjs --max-overhead-ms 250   exit 1 when the median overhead is larger
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "apps", "cli", "dist", "bin.js");

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "30" },
    json: { type: "boolean", default: false },
    "max-overhead-ms": { type: "string" },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs must be a positive integer, not ${values.runs}`);
if (!existsSync(bin)) {
  console.error(`${bin} is missing: run "pnpm build" first`);
  process.exit(2);
}

const commands = {
  cli: [process.execPath, [bin, "--version"]],
  node: [process.execPath, ["-e", "0"]],
};

function time([file, args]) {
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, { stdio: ["ignore", "pipe", "pipe"] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0)
    throw new Error(`${file} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// One warm-up of each (file system cache), not counted.
time(commands.cli);
time(commands.node);
const samples = { cli: [], node: [] };
for (let i = 0; i < runs; i++) {
  // Alternate which goes first, too.
  const order = i % 2 ? ["node", "cli"] : ["cli", "node"];
  for (const name of order) samples[name].push(time(commands[name]));
}
const cli = median(samples.cli);
const node = median(samples.node);
const overhead = cli - node;
const round = (n) => Math.round(n * 10) / 10;

if (values.json) {
  console.log(
    JSON.stringify({ runs, cliMs: round(cli), nodeMs: round(node), overheadMs: round(overhead) }),
  );
} else {
  const rows = [
    ["command", "median", "min", "max"],
    [
      "node apps/cli/dist/bin.js --version",
      cli,
      Math.min(...samples.cli),
      Math.max(...samples.cli),
    ],
    ["node -e 0", node, Math.min(...samples.node), Math.max(...samples.node)],
  ];
  const width = Math.max(...rows.map((r) => String(r[0]).length));
  for (const [name, ...ms] of rows) {
    const cells = ms.map((v) => (typeof v === "number" ? `${v.toFixed(1)} ms` : v).padStart(10));
    console.log(`${String(name).padEnd(width)}  ${cells.join("  ")}`);
  }
  console.log(
    `\nCLI startup over a bare node: ${overhead.toFixed(1)} ms (medians of ${runs} alternating runs each)`,
  );
}

const max = values["max-overhead-ms"];
if (max !== undefined && overhead > Number(max)) {
  console.error(
    `the CLI starts ${overhead.toFixed(1)} ms slower than node -e 0, over the budget of ${max} ms`,
  );
  process.exitCode = 1;
}
