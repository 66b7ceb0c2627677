// A client library's own messages as text rules in the core's format, from compact rows: one
// line per message, whatever code came with it (rule-rows.ts, without the codes slot).
import { messageRules } from "./rule-rows.js";
import type { Signal } from "./signals.js";
import type { TextRule } from "./text-rules.js";

/** [rule id, reason, pattern of the library's message, what else it tells]. */
export type AnyCodeRow = readonly [string, TextRule["reason"], RegExp, ...Signal[]];

export function anyCodeRules(rows: readonly AnyCodeRow[]): TextRule[] {
  return messageRules(
    rows.map(([id, reason, pattern, ...signals]) => [id, reason, pattern, undefined, ...signals]),
  );
}
