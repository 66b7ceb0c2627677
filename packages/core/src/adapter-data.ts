// What an adapter supplies to every Failure its reader fills in (its protocol, operations, message
// rules, advice, catalog), and the remote path of a call, read from its operations table.
import type { CallContext } from "./adapter-functions.js";
import type { Advice, Failure, OperationTraits } from "./failure.js";
import type { ReplyCatalog } from "./reply-catalog.js";
import type { TextRule } from "./text-rules.js";
import type { Protocol } from "./types.js";

/** A client method: its traits, and the index of its remote-path argument (absent: none). */
export interface Operation extends OperationTraits {
  path?: number | undefined;
}

export interface AdapterData {
  protocol: Protocol;
  /** The client's methods by name (a `table`, so that no prototype member is found). */
  operations: Readonly<Record<string, Operation | undefined>>;
  rules: readonly TextRule[];
  advice: Advice;
  catalog?: ReplyCatalog | undefined;
}

/**
 * The part of a Failure every reader fills in alike: the adapter's data, the operation's traits,
 * and what the caller knows (operation, path, the server's greeting, secrets). The reader adds
 * what it read.
 */
export function failureFrom(data: AdapterData, context: CallContext, cause?: unknown): Failure {
  const { operation } = context;
  return {
    protocol: data.protocol,
    operation,
    traits: operation === undefined ? undefined : data.operations[operation],
    path: context.path,
    serverGreeting: context.serverGreeting,
    secrets: context.secrets,
    rules: data.rules,
    catalog: data.catalog,
    advice: data.advice,
    cause,
  };
}

/** The argument at `index` when it is a string: a call's remote path. */
export function pathArgument(
  args: readonly unknown[],
  index: number | undefined,
): string | undefined {
  const value = index === undefined || index < 0 ? undefined : args[index];
  return typeof value === "string" ? value : undefined;
}
