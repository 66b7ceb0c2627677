import type { Reason } from "./reasons.js";
import { MAX_GREETING } from "./server-greeting.js";
import type { Protocol } from "./types.js";

// Server replies known from the servers' own sources (the catalogs of @transfer-errors/server-
// replies), matched by their exact template before the general text rules run. Only the replies
// that the general rules would read otherwise are shipped: the rest need no entry.

/**
 * One known reply: its template (`{}` where the server puts a value), the reading, and flags
 * (1: retryable, 2: the server closes the connection, 4: read only for the request the adapter
 * saw fail, `Failure.request`). With commands, the reading holds only for those FTP commands or
 * SFTP requests (the same text can mean another thing elsewhere): the failed request when the
 * adapter knows it, else any its operation sends. An entry with flag 4 (a request on a handle,
 * READ, that its method also sends with a path, OPEN) needs the request known.
 */
export type CatalogEntry = readonly [
  template: string,
  reason: Reason,
  flags: number,
  commands?: readonly string[],
];

/** Known replies by code. */
export type RepliesByCode = Readonly<Partial<Record<number, readonly CatalogEntry[]>>>;

/**
 * The replies that one product reads otherwise than the product-free entries do ("Failure" to
 * MKDIR is OpenSSH's answer for a directory that exists), tried first when the server's greeting
 * (`Failure.serverGreeting`) is this product's.
 */
export interface ProductReplies {
  /** The product as users know it (`"OpenSSH sftp-server"`). */
  readonly product: string;
  readonly protocol: Protocol;
  /**
   * A pattern (regular expression source) of the product's greeting line as a whole: its SSH
   * identification string or the first line of its FTP 220 greeting. Anchored at the start, no
   * quantified group (linear); matched on at most 255 characters.
   */
  readonly greeting: string;
  readonly replies: RepliesByCode;
}

/** Known replies by protocol and code, and the replies of products that read some otherwise. */
export interface ReplyCatalog {
  readonly ftp?: RepliesByCode;
  readonly sftp?: RepliesByCode;
  readonly products?: readonly ProductReplies[];
}

export interface CatalogMatch {
  template: string;
  reason: Reason;
  retryable: boolean;
  reconnect: boolean;
  /** The product whose own reading this is, when the server's greeting named it. */
  product?: string;
}

/** The flag of an entry read only for the request the adapter saw fail. */
export const SEEN_REQUEST = 4;

/** Longer replies are not looked up: no catalogued template is this long. */
const MAX_TEXT = 2048;

/**
 * Whether `text` is `template` with its `{}` filled: the pieces between the placeholders appear
 * in order, the first at the start and the last at the end. indexOf only: linear in the text.
 */
export function fitsTemplate(text: string, template: string): boolean {
  const pieces = template.split("{}");
  if (pieces.length === 1) return text === template;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (!text.startsWith(first)) return false;
  let at = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    // A value fills each placeholder: at least one character.
    const found = text.indexOf(pieces[i]!, at + 1);
    if (found < 0) return false;
    at = found + pieces[i]!.length;
  }
  return text.length - last.length >= at + 1 && text.endsWith(last);
}

interface Compiled {
  template: string;
  first: string;
  last: string;
  /** Whole pieces when the template has placeholders; undefined for a fixed text. */
  pieces: string[] | undefined;
  reason: Reason;
  flags: number;
  only: readonly string[] | undefined;
}

/** Each code's entries, split once: a lookup then costs a few startsWith per entry. */
const compiled = new WeakMap<readonly CatalogEntry[], Compiled[]>();

function compile(entries: readonly CatalogEntry[]): Compiled[] {
  let out = compiled.get(entries);
  if (!out) {
    out = entries.map(([template, reason, flags, only]) => {
      const pieces = template.split("{}");
      return {
        template,
        first: pieces[0]!,
        last: pieces[pieces.length - 1]!,
        pieces: pieces.length > 1 ? pieces : undefined,
        reason,
        flags,
        only,
      };
    });
    compiled.set(entries, out);
  }
  return out;
}

function fits(text: string, entry: Compiled): boolean {
  if (!entry.pieces) return text === entry.template;
  if (!text.startsWith(entry.first) || !text.endsWith(entry.last)) return false;
  return fitsTemplate(text, entry.template);
}

/** `commands`: those the reply may answer; `seen`: they are the one request seen to fail. */
function matchIn(
  entries: readonly CatalogEntry[] | undefined,
  reply: string,
  commands: readonly string[] | undefined,
  seen: boolean,
): CatalogMatch | undefined {
  if (!entries || !Array.isArray(entries)) return undefined;
  for (const entry of compile(entries)) {
    if (!seen && entry.flags & SEEN_REQUEST) continue;
    if (entry.only && !(commands && entry.only.some((c) => commands.includes(c)))) continue;
    if (fits(reply, entry)) {
      const { template, reason, flags } = entry;
      return { template, reason, retryable: (flags & 1) === 1, reconnect: (flags & 2) === 2 };
    }
  }
  return undefined;
}

/** Each product's greeting pattern, compiled once; null for one that does not compile. */
const greetingPatterns = new WeakMap<ProductReplies, RegExp | null>();

function greetingPattern(product: ProductReplies): RegExp | null {
  let pattern = greetingPatterns.get(product);
  if (pattern === undefined) {
    try {
      pattern = typeof product.greeting === "string" ? new RegExp(product.greeting) : null;
    } catch {
      pattern = null;
    }
    greetingPatterns.set(product, pattern);
  }
  return pattern;
}

/** The product of `protocol` whose greeting pattern fits the server's greeting line. */
export function productOfGreeting(
  catalog: ReplyCatalog | undefined,
  protocol: Protocol,
  greeting: string | undefined,
): ProductReplies | undefined {
  const products = catalog?.products;
  if (typeof greeting !== "string" || greeting === "" || !Array.isArray(products)) return undefined;
  const line = greeting.slice(0, MAX_GREETING);
  return products.find((p) => p?.protocol === protocol && greetingPattern(p)?.test(line) === true);
}

/**
 * The catalogued reading of a reply, for the request seen to fail (`request`) or else the
 * commands the failed operation sends: the named product's own reading first (when `greeting`
 * is one product's), then the product-free one.
 */
export function lookUpReply(
  catalog: ReplyCatalog | undefined,
  protocol: Protocol,
  code: unknown,
  text: string | undefined,
  commands: readonly string[] | undefined,
  greeting?: string | undefined,
  request?: string | undefined,
): CatalogMatch | undefined {
  if (!catalog || typeof code !== "number" || !text || text.length > MAX_TEXT) return undefined;
  const reply = text.trim();
  const seen = typeof request === "string";
  const sent = seen ? [request] : commands;
  const product = productOfGreeting(catalog, protocol, greeting);
  const own = product && matchIn(product.replies?.[code], reply, sent, seen);
  if (own) return { ...own, product: product.product };
  return matchIn(catalog[protocol]?.[code], reply, sent, seen);
}
