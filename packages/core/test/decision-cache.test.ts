// The decision and its sentence are kept for a failure that comes again: only the same facts
// may find them, whatever object carries them.
import { describe, expect, it } from "vitest";
import { classify } from "../src/classify.js";
import { decisionCache } from "../src/decision-cache.js";
import type { Failure } from "../src/failure.js";

function counted() {
  let made = 0;
  const decide = decisionCache((failure: Failure) => ({ made: ++made, code: failure.code }));
  return { decide, made: () => made };
}

const base: Failure = {
  protocol: "ftp",
  code: 550,
  serverMessage: "No such file",
  operation: "downloadTo",
  traits: { idempotent: true, commands: ["RETR"] },
  signals: ["repeated"],
};

describe("the decision cache", () => {
  it("finds the decision of the same facts in another object", () => {
    const { decide, made } = counted();
    const first = decide(base);
    expect(decide({ ...base, traits: { idempotent: true, commands: ["RETR"] } })).toBe(first);
    expect(decide({ ...base, signals: ["repeated"] })).toBe(first);
    expect(made()).toBe(1);
  });

  it("decides afresh when any fact differs", () => {
    const { decide, made } = counted();
    const first = decide(base);
    const others: Failure[] = [
      { ...base, protocol: "sftp" },
      { ...base, code: "550" },
      { ...base, codeSpace: "winsock" },
      { ...base, operation: "uploadFrom" },
      { ...base, traits: { idempotent: false, commands: ["RETR"] } },
      { ...base, traits: { idempotent: true, connects: true, commands: ["RETR"] } },
      { ...base, traits: { idempotent: true, commands: ["STOR"] } },
      // A list's items are facts one by one: no joined text can make two lists alike.
      { ...base, traits: { idempotent: true, commands: ["RE", "TR"] } },
      { ...base, signals: [] },
      { ...base, signals: ["repeated", "client-closed"] },
      { ...base, finding: "missing" },
      { ...base, reason: "not-found" },
      { ...base, rules: [] },
      { ...base, catalog: {} },
      { ...base, serverMessage: "No such file." },
      { ...base, message: "No such file" },
    ];
    for (const other of others) expect(decide(other)).not.toBe(first);
    expect(made()).toBe(1 + others.length);
  });

  it("keeps the facts as they were: a list changed later does not find the old decision", () => {
    const { decide, made } = counted();
    const commands = ["RETR"];
    const failure = { ...base, traits: { commands } };
    const first = decide(failure);
    commands.push("SIZE");
    expect(decide(failure)).not.toBe(first);
    expect(made()).toBe(2);
  });

  it("keeps nothing for long texts", () => {
    const { decide, made } = counted();
    const long = { ...base, serverMessage: "x".repeat(400) };
    decide(long);
    decide(long);
    expect(made()).toBe(2);
  });
});

describe("the kept sentence of a retry hint", () => {
  it("is made again for another shown text, operation or secrets", () => {
    const failure: Failure = { protocol: "ftp", code: "ERR_hunter22", message: "boom" };
    const plain = classify(failure, "boom").retry.why;
    expect(classify({ ...failure }, "boom").retry.why).toBe(plain);
    expect(classify(failure, "bang").retry.why).toContain('("bang")');
    expect(classify({ ...failure, secrets: ["hunter22"] }, "boom").retry.why).not.toContain(
      "hunter22",
    );
    expect(plain).toContain("hunter22");
    const ambiguous: Failure = {
      protocol: "sftp",
      code: "ECONNRESET",
      traits: { idempotent: false },
      operation: "append",
    };
    expect(classify(ambiguous).retry.why).toMatch(/^append may have taken effect/);
    expect(classify({ ...ambiguous, operation: "rename" }).retry.why).toMatch(/^rename may/);
  });

  it("is a copy per call: changing one hint leaves the next alone", () => {
    const failure: Failure = { protocol: "ftp", code: 450, serverMessage: "busy" };
    const hint = classify(failure).retry;
    hint.why = "changed";
    expect(classify(failure).retry.why).not.toBe("changed");
  });
});
