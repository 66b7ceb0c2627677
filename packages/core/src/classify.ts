import {
  codeSpaceOf,
  reasonOfCode,
  reconnectOf,
  retryableOf,
  retryableOfCode,
} from "./code-class.js";
import { decisionCache, sameFacts } from "./decision-cache.js";
import type { CodeSpace, Failure } from "./failure.js";
import { ambiguousReasons, signalWhy } from "./reason-policy.js";
import { isReason, type Reason } from "./reasons.js";
import { redact } from "./redact.js";
import { lookUpReply } from "./reply-catalog.js";
import {
  type Finding,
  findingReasons,
  isSignal,
  type Signal,
  signals as signalOrder,
  signalPolicy,
} from "./signals.js";
import { type TextRule, textRules } from "./text-rules.js";
import type { Protocol, RetryHint } from "./types.js";

export { codeSpaceOf } from "./code-class.js";

export interface Classification {
  reason: Reason;
  retry: RetryHint;
  /** The number system `code` was read in; `undefined` when there was no usable code. */
  codeSpace: CodeSpace | undefined;
  /** The text rule that refined the reason, if one did (an adapter's or the core's). */
  rule: string | undefined;
  /** The signals that held, the adapter's and its rule's, in vocabulary order. */
  signals: readonly Signal[];
  /** What a follow-up check found, when one ran and found something. */
  finding: Finding | undefined;
  /** The product (named by the server's greeting) whose own reading of the reply decided. */
  product: string | undefined;
}

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
  if (typeof code !== "number") return space === undefined || space === "library";
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

function subjectOf(protocol: Protocol, space: CodeSpace | undefined, code: unknown): string {
  if (code === undefined || space === undefined) return "The failure";
  if (space === "ftp-reply") return `FTP reply ${String(code)}`;
  if (space === "sftp-status") return `SFTP status ${String(code)}`;
  if (space === "ssh-disconnect") return `SSH disconnect reason ${String(code)}`;
  if (space === "winsock") return `Windows socket error ${String(code)}`;
  return `${protocol.toUpperCase()} error ${String(code)}`;
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

/**
 * From the facts of one failure to its reason and retry hint: the one decision, which
 * `TransferError`, every `isRetryable` and `explain` use. Never throws on a Failure's shape.
 */
export function decide(failure: Failure): Decision {
  try {
    return decideCached(failure);
  } catch {
    // A field of a type no adapter sends (a Symbol as code, a Proxy as traits): read nothing.
    return decideAfresh({ protocol: protocolOf(failure) });
  }
}

function protocolOf(failure: unknown): Protocol {
  try {
    return (failure as Failure).protocol === "sftp" ? "sftp" : "ftp";
  } catch {
    return "ftp";
  }
}

const decideCached = decisionCache(decideAfresh);

function decideAfresh(failure: Failure): Decision {
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
      : lookUpReply(
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

// A failure that comes again (the decision is kept) gets the same sentence: kept with what it was
// made from.
const lastWhy = new WeakMap<Decision, { from: readonly unknown[]; why: string }>();

function whyOf(d: Decision, failure: Failure, shown: string | undefined): string {
  const { protocol, code, operation } = failure;
  // The secrets only mask a string code here.
  const from = [protocol, code, operation, shown, typeof code === "string" && failure.secrets];
  const last = lastWhy.get(d);
  if (last && sameFacts(last.from, from)) return last.why;
  const why = sentenceOf(d, failure, shown);
  lastWhy.set(d, { from, why });
  return why;
}

function sentenceOf(d: Decision, failure: Failure, shown: string | undefined): string {
  const why = reasonWhy(d, failure, shown);
  // Only a hint that says retry asks to reconnect first.
  return d.retryable && d.reconnect ? `${why} Reconnect first.` : why;
}

function reasonWhy(d: Decision, failure: Failure, shown: string | undefined): string {
  const { reason, retryable, ambiguous } = d;
  const quote = shown ? ` ("${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}")` : "";
  // A string code is shown as it came (a client's own code can hold anything): redacted.
  const subject = subjectOf(failure.protocol, d.codeSpace, failure.code);
  const what = `${typeof failure.code === "string" ? redact(subject, failure.secrets) : subject}${quote} is ${reason}`;
  if (ambiguous) {
    return `${failure.operation} may have taken effect before the ${reason} (repeating it could apply it twice): retry only if the operation is known to be safe to repeat.`;
  }
  if (d.decidedBy) return signalWhy[d.decidedBy] ?? what;
  if (retryable) {
    return `${what}, a condition that can clear by itself: the same request may succeed later.`;
  }
  return `${what}: repeating the same request will fail the same way until something changes.`;
}

/**
 * The decision with its reason why, in one sentence: what `TransferError` shows. `shown` is the
 * text to quote (the server's text as redacted for display). Never throws on a Failure's shape.
 */
export function classify(failure: Failure, shown?: string): Classification {
  try {
    return explainDecision(failure, shown);
  } catch {
    return explainDecision({ protocol: protocolOf(failure) }, undefined);
  }
}

function explainDecision(failure: Failure, shown: string | undefined): Classification {
  const d = decide(failure);
  const { reason, retryable, reconnect, ambiguous } = d;
  const hint: RetryHint = { retryable, reconnect, why: whyOf(d, failure, shown) };
  if (ambiguous) hint.ambiguous = true;
  if (d.delayMs !== undefined) hint.delayMs = d.delayMs;
  return {
    reason,
    retry: hint,
    codeSpace: d.codeSpace,
    rule: d.rule,
    signals: d.signals,
    finding: d.finding,
    product: d.product,
  };
}
