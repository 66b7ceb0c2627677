// An adapter's message rules written as rows, one line each where the pattern allows, and turned
// into the core's TextRule format.
import type { Reason } from "./reasons.js";
import type { Signal } from "./signals.js";
import type { TextRule } from "./text-rules.js";

/**
 * [id, reason, pattern, the library code(s) the rule is about (absent: any code, the rule reads a
 * client's own message), what else the text tells].
 */
export type RuleRow = readonly [
  id: string,
  reason: Reason,
  pattern: RegExp,
  codes?: string | readonly string[] | undefined,
  ...signals: Signal[],
];

export function messageRules(rows: readonly RuleRow[]): TextRule[] {
  return rows.map(([id, reason, pattern, on, ...signals]) => ({
    id,
    reason,
    pattern,
    ...(on === undefined ? { anyCode: true } : { codes: typeof on === "string" ? [on] : on }),
    ...(signals.length > 0 ? { signals } : {}),
  }));
}
