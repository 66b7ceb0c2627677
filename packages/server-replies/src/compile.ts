// Builds the reply catalog the core ships: the catalogued replies that the general rules read
// otherwise, grouped by template, with the reading most products give them (per command where
// commands disagree). What the general rules already read right needs no entry.
import { type CatalogEntry, type ReplyCatalog, SEEN_REQUEST } from "@transfer-errors/core/catalog";
import type { Reply } from "./catalogs.js";
import { judge, seenRequestOf } from "./judge.js";

interface Reading {
  reason: string;
  flags: number;
  weight: number;
}

/** SFTP requests on a handle (READ, WRITE, CLOSE, FSTAT ...) say nothing of which method ran. */
const handleRequests = new Set([
  "READ",
  "WRITE",
  "CLOSE",
  "FSTAT",
  "FSETSTAT",
  "READDIR",
  "BLOCK",
  "UNBLOCK",
]);

function isPrimary(r: Reply): boolean {
  return r.operation !== undefined && !(r.protocol === "sftp" && handleRequests.has(r.command));
}

/** A request on a handle that the wrapper can see fail (its client method sends it). */
function isSeenHandle(r: Reply): boolean {
  return handleRequests.has(r.command) && seenRequestOf(r) !== undefined;
}

const keyOf = (r: Reading) => `${r.reason}|${r.flags}`;

function majority(readings: readonly Reading[]): Reading {
  const counts = new Map<string, { reading: Reading; n: number }>();
  for (const r of readings) {
    const c = counts.get(keyOf(r)) ?? { reading: r, n: 0 };
    c.n += r.weight;
    counts.set(keyOf(r), c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]!.reading;
}

/** `{path}` → `{}`: the core's templates keep where a value goes, not its name. */
export function coreTemplate(template: string): string {
  return template.trim().replace(/\{[a-z][a-z0-9_]*\}/g, "{}");
}

/** The replies by protocol, code and core template: one catalog entry's worth each. */
export function groupsOf(replies: readonly Reply[]): Map<string, Reply[]> {
  const groups = new Map<string, Reply[]>();
  for (const reply of replies) {
    const key = `${reply.protocol}\0${reply.code}\0${coreTemplate(reply.template)}`;
    const group = groups.get(key) ?? [];
    group.push(reply);
    groups.set(key, group);
  }
  return groups;
}

/**
 * Builds entries for the groups whose replies `wrongWith` finds misread: first those misread
 * without the entries, then, until nothing changes, the groups that a looser template of another
 * group catches wrongly get an entry of their own.
 */
export function chooseEntries(
  groups: ReadonlyMap<string, Reply[]>,
  wrongWith: (reply: Reply, entries: ReplyCatalog | undefined) => boolean,
  seenRequests = false,
): Set<string> {
  const chosen = new Set<string>();
  for (const [key, group] of groups)
    if (group.some((r) => wrongWith(r, undefined))) chosen.add(key);
  for (let pass = 0; pass < 4; pass++) {
    const catalog = build(groups, chosen, seenRequests);
    let added = 0;
    for (const [key, group] of groups) {
      if (chosen.has(key) || !group.some((r) => wrongWith(r, catalog))) continue;
      chosen.add(key);
      added++;
    }
    if (added === 0) break;
  }
  return chosen;
}

export const isMisread = (reply: Reply, e: { reason: string; retryable: boolean }) =>
  e.reason !== reply.reason || e.retryable !== reply.retryable;

/** The product-free catalog: what the general rules read wrongly, with most products' reading. */
export function compileCatalog(replies: readonly Reply[]): ReplyCatalog {
  // A product that sends another product's texts behind its line does not vote (catalogs.ts).
  const groups = groupsOf(replies.filter((r) => r.votes));
  return build(
    groups,
    chooseEntries(groups, (r, catalog) => isMisread(r, judge(r, catalog))),
  );
}

/**
 * The entries of the chosen groups, by protocol and code, in the order they are tried. With
 * `seenRequests` (a product's entries, read through a wrapper that sees the failed request), a
 * request on a handle read otherwise than the group gets an entry of its own, read only when
 * the adapter saw that request fail (`SEEN_REQUEST`).
 */
export function build(
  groups: ReadonlyMap<string, Reply[]>,
  chosen: ReadonlySet<string>,
  seenRequests = false,
): ReplyCatalog {
  const out: Record<string, Record<number, CatalogEntry[]>> = {};
  for (const key of chosen) {
    const group = groups.get(key)!;
    const { protocol, code } = group[0]!;
    const template = coreTemplate(group[0]!.template);
    // A template that is all placeholder says nothing: the general rules read the value.
    if (template.replace(/\{\}/g, "").trim().length < 3) continue;
    const readingOf = (r: Reply): Reading => ({
      reason: r.reason,
      flags: (r.retryable ? 1 : 0) | (r.reconnect ? 2 : 0),
      weight: r.weight,
    });
    // The reading of a request that names a path: what a user meets. A handle's "No such file"
    // on CLOSE (an invalid handle) must not make every "No such file" a misuse.
    const primary = group.filter((r) => isPrimary(r));
    const overall = majority((primary.length > 0 ? primary : group).map(readingOf));
    const byCommand = new Map<string, Reading[]>();
    // A reply read for any command (the corpus's) counts for each command of its group.
    const anyCommand = group.filter((r) => r.command === "ANY").map(readingOf);
    for (const r of primary) {
      if (r.command === "ANY") continue;
      byCommand.set(r.command, [...(byCommand.get(r.command) ?? anyCommand), readingOf(r)]);
    }
    const byRequest = new Map<string, Reading[]>();
    for (const r of seenRequests ? group.filter(isSeenHandle) : []) {
      byRequest.set(r.command, [...(byRequest.get(r.command) ?? anyCommand), readingOf(r)]);
    }
    const entries: CatalogEntry[] = [];
    // The commands that read the template alike share one entry: a smaller catalog to ship.
    const keyed = (readings: Map<string, Reading[]>, flag: number) => {
      const alike = new Map<string, { own: Reading; commands: string[] }>();
      for (const [command, rs] of readings) {
        const own = majority(rs);
        if (keyOf(own) === keyOf(overall)) continue;
        const same = alike.get(keyOf(own)) ?? { own, commands: [] };
        same.commands.push(command);
        alike.set(keyOf(own), same);
      }
      for (const { own, commands } of alike.values())
        entries.push([template, own.reason as never, own.flags | flag, commands]);
    };
    keyed(byCommand, 0);
    keyed(byRequest, SEEN_REQUEST);
    entries.push([template, overall.reason as never, overall.flags]);
    out[protocol] ??= {};
    const byCode = out[protocol];
    byCode[code] ??= [];
    byCode[code].push(...entries);
  }
  // Within a code: command-specific entries first, then the longest literal text.
  for (const byCode of Object.values(out)) {
    for (const entries of Object.values(byCode)) {
      entries.sort(
        (a, b) =>
          (b[3] ? 1 : 0) - (a[3] ? 1 : 0) ||
          b[0].replace(/\{\}/g, "").length - a[0].replace(/\{\}/g, "").length ||
          (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
      );
    }
  }
  return out as ReplyCatalog;
}
