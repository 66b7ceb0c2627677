import type { Failure } from "./failure.js";

// The same failure comes again and again (a batch meeting one missing directory, a retry loop):
// its decision is kept, found by its text and then compared fact by fact. Joining the facts into
// one string key cost more than the rest of making a TransferError. Long texts are not kept.
const MAX_TEXTS = 512;
const MAX_PER_TEXT = 8;
const MAX_TEXT = 300;
const MAX_NAME = 64;

interface Kept<D> {
  facts: readonly unknown[];
  decision: D;
}

/** A cache of decisions, each kept with every fact of the Failure it was made from. */
export function decisionCache<D>(decideAfresh: (failure: Failure) => D): (failure: Failure) => D {
  const kept = new Map<string | undefined, Kept<D>[]>();
  return (failure) => {
    const facts = factsOf(failure);
    if (!facts) return decideAfresh(failure);
    const text = failure.serverMessage ?? failure.message;
    let bucket = kept.get(text);
    const hit = bucket && keptWith(bucket, facts);
    if (hit) return hit.decision;
    const decision = decideAfresh(failure);
    if (!bucket) {
      if (kept.size >= MAX_TEXTS) kept.clear();
      bucket = [];
      kept.set(text, bucket);
    }
    if (bucket.length >= MAX_PER_TEXT) bucket.shift();
    bucket.push({ facts, decision });
    return decision;
  };
}

/** The decision kept for these facts (a loop: no closure made on every failure). */
function keptWith<D>(bucket: readonly Kept<D>[], facts: readonly unknown[]): Kept<D> | undefined {
  for (const k of bucket) if (sameFacts(k.facts, facts)) return k;
  return undefined;
}

/** Every fact `decide` reads, flat (lists as their length, then their items); none when too long. */
function factsOf(f: Failure): unknown[] | undefined {
  const { serverMessage, message, operation, code, traits, serverGreeting } = f;
  const greeting = typeof serverGreeting === "string" ? serverGreeting.length : 0;
  if ((serverMessage?.length ?? 0) + (message?.length ?? 0) + greeting > MAX_TEXT) return undefined;
  if (typeof code === "string" && code.length > MAX_NAME) return undefined;
  if (typeof operation === "string" && operation.length > MAX_NAME) return undefined;
  const facts: unknown[] = [
    f.protocol,
    code,
    f.codeSpace,
    operation,
    traits?.idempotent,
    traits?.connects,
    f.finding,
    f.reason,
    f.rules,
    f.catalog,
    serverMessage,
    message,
    serverGreeting,
    f.request,
  ];
  return listInto(facts, traits?.commands) && listInto(facts, f.signals) ? facts : undefined;
}

function listInto(facts: unknown[], list: unknown): boolean {
  if (!Array.isArray(list)) return facts.push(-1) > 0;
  if (list.length > MAX_NAME) return false;
  facts.push(list.length);
  for (const item of list) facts.push(item);
  return true;
}

export function sameFacts(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
