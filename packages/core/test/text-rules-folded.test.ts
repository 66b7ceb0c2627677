// Issue 10 (isRetryable's size): alternatives of a rule's pattern that another alternative of the
// same pattern already matched were folded into it. The wordings they were written for must still
// be read by the same rule.
import { describe, expect, it } from "vitest";
import { classify } from "../src/classify.js";

const cases: [rule: string, code: number, text: string][] = [
  // "(ssl|tls) handshake failed": read by "(ssl|tls) ... handshake ... fail".
  ["tls-failed", 534, "SSL handshake failed"],
  ["tls-failed", 534, "TLS handshaking failed: bad record"],
  ["tls-failed", 534, "TLS handshake error"],
  // "policy requires TLS": read by "requires TLS".
  ["tls-required", 530, "Policy requires SSL"],
  ["tls-required", 530, "Policy require TLS."],
  // "... user or password", "... username or password": read by "invalid user", "invalid username".
  ["login-incorrect", 530, "Invalid user or password"],
  ["login-incorrect", 530, "Wrong username or password."],
  // "temporarily banned": read by "banned".
  ["login-incorrect", 530, "You are temporarily banned"],
  // "error while reading from the data ...": read by "read\w*".
  ["transfer-aborted", 426, "Error while reading from data connection"],
  ["transfer-aborted", 426, "Error during writing to the network"],
  // "operation not permitted": read by "not permitted".
  ["permission-denied", 550, "Operation not permitted"],
  // "data connection: broken pipe": read by "data connection:? ... broken".
  ["transfer-aborted", 426, "Data connection: Broken pipe"],
  ["transfer-aborted", 426, "  data connection: connection reset"],
  // "are not logged in": read by "not logged in".
  ["bad-sequence", 503, "You are not logged in"],
  // "is restarting": read by "restarting".
  ["shutdown", 421, "Server is restarting"],
];

describe("text rules: wordings of folded alternatives", () => {
  it.each(cases)("%s reads %i %s", (rule, code, text) => {
    expect(classify({ protocol: "ftp", code, serverMessage: text }).rule).toBe(rule);
  });
});
