// What servers send with each code, derived from the product data (every catalogued reply and the
// corpus of issue 7): the texts the CLI's `explain` and the reference site show under a code
// whose texts carry more than one reason, and every catalogued template compactly, so that a
// pasted line can name the servers that send it. The CLI's build writes them as JSON files it
// ships; the site reads them from here.
import { explain, type Protocol, type Reason } from "@transfer-errors/core";
import { loadCatalogs } from "./catalogs.js";
import { ftpCorpus } from "./corpus/ftp-corpus.js";
import { sftpCorpus } from "./corpus/sftp-corpus.js";
import type { CorpusEntry } from "./corpus/types.js";

const TEXTS_PER_PRODUCT_AND_REASON = 4;

export interface ServerText {
  /** The server product and version: "vsftpd 3.0.5". */
  product: string;
  /** The text after the code, exactly as the server sends it. */
  text: string;
  /** The command or client operation, when the text depends on it. */
  operation?: string;
  /** What the text means. */
  reason: Reason;
  retryable: boolean;
  /** Where the text was taken from: a file and line of the server's source, or its documentation. */
  source: string;
}

export interface CodeServerTexts {
  protocol: Protocol;
  code: number;
  /** The distinct reasons these texts carry: more than one is why the code alone is not enough. */
  reasons: Reason[];
  texts: ServerText[];
}

/** How many texts of the corpus carry this code with this reason: what users meet, every code. */
export interface ReasonCount {
  protocol: Protocol;
  code: number;
  reason: Reason;
  count: number;
}

export interface ServerTextsFile {
  /** Counts of the corpus the file was derived from. */
  corpus: { entries: number; products: number };
  codes: CodeServerTexts[];
  /** Every code and reason pair of the corpus, ambiguous or not, with its count. */
  met: ReasonCount[];
}

/** Every catalogued reply: [protocol, code, template ({} for a value), product index, reason, retryable (1/0), commands, note]. */
export interface KnownRepliesFile {
  products: string[];
  replies: [Protocol, number, string, number, Reason, number, string, string][];
}

/** The corpus, and every catalog entry as its template (placeholders shown as `{path}`). */
export function serverReplies(): CorpusEntry[] {
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

/** Every catalogued template, compactly: what a pasted line is matched against. */
export function knownReplies(): KnownRepliesFile {
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
  return { products, replies: known };
}
