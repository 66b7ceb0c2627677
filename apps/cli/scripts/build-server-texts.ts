// Build step: derives what servers send with each ambiguous code from the core's test corpus
// (packages/core/test/corpus/*-corpus.ts) and writes dist/server-texts.json, which the CLI and
// the reference site ship. A code is ambiguous when the corpus gives its texts more than one
// reason: the code alone cannot say what happened, the text can.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CorpusEntry } from "../../../packages/core/test/corpus/types.ts";
import type {
  CodeServerTexts,
  ReasonCount,
  ServerText,
  ServerTextsFile,
} from "../src/server-texts.ts";

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = join(here, "..", "..", "..", "packages", "core", "test", "corpus");
const outFile = join(here, "..", "dist", "server-texts.json");

function isEntry(value: unknown): value is CorpusEntry {
  const v = value as Partial<CorpusEntry> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    (v.protocol === "ftp" || v.protocol === "sftp") &&
    typeof v.code === "number" &&
    typeof v.text === "string" &&
    typeof v.product === "string" &&
    typeof v.reason === "string"
  );
}

/** Every corpus entry, from every array that a `*-corpus.ts` file exports. */
async function readCorpus(): Promise<CorpusEntry[]> {
  const files = readdirSync(corpusDir).filter((name) => name.endsWith("-corpus.ts"));
  if (files.length === 0) throw new Error(`no *-corpus.ts files in ${corpusDir}`);
  const entries: CorpusEntry[] = [];
  for (const file of files.sort()) {
    const module = (await import(pathToFileURL(join(corpusDir, file)).href)) as Record<
      string,
      unknown
    >;
    for (const value of Object.values(module)) {
      if (Array.isArray(value)) entries.push(...value.filter(isEntry));
    }
  }
  if (entries.length === 0) throw new Error(`the corpus files in ${corpusDir} export no entries`);
  return entries;
}

function toServerText(entry: CorpusEntry): ServerText {
  const text: ServerText = {
    product: entry.version ? `${entry.product} ${entry.version}` : entry.product,
    text: entry.text,
    reason: entry.reason,
    retryable: entry.retryable,
    source: entry.source,
  };
  const operation = entry.command ?? entry.operation;
  if (operation) text.operation = operation;
  return text;
}

/** Most frequent reason first; within one, by product, then text. */
function order(texts: ServerText[]): ServerText[] {
  const count = new Map<string, number>();
  for (const t of texts) count.set(t.reason, (count.get(t.reason) ?? 0) + 1);
  return texts.sort(
    (a, b) =>
      count.get(b.reason)! - count.get(a.reason)! ||
      a.reason.localeCompare(b.reason) ||
      Number(a.retryable) - Number(b.retryable) ||
      a.product.localeCompare(b.product) ||
      a.text.localeCompare(b.text),
  );
}

export function deriveServerTexts(entries: readonly CorpusEntry[]): ServerTextsFile {
  const byCode = new Map<string, CorpusEntry[]>();
  for (const e of entries) {
    const key = `${e.protocol} ${e.code}`;
    byCode.set(key, [...(byCode.get(key) ?? []), e]);
  }
  const codes: CodeServerTexts[] = [];
  for (const group of byCode.values()) {
    const reasons = [...new Set(group.map((e) => e.reason))];
    if (reasons.length < 2) continue;
    // One line per distinct text of a product (the same text from two versions is one line).
    const unique = new Map<string, ServerText>();
    for (const e of group) {
      const t = toServerText(e);
      const key = [e.product, t.text, t.operation, t.reason, t.retryable].join("\u0000");
      if (!unique.has(key)) unique.set(key, t);
    }
    const texts = order([...unique.values()]);
    codes.push({
      protocol: group[0]!.protocol,
      code: group[0]!.code,
      reasons: [...new Set(texts.map((t) => t.reason))],
      texts,
    });
  }
  codes.sort((a, b) => a.protocol.localeCompare(b.protocol) || a.code - b.code);
  const counts = new Map<string, ReasonCount>();
  for (const e of entries) {
    const key = `${e.protocol} ${e.code} ${e.reason}`;
    const met = counts.get(key) ?? {
      protocol: e.protocol,
      code: e.code,
      reason: e.reason,
      count: 0,
    };
    met.count++;
    counts.set(key, met);
  }
  const met = [...counts.values()].sort(
    (a, b) =>
      a.protocol.localeCompare(b.protocol) ||
      a.code - b.code ||
      b.count - a.count ||
      a.reason.localeCompare(b.reason),
  );
  return {
    corpus: { entries: entries.length, products: new Set(entries.map((e) => e.product)).size },
    codes,
    met,
  };
}

const data = deriveServerTexts(await readCorpus());
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(data, null, 2)}\n`);
console.log(
  `server-texts.json: ${data.codes.length} ambiguous codes from ${data.corpus.entries} corpus entries of ${data.corpus.products} products`,
);
