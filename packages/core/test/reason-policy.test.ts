import { describe, expect, it } from "vitest";
import { reasonRetry } from "../src/reason-policy.js";
import { reasons } from "../src/reasons.js";

describe("reasonRetry", () => {
  it("has a retry policy for exactly the reasons", () => {
    expect(Object.keys(reasonRetry).sort()).toEqual([...reasons].sort());
  });
});
