// What an adapter adds to every Failure it reads, beside the facts of the one failure: its message
// rules, the servers' reply catalog, its advice texts and its operations' traits. Every reader
// puts the facts, the call's context and that data together the same way.
import type { CallContext } from "./adapter-functions.js";
import type { Advice, Failure, OperationTraits } from "./failure.js";
import type { ReplyCatalog } from "./reply-catalog.js";
import type { TextRule } from "./text-rules.js";
import type { Protocol } from "./types.js";

export interface ReaderData {
  protocol: Protocol;
  rules: readonly TextRule[];
  catalog?: ReplyCatalog | undefined;
  advice: Advice;
  /** The adapter's operations table: the traits of each method. */
  operations: Readonly<Record<string, { traits?: OperationTraits | undefined } | undefined>>;
}

/** What the error itself tells (the reader's part of a Failure). */
export type Facts = Omit<
  Failure,
  "protocol" | "operation" | "traits" | "path" | "secrets" | "serverGreeting"
>;

/**
 * `facts` (a fresh object of the reader's, completed in place) with the call's operation (and its
 * traits), path, the server's greeting and secrets, and the adapter's data. Not a spread: on V8 an object spread followed
 * by more properties costs microseconds, and a reader runs on every failure.
 */
export function failureWith(data: ReaderData, facts: Facts, context: CallContext): Failure {
  const { operation, secrets } = context;
  return Object.assign(facts, {
    protocol: data.protocol,
    rules: data.rules,
    catalog: data.catalog,
    advice: data.advice,
    operation,
    traits: operation === undefined ? undefined : data.operations[operation]?.traits,
    path: context.path,
    serverGreeting: context.serverGreeting,
    secrets: secrets && secrets.length > 0 ? secrets : undefined,
  });
}
