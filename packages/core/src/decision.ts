import {
  codeSpaceOf,
  reasonOfCode,
  reconnectOf,
  retryableOf,
  retryableOfCode,
} from "./code-class.js";
import { decisionCache } from "./decision-cache.js";
import type { CodeSpace, Failure } from "./failure.js";
import { ambiguousReasons } from "./reason-policy.js";
import { isReason, type Reason } from "./reasons.js";
import type { lookUpReply } from "./reply-catalog.js";
import {
  type Finding,
  findingReasons,
  isSignal,
  type Signal,
  signals as signalOrder,
  signalPolicy,
} from "./signals.js";
import { type TextRule, textRules } from "./text-rules.js";
import type { Protocol } from "./types.js";

// The one decision, from the facts of a failure to its reason and retry hint, without its prose
// (classify.ts explains it). Made with the reader of the servers' reply catalog for the failures
// that carry one (an adapter's), and without it for the root's isRetryable, whose failures never
// do: there the reader would find nothing, and its code stays out of that bundle.

/** Texts longer than this are cut before matching: rules look at the start of a reply. */
const MAX_MATCH_LENGTH = 4096;

/** Whether `rule` may refine a failure with this code. Code-less failures take every rule. */
function ruleApplies(
  rule: TextRule,
  space: CodeSpace | undefined,
  code: unknown,
  operation: string | undefined,
  connecting: boolean,
): boolean {
  if (rule.operations && !(operation && rule.operations.includes(operation))) return false;
  if (rule.exceptConnecting && connecting) return false;
  if (rule.codes) return rule.codes.includes(code as string | number);
  if (rule.anyCode) return true;
  if (typeof code !== "number") {
    return !rule.needsCode && (space === undefined || space === "library");
  }
  if (space === "ftp-reply") {
    if (!rule.ftp || code < 400 || code >= 600) return false;
    if (rule.ftp === "negative") return true;
    if (rule.ftp === "file") {
      const area = Math.floor(code / 10) % 10;
      return area !== 2 && area !== 3;
    }
    return rule.ftp.includes(code);
  }
  if (space === "sftp-status") return (rule.sftp ?? [4, 5]).includes(code);
  return false;
}

function matchRule(
  table: readonly TextRule[] | undefined,
  head: string,
  space: CodeSpace | undefined,
  code: unknown,
  operation: string | undefined,
  connecting: boolean,
): TextRule | undefined {
  if (!table || !Array.isArray(table)) return undefined;
  // Checking where a rule applies costs a few comparisons, next to its pattern: no list is kept.
  for (const rule of table) {
    if (ruleApplies(rule, space, code, operation, connecting) && rule.pattern.test(head)) {
      return rule;
    }
  }
  return undefined;
}

function headOf(text: string | undefined): string {
  if (!text) return "";
  return text.length > MAX_MATCH_LENGTH ? text.slice(0, MAX_MATCH_LENGTH) : text;
}

/** "Service ready in 5 minutes" (120), "try again in 30 seconds": the wait the server asked for. */
function serverDelayMs(text: string | undefined): number | undefined {
  const m = text?.slice(0, 512).match(/\bin (\d{1,4}) ?(s|sec|seconds?|m|min|minutes?)\b/i);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2]!.toLowerCase().startsWith("m") ? n * 60_000 : n * 1_000;
}

/** The adapter's signals that the core knows, with those its matching rule adds, in vocabulary order. */
function signalsOf(given: unknown, rule: TextRule | undefined): Signal[] {
  const found = new Set<Signal>();
  if (Array.isArray(given)) for (const s of given) if (isSignal(s)) found.add(s);
  if (rule?.signals) for (const s of rule.signals) found.add(s);
  return signalOrder.filter((s) => found.has(s));
}

function findingOf(value: unknown): Finding | undefined {
  return typeof value === "string" && Object.hasOwn(findingReasons, value)
    ? (value as Finding)
    : undefined;
}

function isNegativeReply(space: CodeSpace | undefined, code: unknown): boolean {
  return space === "ftp-reply" && typeof code === "number" && code >= 400 && code < 600;
}

/** The decision without its prose: what `isRetryable` needs, and what `classify` explains. */
export interface Decision {
  reason: Reason;
  retryable: boolean;
  reconnect: boolean;
  ambiguous: boolean;
  delayMs: number | undefined;
  /** The signal that settled the retry, when one did. */
  decidedBy: Signal | undefined;
  codeSpace: CodeSpace | undefined;
  rule: string | undefined;
  signals: readonly Signal[];
  finding: Finding | undefined;
  /** The product (named by the server's greeting) whose own reading of the reply decided. */
  product: string | undefined;
}

/** How the decision reads a reply known from the servers' sources (`lookUpReply`). */
export type ReplyReader = typeof lookUpReply;

/**
 * The decision, reading the reply catalog with `readReply` when given: `decide` (classify.ts) is
 * made with it, the root's `isRetryable` without it (a failure read from an unknown value carries
 * no catalog, and `lookUpReply` finds nothing without one). Each keeps its own cache of decisions.
 * The function made never throws on a Failure's shape.
 */
export function decider(readReply?: ReplyReader): (failure: Failure) => Decision {
  const decideAfresh = (failure: Failure) => decisionOf(failure, readReply);
  const decideCached = decisionCache(decideAfresh);
  return (failure) => {
    try {
      return decideCached(failure);
    } catch {
      // A field of a type no adapter sends (a Symbol as code, a Proxy as traits): read nothing.
      return decideAfresh({ protocol: protocolOf(failure) });
    }
  };
}

/** The failure's protocol, read without throwing (FTP unless it says SFTP). */
export function protocolOf(failure: unknown): Protocol {
  try {
    return (failure as Failure).protocol === "sftp" ? "sftp" : "ftp";
  } catch {
    return "ftp";
  }
}

function decisionOf(failure: Failure, readReply: ReplyReader | undefined): Decision {
  const { protocol, code, operation } = failure;
  const space = codeSpaceOf(protocol, code, failure.codeSpace);
  const given = signalsOf(failure.signals, undefined);
  const connecting = failure.traits?.connects === true || given.includes("connecting");
  const found = findingOf(failure.finding);
  const appReason = isReason(failure.reason) ? failure.reason : found && findingReasons[found];
  const signalReason = given.map((s) => signalPolicy[s].reason).find((r) => r !== undefined);
  const head = headOf(failure.serverMessage ?? failure.message);
  let adapterRule: TextRule | undefined;
  let coreRule: TextRule | undefined;
  // A reply known from the servers' sources is read as catalogued, before any general rule.
  const known =
    appReason || signalReason || (space !== "ftp-reply" && space !== "sftp-status")
      ? undefined
      : readReply?.(
          failure.catalog,
          protocol,
          code,
          failure.serverMessage,
          failure.traits?.commands,
          failure.serverGreeting,
          failure.request,
        );
  if (!appReason && !signalReason && !known) {
    // The adapter's rules are about its client's own messages, and may read the server's text.
    const match = (text: string | undefined) =>
      text ? matchRule(failure.rules, headOf(text), space, code, operation, connecting) : undefined;
    adapterRule = match(failure.message) ?? match(failure.serverMessage);
    if (!adapterRule && head) {
      coreRule = matchRule(textRules, head, space, code, operation, connecting);
    }
  }
  const rule = adapterRule ?? coreRule;
  const held = signalsOf(given, adapterRule);
  const reason =
    appReason ?? signalReason ?? known?.reason ?? rule?.reason ?? reasonOfCode(space, code);

  const decidedBy = held.find((s) => signalPolicy[s].retryable !== undefined);
  let retryable =
    (decidedBy && signalPolicy[decidedBy].retryable) ??
    known?.retryable ??
    coreRule?.retryable ??
    (rule || appReason || signalReason
      ? retryableOf(reason, space, code)
      : retryableOfCode(space, code));
  const reconnect =
    connecting ||
    held.some((s) => signalPolicy[s].reconnect) ||
    coreRule?.reconnect === true ||
    known?.reconnect === true ||
    reconnectOf(reason, space, code);

  // A negative FTP reply is the server's answer: the command did not run. Only a transfer cut
  // off mid-way may have half happened; any other loss is ambiguous for what is unsafe to repeat.
  const unsafe = failure.traits?.idempotent === false;
  const ambiguous =
    unsafe &&
    (isNegativeReply(space, code)
      ? reason === "transfer-aborted"
      : retryable && ambiguousReasons.has(reason));
  if (ambiguous) retryable = false;

  const delayMs = serverDelayMs(failure.serverMessage) ?? coreRule?.delayMs;
  return {
    reason,
    retryable,
    reconnect,
    ambiguous,
    delayMs: delayMs !== undefined && retryable ? delayMs : undefined,
    decidedBy,
    codeSpace: space,
    rule: known ? "catalog" : rule?.id,
    signals: held,
    finding: found,
    product: known?.product,
  };
}
