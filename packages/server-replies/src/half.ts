// The split of the replies into a tuning half and a held-out half, for honest measurement: the
// misses of the tuning half may be looked at while the general rules are written, the held-out
// half is only counted. The half is a hash of the reply's wording (its template, placeholders
// and case aside), so one sentence falls in the same half for every product, code and command.
import type { Reply } from "./catalogs.js";
import { coreTemplate } from "./compile.js";

/**
 * FNV-1a, 32 bits, with MurmurHash3's final mix: small, stable, and the same on every machine
 * (FNV's low bit alone is only the parity of the text's odd characters; the mix spreads it).
 */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The wording a split is keyed on: the core's template, lower case, spaces collapsed. */
export function wordingOf(template: string): string {
  return coreTemplate(template).toLowerCase().replace(/\s+/g, " ");
}

export function halfOf(reply: Pick<Reply, "template">): "tuning" | "held-out" {
  return hash(wordingOf(reply.template)) % 2 === 0 ? "tuning" : "held-out";
}
