import { type Decision, decider, protocolOf } from "./decision.js";
import { sameFacts } from "./decision-cache.js";
import type { CodeSpace, Failure } from "./failure.js";
import { signalWhy } from "./reason-policy.js";
import type { Reason } from "./reasons.js";
import { redact } from "./redact.js";
import { lookUpReply } from "./reply-catalog.js";
import type { Finding, Signal } from "./signals.js";
import type { Protocol, RetryHint } from "./types.js";

export { codeSpaceOf } from "./code-class.js";
export type { Decision } from "./decision.js";

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

function subjectOf(protocol: Protocol, space: CodeSpace | undefined, code: unknown): string {
  if (code === undefined || space === undefined) return "The failure";
  if (space === "ftp-reply") return `FTP reply ${String(code)}`;
  if (space === "sftp-status") return `SFTP status ${String(code)}`;
  if (space === "ssh-disconnect") return `SSH disconnect reason ${String(code)}`;
  if (space === "winsock") return `Windows socket error ${String(code)}`;
  return `${protocol.toUpperCase()} error ${String(code)}`;
}

/**
 * From the facts of one failure to its reason and retry hint: the one decision, which
 * `TransferError`, every `isRetryable` and `explain` use (the root's `isRetryable` without the
 * reply catalog's reader, as its failures carry no catalog). Never throws on a Failure's shape.
 */
export function decide(failure: Failure): Decision {
  return decideWithCatalog(failure);
}

const decideWithCatalog = decider(lookUpReply);

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
