import { describe, expect, it } from "vitest";
import { hasRetryPolicy, reasonRetry } from "../src/reason-policy.js";
import { isReason, reasons } from "../src/reasons.js";

// The decision reads an app's reason with hasRetryPolicy (a key of reasonRetry) rather than
// isReason (the list of reasons): both must give the same answer for every value.
describe("hasRetryPolicy", () => {
  it("knows exactly the reasons", () => {
    expect(Object.keys(reasonRetry).sort()).toEqual([...reasons].sort());
  });

  const others: unknown[] = [
    ...reasons,
    ...reasons.map((r) => r.toUpperCase()),
    ...reasons.map((r) => ` ${r}`),
    "",
    "bogus",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "valueOf",
    undefined,
    null,
    0,
    1,
    true,
    {},
    [],
    ["timeout"],
    Symbol("timeout"),
    new String("timeout"),
  ];
  it.each(others.map((value) => [value]))("answers as isReason for %o", (value) => {
    expect(hasRetryPolicy(value)).toBe(isReason(value));
  });
});
