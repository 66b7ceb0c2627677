import {
  codeSpaceOf,
  reasonOfCode,
  reconnectOf,
  retryableOf,
  retryableOfCode,
} from "./code-class.js";
import type { CodeSpace, Failure } from "./failure.js";
import { ambiguousReasons, nonIdempotentOperations } from "./reason-policy.js";
import type { Reason } from "./reasons.js";
import { type TextRule, textRules } from "./text-rules.js";
import type { Protocol, RetryHint } from "./types.js";

export { codeSpaceOf } from "./code-class.js";

export type ClassifyInput = Pick<
  Failure,
  | "protocol"
  | "code"
  | "codeSpace"
  | "serverMessage"
  | "message"
  | "operation"
  | "reason"
  | "reconnect"
  | "retryable"
  | "why"
>;

export interface Classification {
  reason: Reason;
  retry: RetryHint;
  /** The number system `code` was read in; `undefined` when there was no usable code. */
  codeSpace: CodeSpace | undefined;
  /** The text rule that refined the reason, if one did. */
  rule: string | undefined;
}

/** Texts longer than this are cut before matching: rules look at the start of a reply. */
const MAX_MATCH_LENGTH = 4096;

/** Whether `rule` may refine a failure with this code. Code-less failures take every rule. */
function ruleApplies(
  rule: TextRule,
  space: CodeSpace | undefined,
  code: unknown,
  operation: string | undefined,
): boolean {
  if (rule.operations && !(operation && rule.operations.includes(operation))) return false;
  if (operation && rule.exceptOperations?.includes(operation)) return false;
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

/** The rules that may refine each (code space, code, operation): a handful of keys in practice. */
const applicableRules = new Map<string, readonly TextRule[]>();
const MAX_CACHED_KEYS = 1024;

function rulesFor(
  space: CodeSpace | undefined,
  code: unknown,
  operation: string | undefined,
): readonly TextRule[] {
  const key = `${space}|${typeof code === "number" ? code : typeof code}|${operation}`;
  let rules = applicableRules.get(key);
  if (!rules) {
    rules = textRules.filter((rule) => ruleApplies(rule, space, code, operation));
    if (applicableRules.size >= MAX_CACHED_KEYS) applicableRules.clear();
    applicableRules.set(key, rules);
  }
  return rules;
}

function matchRule(
  text: string,
  space: CodeSpace | undefined,
  code: unknown,
  operation: string | undefined,
): TextRule | undefined {
  if (!text) return undefined;
  const head = text.length > MAX_MATCH_LENGTH ? text.slice(0, MAX_MATCH_LENGTH) : text;
  for (const rule of rulesFor(space, code, operation)) {
    if (rule.pattern.test(head)) return rule;
  }
  return undefined;
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

function decideRetry(
  input: ClassifyInput,
  space: CodeSpace | undefined,
  reason: Reason,
  rule: TextRule | undefined,
): RetryHint {
  const { code, operation } = input;
  let retryable =
    rule?.retryable ??
    (rule || input.reason ? retryableOf(reason, space, code) : retryableOfCode(space, code));
  const reconnect =
    input.reconnect === true || rule?.reconnect === true || reconnectOf(reason, space, code);
  const subject = subjectOf(input.protocol, space, code);
  const what = rule ? `${subject} says ${reason} in its text` : `${subject} is ${reason}`;
  let why = retryable
    ? `${what}, a condition that can clear by itself: the same request may succeed later.`
    : `${what}: repeating the same request will fail the same way until something changes.`;
  let ambiguous = false;
  if (
    retryable &&
    ambiguousReasons.has(reason) &&
    operation &&
    nonIdempotentOperations.has(operation)
  ) {
    retryable = false;
    ambiguous = true;
    why = `${operation} may have taken effect before the ${reason} (repeating it could apply it twice): retry only if the operation is known to be safe to repeat.`;
  }
  if (input.retryable !== undefined) {
    retryable = input.retryable;
    if (input.why) why = input.why;
  }
  const hint: RetryHint = {
    retryable,
    reconnect,
    why: reconnect ? `${why} Reconnect first.` : why,
  };
  if (ambiguous) hint.ambiguous = true;
  const delayMs = serverDelayMs(input.serverMessage) ?? rule?.delayMs;
  if (delayMs !== undefined && retryable) hint.delayMs = delayMs;
  return hint;
}

/** From what is known of one failure to a reason and a retry hint. Never throws. */
export function classify(input: ClassifyInput): Classification {
  const space = codeSpaceOf(input.protocol, input.code, input.codeSpace);
  const text = input.serverMessage ?? input.message ?? "";
  const rule = input.reason ? undefined : matchRule(text, space, input.code, input.operation);
  const reason = input.reason ?? rule?.reason ?? reasonOfCode(space, input.code);
  return {
    reason,
    retry: decideRetry(input, space, reason, rule),
    codeSpace: space,
    rule: rule?.id,
  };
}
