// The counts the fuzz suite reports: inputs tried per entry point, surfaces checked per surface,
// text shapes timed per entry point. Computed as the tests run, never written by hand: each test
// file writes its part (test-output/fuzz-counts/<file>.json), and the merged total goes to
// test-output/fuzz-counts.json (by each file's afterAll and by the global teardown, which prints it).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const outputDir = fileURLToPath(new URL("../test-output/", import.meta.url));
const partsDir = `${outputDir}fuzz-counts/`;
export const countsFile = `${outputDir}fuzz-counts.json`;

export interface Counts {
  /** Fuzz cases run through each entry point ("package export" or "cli command"). */
  inputs: Record<string, number>;
  /** Surface texts checked for credentials (and for throwing), per surface. */
  surfaces: Record<string, number>;
  /** Text shapes timed at n and 4n, per entry point. */
  shapes: Record<string, number>;
  /** Findings a known, reported bug explains (tolerated by the properties), per bug. */
  knownBugs: Record<string, number>;
}

export interface Summary extends Counts {
  files: string[];
  inputsTried: number;
  surfacesChecked: number;
  shapesTimed: number;
  entryPointsFuzzed: number;
  entryPointsTimed: number;
}

const counts: Counts = { inputs: {}, surfaces: {}, shapes: {}, knownBugs: {} };

function add(into: Record<string, number>, key: string, n = 1): void {
  into[key] = (into[key] ?? 0) + n;
}

export function countInput(entry: string): void {
  add(counts.inputs, entry);
}

export function countSurface(surface: string): void {
  add(counts.surfaces, surface);
}

export function countShape(entry: string): void {
  add(counts.shapes, entry);
}

export function countKnownBug(id: string): void {
  add(counts.knownBugs, id);
}

const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);

function summarise(parts: { file: string; counts: Counts }[]): Summary {
  const total: Counts = { inputs: {}, surfaces: {}, shapes: {}, knownBugs: {} };
  for (const { counts: part } of parts) {
    for (const key of ["inputs", "surfaces", "shapes", "knownBugs"] as const) {
      for (const [name, n] of Object.entries(part[key] ?? {})) add(total[key], name, n);
    }
  }
  const sorted = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  return {
    files: parts.map((p) => p.file).sort(),
    inputsTried: sum(total.inputs),
    surfacesChecked: sum(total.surfaces),
    shapesTimed: sum(total.shapes),
    entryPointsFuzzed: Object.keys(total.inputs).length,
    entryPointsTimed: Object.keys(total.shapes).length,
    inputs: sorted(total.inputs),
    surfaces: sorted(total.surfaces),
    shapes: sorted(total.shapes),
    knownBugs: sorted(total.knownBugs),
  };
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Merges every part written so far into fuzz-counts.json; returns the merged summary. */
export function mergeParts(): Summary {
  mkdirSync(partsDir, { recursive: true });
  const parts = readdirSync(partsDir)
    .filter((name) => name.endsWith(".json"))
    .map(
      (name) =>
        JSON.parse(readFileSync(partsDir + name, "utf8")) as { file: string; counts: Counts },
    );
  const summary = summarise(parts);
  writeAtomically(countsFile, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** Writes this test file's counts and the merged file; returns this file's summary. */
export function writeCounts(file: string): Summary {
  mkdirSync(partsDir, { recursive: true });
  writeAtomically(`${partsDir}${file}.json`, JSON.stringify({ file, counts }));
  mergeParts();
  return summarise([{ file, counts }]);
}

/** The line a summary prints as. */
export function describeCounts(what: string, s: Summary): string {
  return `${what}: ${s.inputsTried} inputs tried on ${s.entryPointsFuzzed} entry points, ${s.surfacesChecked} surfaces checked, ${s.shapesTimed} shapes timed on ${s.entryPointsTimed} entry points`;
}

/** The summary line, then the counts per entry point and per surface. */
export function describeCountsInFull(what: string, s: Summary): string {
  const list = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([name, n]) => `    ${name}: ${n}`)
      .join("\n");
  const parts = [describeCounts(what, s)];
  if (s.inputsTried > 0) parts.push(`  inputs tried per entry point:\n${list(s.inputs)}`);
  if (s.surfacesChecked > 0) parts.push(`  surfaces checked per surface:\n${list(s.surfaces)}`);
  if (s.shapesTimed > 0) parts.push(`  shapes timed per entry point:\n${list(s.shapes)}`);
  return parts.join("\n");
}

/** Before a run: no part of an earlier run may count. */
export function clearParts(): void {
  rmSync(partsDir, { recursive: true, force: true });
}
