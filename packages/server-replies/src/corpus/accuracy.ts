import type { Reason } from "@transfer-errors/core";
import type { CorpusEntry } from "./types.js";

export interface Verdict {
  reason: Reason;
  retryable: boolean;
}

export interface ProductScore {
  product: string;
  entries: number;
  reasonOk: number;
  retryOk: number;
}

export interface Accuracy {
  entries: number;
  reason: number;
  retry: number;
  products: ProductScore[];
  misses: string[];
}

/** Runs every entry through `judge` (an adapter, fed what its client library would throw). */
export function measureAccuracy(
  corpus: readonly CorpusEntry[],
  judge: (entry: CorpusEntry) => Verdict,
): Accuracy {
  const products = new Map<string, ProductScore>();
  const misses: string[] = [];
  let reasonOk = 0;
  let retryOk = 0;
  for (const entry of corpus) {
    const got = judge(entry);
    const score = products.get(entry.product) ?? {
      product: entry.product,
      entries: 0,
      reasonOk: 0,
      retryOk: 0,
    };
    products.set(entry.product, score);
    score.entries++;
    const r = got.reason === entry.reason;
    const h = got.retryable === entry.retryable;
    if (r) {
      score.reasonOk++;
      reasonOk++;
    }
    if (h) {
      score.retryOk++;
      retryOk++;
    }
    if (!r || !h) {
      misses.push(
        `${entry.product} ${entry.code} ${JSON.stringify(entry.text)}${entry.operation ? ` (${entry.operation})` : ""}: expected ${entry.reason}/${entry.retryable ? "retry" : "no retry"}, got ${got.reason}/${got.retryable ? "retry" : "no retry"}${entry.note ? ` — ${entry.note}` : ""}`,
      );
    }
  }
  return {
    entries: corpus.length,
    reason: reasonOk / corpus.length,
    retry: retryOk / corpus.length,
    products: [...products.values()].sort((a, b) => b.entries - a.entries),
    misses,
  };
}

const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

export function formatAccuracy(title: string, a: Accuracy): string {
  const rows = a.products.map(
    (p) =>
      `  ${p.product.padEnd(26)} ${String(p.entries).padStart(4)}   reason ${pct(p.reasonOk / p.entries).padStart(7)}   retry ${pct(p.retryOk / p.entries).padStart(7)}`,
  );
  return [
    `${title}: ${a.entries} entries, ${a.products.length} products; reason ${pct(a.reason)}, retry hint ${pct(a.retry)}`,
    ...rows,
    ...(a.misses.length ? ["  misses:", ...a.misses.map((m) => `    ${m}`)] : []),
  ].join("\n");
}
