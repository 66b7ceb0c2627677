// What an adapter supplies to every Failure its reader fills in (its protocol, operations, message
// rules, advice, catalog), and the remote path of a call, read from its operations table.
import type { CallContext } from "./adapter-functions.js";
import type { Advice, Failure, OperationTraits } from "./failure.js";
import type { LookedOperation } from "./follow-up.js";
import type { ReplyCatalog } from "./reply-catalog.js";
import { safeGet } from "./safe.js";
import { table } from "./table.js";
import type { TextRule } from "./text-rules.js";
import type { Protocol } from "./types.js";

/** A client method: its traits, and the index of its remote-path argument (absent: none). */
export interface Operation extends OperationTraits {
  path?: number | undefined;
  /** How `diagnose` looks into its unclear refusal (a wrapper's `Diagnosis`); absent: not at all. */
  look?: LookedOperation | undefined;
}

export interface AdapterData {
  protocol: Protocol;
  /** The client's methods by name (a `table`, so that no prototype member is found). */
  operations: Readonly<Record<string, Operation | undefined>>;
  rules: readonly TextRule[];
  advice: Advice;
  catalog?: ReplyCatalog | undefined;
}

/** What the error itself tells (the reader's part of a Failure). */
export type Facts = Omit<
  Failure,
  "protocol" | "operation" | "traits" | "path" | "secrets" | "serverGreeting" | "request"
>;

/**
 * `facts` (a fresh object of the reader's, completed in place) with what every reader fills in
 * alike: the adapter's data, the operation's traits, and what the caller knows (operation, path,
 * the server's greeting, secrets). Not a spread, nor an Object.assign of a literal: on V8 an object
 * spread followed by more properties costs microseconds, the literal an object more, and a reader
 * runs on every failure.
 */
export function failureFrom(data: AdapterData, context: CallContext, facts: Facts = {}): Failure {
  const { operation, secrets } = context;
  const failure = facts as Failure & Facts;
  failure.protocol = data.protocol;
  failure.rules = data.rules;
  failure.catalog = data.catalog;
  failure.advice = data.advice;
  failure.operation = operation;
  failure.traits = operation === undefined ? undefined : data.operations[operation];
  failure.path = context.path;
  failure.request = context.request;
  failure.serverGreeting = context.serverGreeting;
  failure.secrets = secrets && secrets.length > 0 ? secrets : undefined;
  return failure;
}

/**
 * An operations table that keeps each method's traits under `traits`, as traits by method (an
 * entry that cannot be read has none). Never throws.
 */
export function traitsTable(
  operations: Readonly<Record<string, { traits?: OperationTraits | undefined } | undefined>>,
): Readonly<Record<string, OperationTraits | undefined>> {
  const traits: Record<string, OperationTraits | undefined> = {};
  for (const [name, operation] of Object.entries(operations)) {
    traits[name] = safeGet(operation, "traits") as OperationTraits | undefined;
  }
  return table(traits);
}

/** The argument at `index` when it is a string: a call's remote path. */
export function pathArgument(
  args: readonly unknown[],
  index: number | undefined,
): string | undefined {
  const value = index === undefined || index < 0 ? undefined : args[index];
  return typeof value === "string" ? value : undefined;
}
