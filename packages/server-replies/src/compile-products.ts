// Builds the entries keyed to a product's greeting: the replies that one product reads
// otherwise than the product-free catalog does ("Failure" to MKDIR is OpenSSH's answer for a
// directory that exists). The core tries them first when the server's greeting line is that
// product's. Only what the product-free catalog and the general rules misread gets an entry.
import type { ProductReplies, ReplyCatalog } from "@transfer-errors/core/catalog";
import type { Catalog, Reply } from "./catalogs.js";
import { build, chooseEntries, compileCatalog, groupsOf, isMisread } from "./compile.js";
import { judge } from "./judge.js";

interface Product {
  protocol: "ftp" | "sftp";
  product: string;
  /** Every catalog's greeting pattern of the product (FileZilla Server 0.9 and 1.x), as one. */
  greeting: string;
}

/** The products with a greeting pattern, in catalog order. */
function productsOf(catalogs: readonly Catalog[]): Product[] {
  const out = new Map<string, Product>();
  for (const c of catalogs) {
    if (!c.greeting) continue;
    const key = `${c.protocol}\0${c.product}`;
    const known = out.get(key);
    if (known) known.greeting = `${known.greeting}|${c.greeting}`;
    else out.set(key, { protocol: c.protocol, product: c.product, greeting: c.greeting });
  }
  return [...out.values()];
}

/** Each product's own entries, for the replies of its that `base` (and the rules) misread. */
export function compileProducts(
  replies: readonly Reply[],
  catalogs: readonly Catalog[],
  base: ReplyCatalog,
): ProductReplies[] {
  const out: ProductReplies[] = [];
  for (const { protocol, product, greeting } of productsOf(catalogs)) {
    const own = replies.filter((r) => r.protocol === protocol && r.product === product);
    const keyed = (entries: ReplyCatalog | undefined): ReplyCatalog => ({
      ...base,
      products: [{ product, protocol, greeting, replies: entries?.[protocol] ?? {} }],
    });
    const groups = groupsOf(own);
    const wrongWith = (r: Reply, e: ReplyCatalog | undefined) =>
      isMisread(r, judge(r, keyed(e), r.greeting, true));
    const chosen = chooseEntries(groups, wrongWith, true);
    // A group whose replies disagree (the same text read otherwise per command, one of them
    // from any command) may be read worse by its majority than without an entry: left out.
    for (const key of [...chosen]) {
      const misreads = (keys: ReadonlySet<string>) => {
        const entries = build(groups, keys, true);
        return groups.get(key)!.filter((r) => wrongWith(r, entries)).length;
      };
      const without = new Set(chosen);
      without.delete(key);
      if (misreads(chosen) >= misreads(without)) chosen.delete(key);
    }
    const byCode = build(groups, chosen, true)[protocol];
    if (byCode && Object.keys(byCode).length > 0)
      out.push({ product, protocol, greeting, replies: byCode });
  }
  return out;
}

/** The catalog the core ships: the product-free entries, then each product's own. */
export function compileShipped(replies: readonly Reply[], catalogs: readonly Catalog[]) {
  const base = compileCatalog(replies);
  return { ...base, products: compileProducts(replies, catalogs, base) };
}
