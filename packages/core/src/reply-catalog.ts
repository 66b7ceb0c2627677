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
  if (!entries) return undefined;
  const reply = text.trim();
  for (const [template, reason, flags, only] of entries) {
    if (only && !(commands && only.some((c) => commands.includes(c)))) continue;
    if (fitsTemplate(reply, template)) {
      return { template, reason, retryable: (flags & 1) === 1, reconnect: (flags & 2) === 2 };
    }
  }
  return undefined;
}
