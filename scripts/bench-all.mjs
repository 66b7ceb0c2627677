// `pnpm bench`: builds, runs every package's own `bench` script (the adapters' cost of
// toTransferError and of a wrapped client, the retry run against p-retry), measures the CLI's
// startup against a bare node and the bundle sizes, and writes BENCHMARKS.md with the figures, the machine and the command that made them.
// Figures, not tests: nothing here fails on a slow machine.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, platform, release } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Runs a command, echoing its output as it comes, and returns that output. */
function run(command, args, cwd = root) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const take = (stream, sink) =>
      stream.on("data", (chunk) => {
        output += chunk;
        sink.write(chunk);
      });
    take(child.stdout, process.stdout);
    take(child.stderr, process.stderr);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Workspace packages with a `bench` script; the retry run (slowest) last. */
function benchPackages() {
  const found = [];
  for (const group of ["packages", "apps"]) {
    for (const name of readdirSync(join(root, group))) {
      try {
        const manifest = JSON.parse(readFileSync(join(root, group, name, "package.json"), "utf8"));
        if (manifest.scripts?.bench) found.push({ dir: join(group, name), name: manifest.name });
      } catch {
        // not a package
      }
    }
  }
  return found.sort(
    (a, b) => Number(a.dir.endsWith("resilience")) - Number(b.dir.endsWith("resilience")),
  );
}

/** Drops pnpm's "> pkg@version bench" banner and blank lines around the figures. */
function figures(output) {
  return output
    .split("\n")
    .filter((line) => !/^> /.test(line))
    .join("\n")
    .trim();
}

function gitDescription() {
  return new Promise((resolve) => {
    const child = spawn("git", ["log", "-1", "--format=%h %s"], { cwd: root });
    let text = "";
    child.stdout.on("data", (chunk) => {
      text += chunk;
    });
    child.on("close", () => resolve(text.trim() || "unknown"));
    child.on("error", () => resolve("unknown"));
  });
}

async function main() {
  const started = new Date();
  const build = await run("pnpm", ["build", "--output-logs=errors-only"]);
  if (build.code !== 0) {
    process.exitCode = 1;
    return;
  }
  const sections = [];
  for (const pkg of benchPackages()) {
    console.log(`\n== ${pkg.name} (${pkg.dir}): pnpm bench`);
    const result = await run("pnpm", ["--silent", "run", "bench"], join(root, pkg.dir));
    sections.push({
      title: `${pkg.name}: \`pnpm bench\` in ${pkg.dir}`,
      body: figures(result.output),
      failed: result.code !== 0,
      markdown: pkg.dir.endsWith("resilience"),
    });
  }
  console.log("\n== CLI startup: node scripts/cli-startup.mjs");
  const startup = await run("node", ["scripts/cli-startup.mjs"]);
  sections.push({
    title:
      "CLI startup: `node scripts/cli-startup.mjs` (`transfer-errors --version` against `node -e 0`)",
    body: figures(startup.output),
    failed: startup.code !== 0,
    markdown: false,
  });
  console.log("\n== bundle sizes: node scripts/size-budgets.mjs --report-only");
  const size = await run("node", ["scripts/size-budgets.mjs", "--report-only"]);
  sections.unshift({
    title: "Bundle sizes: `node scripts/size-budgets.mjs` (also `pnpm size`, enforced in CI)",
    body: figures(size.output),
    failed: size.code !== 0,
    markdown: false,
  });

  const cpu = cpus();
  const lines = [
    "# Benchmarks",
    "",
    "Figures of one run of `pnpm bench` at the repository root (scripts/bench-all.mjs): it",
    "builds, runs each package's own `pnpm bench` script and the size measurement, and writes",
    "this file. They are figures, not tests: a busy machine makes them noisy, so compare medians",
    "and run it twice. The fault runs use real servers (vsftpd, OpenSSH) on 127.0.0.1 behind",
    "the seeded fault proxy of packages/testkit; for FTP only the control connection goes",
    "through the proxy (the passive data connections go straight to the server).",
    "",
    `- command: \`pnpm bench\``,
    `- date: ${started.toISOString()}`,
    `- commit: ${await gitDescription()}`,
    `- machine: ${platform()} ${release()}, ${cpu.length} × ${cpu[0]?.model ?? "unknown CPU"}, Node ${process.version}`,
    "",
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, "");
    if (section.failed) lines.push("**The script exited with an error; its output follows.**", "");
    if (section.markdown) lines.push(section.body, "");
    else lines.push("```text", section.body, "```", "");
  }
  writeFileSync(join(root, "BENCHMARKS.md"), lines.join("\n"));
  console.log("\nwrote BENCHMARKS.md");
}

await main();
