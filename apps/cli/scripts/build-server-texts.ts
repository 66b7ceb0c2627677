// Build step: derives what servers send with each ambiguous code from the server reply data
// (@transfer-errors/server-replies: every reply of each catalogued server, and the corpus of
// issue 7) and writes dist/server-texts.json, which the CLI and the reference site ship. A code is
// ambiguous when the servers give its texts more than one reason: the code alone cannot say what
// happened, the text can.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { explain, type Reason } from "@transfer-errors/core";
import { loadCatalogs } from "@transfer-errors/server-replies";
import { type CorpusEntry, ftpCorpus, sftpCorpus } from "@transfer-errors/server-replies/corpus";
import type {
  CodeServerTexts,
  KnownRepliesFile,
  ReasonCount,
  ServerText,
  ServerTextsFile,
} from "../src/server-texts.ts";

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, "..", "dist", "server-texts.json");
const TEXTS_PER_PRODUCT_AND_REASON = 4;
const knownFile = join(here, "..", "dist", "known-replies.json");

/** The corpus, and every catalog entry as its template (placeholders shown as `{path}`). */
function readServerReplies(): CorpusEntry[] {
  const entries: CorpusEntry[] = [...ftpCorpus, ...sftpCorpus];
  for (const catalog of loadCatalogs()) {
    for (const e of catalog.entries) {
      entries.push({
        protocol: catalog.protocol,
        product: catalog.product,
        version: catalog.version,
        code: e.code,
        // A multi-line reply on one line, as the CLI and the site show it.
        text: e.template.replace(/\s*\n\s*/g, " "),
        command: e.commands.join(", "),
        reason: e.reason as CorpusEntry["reason"],
        retryable: e.retryable,
        source: `${catalog.repository} ${e.source}`,
      });
    }
  }
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
    // The CLI and the site show texts under a code's entry: a code no RFC defines has none.
    if (explain(group[0]!.code, group[0]!.protocol)?.known !== true) continue;
    const reasons = [...new Set(group.map((e) => e.reason))];
    if (reasons.length < 2) continue;
    // One line per distinct text of a product (the same text from two versions is one line).
    const unique = new Map<string, ServerText>();
    for (const e of group) {
      const t = toServerText(e);
      const key = [e.product, t.text, t.operation, t.reason, t.retryable].join("\u0000");
      if (!unique.has(key)) unique.set(key, t);
    }
    // A few texts of each product and reason say what it means; the counts below keep the rest.
    const shown = new Map<string, number>();
    const texts = order([...unique.values()]).filter((t) => {
      const key = `${t.product}\u0000${t.reason}`;
      shown.set(key, (shown.get(key) ?? 0) + 1);
      return shown.get(key)! <= TEXTS_PER_PRODUCT_AND_REASON;
    });
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

const data = deriveServerTexts(readServerReplies());
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(data)}\n`);
console.log(
  `server-texts.json: ${data.codes.length} ambiguous codes from ${data.corpus.entries} server replies of ${data.corpus.products} products`,
);

// Every catalogued template, compactly, so that a pasted line can name the servers that send it.
const products: string[] = [];
const known: KnownRepliesFile["replies"] = [];
for (const catalog of loadCatalogs()) {
  // The product and its version's first word: "ProFTPD 1.3.10rc4+", "vsftpd 3.0.5".
  const version = catalog.version.split(" ")[0] ?? "";
  const product = products.push(`${catalog.product} ${version}`.trim().slice(0, 48)) - 1;
  for (const e of catalog.entries) {
    known.push([
      catalog.protocol,
      e.code,
      e.template.replace(/\{[a-z][a-z0-9_]*\}/g, "{}"),
      product,
      e.reason as Reason,
      e.retryable ? 1 : 0,
      e.commands.slice(0, 4).join(" "),
      (e.note ?? "").length > 200 ? `${e.note!.slice(0, 199)}…` : (e.note ?? ""),
    ]);
  }
}
writeFileSync(
  knownFile,
  `${JSON.stringify({ products, replies: known } satisfies KnownRepliesFile)}\n`,
);
console.log(`known-replies.json: ${known.length} replies of ${products.length} catalogs`);
