import type { Reason } from "./reasons.js";
import type { Protocol } from "./types.js";

// Server replies known from the servers' own sources (the catalogs of @transfer-errors/server-
// replies), matched by their exact template before the general text rules run. Only the replies
// that the general rules would read otherwise are shipped: the rest need no entry.

/**
 * One known reply: its template (`{}` where the server puts a value), the reading, and flags
 * (1: retryable, 2: the server closes the connection). With commands, the reading holds only
 * for those FTP commands or SFTP requests (the same text can mean another thing elsewhere).
 */
export type CatalogEntry = readonly [
  template: string,
  reason: Reason,
  flags: number,
  commands?: readonly string[],
];

/** Known replies by protocol and code. */
export type ReplyCatalog = Readonly<
  Partial<Record<Protocol, Readonly<Partial<Record<number, readonly CatalogEntry[]>>>>>
>;

export interface CatalogMatch {
  template: string;
  reason: Reason;
  retryable: boolean;
  reconnect: boolean;
}

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

/** The catalogued reading of a reply, for the commands the failed operation sends. */
export function lookUpReply(
  catalog: ReplyCatalog | undefined,
  protocol: Protocol,
  code: unknown,
  text: string | undefined,
  commands: readonly string[] | undefined,
): CatalogMatch | undefined {
  if (!catalog || typeof code !== "number" || !text || text.length > MAX_TEXT) return undefined;
  const entries = catalog[protocol]?.[code];
  if (!entries || !Array.isArray(entries)) return undefined;
  const reply = text.trim();
  for (const entry of compile(entries)) {
    if (entry.only && !(commands && entry.only.some((c) => commands.includes(c)))) continue;
    if (fits(reply, entry)) {
      const { template, reason, flags } = entry;
      return { template, reason, retryable: (flags & 1) === 1, reconnect: (flags & 2) === 2 };
    }
  }
  return undefined;
}
