// What a hostile server text, value or option could do to the core: leak a credential, throw,
// or cost more than linear time. Each case was reproduced on an earlier main.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { classify } from "../src/classify.js";
import { createTransferError } from "../src/error.js";
import { redact } from "../src/redact.js";

describe("URL credentials", () => {
  it("are masked whole when the password holds an unencoded @, /, ? or #", () => {
    for (const password of [
      "p@ssW0rd99",
      "pa/ssW0rd99",
      "pa?ssW0rd99",
      "pa#ssW0rd99",
      "a@b/c?d#e",
    ]) {
      const text = `connect to ftp://user:${password}@files.example.com:21/in failed`;
      const out = redact(text);
      expect(out, password).not.toContain(password.slice(-6));
      expect(out).toContain("ftp://***@files.example.com:21/in failed");
    }
  });

  it("are masked however long they are (tokens are long)", () => {
    const token = "t".repeat(3000);
    expect(redact(`sftp://deploy:${token}@h/x`)).toBe("sftp://***@h/x");
  });

  it("leave a URL without credentials alone", () => {
    expect(redact("see ftp://files.example.com/pub/x.txt now")).toBe(
      "see ftp://files.example.com/pub/x.txt now",
    );
  });

  it("never survive a cut of the cause's message in toJSON and inspect", () => {
    const secret = "Sx9secretPass42";
    const cause = new Error(`${"x".repeat(1990)} ftp://u:${secret}@host/`);
    const e = createTransferError({ protocol: "ftp", code: 550, cause });
    expect(JSON.stringify(e)).not.toContain(secret);
    expect(inspect(e)).not.toContain(secret);
  });
});

describe("an FTP PASS command echoed after a reply code", () => {
  it("is masked, in the message and the cause", () => {
    const e = createTransferError({
      protocol: "ftp",
      code: 530,
      serverMessage: "PASS hunter2secret",
      cause: new Error("530 PASS hunter2secret"),
    });
    expect(JSON.stringify(e)).not.toContain("hunter2secret");
    expect(redact("log in with USER and PASS first")).toBe("log in with USER and PASS first");
  });
});

describe("JavaScript's own errors", () => {
  it("are client-misuse, never permission-denied", () => {
    for (const text of [
      "Cannot read properties of null (reading 'host')",
      "Cannot read properties of undefined (reading 'x')",
      "client.access is not a function",
      "Cannot write to a closed stream",
    ]) {
      expect(classify({ protocol: "ftp", message: text }).reason, text).toBe("client-misuse");
    }
  });
});

describe("values that cannot even be printed", () => {
  it("a revoked proxy as cause: an error, no throw", () => {
    const { proxy, revoke } = Proxy.revocable(() => undefined, {});
    revoke();
    const e = createTransferError({ protocol: "ftp", cause: proxy });
    expect(e.originalError).toBe(proxy);
    expect(() => e.cause).not.toThrow();
    expect(() => JSON.stringify(e)).not.toThrow();
    expect(() => inspect(e)).not.toThrow();
  });
});

describe("the operation", () => {
  it("is redacted like every other shown text", () => {
    const e = createTransferError({
      protocol: "sftp",
      operation: "Sx7opsecret99",
      secrets: ["Sx7opsecret99"],
    });
    expect(e.operation).toBe("***");
    expect(e.message).not.toContain("Sx7opsecret99");
  });
});

describe("linear cost on adversarial megabyte texts", () => {
  const shapes: [string, string][] = [
    ["repeated URL starts", "ftp://".repeat(170_000)],
    ["a URL with a megabyte of credentials and no end", `ftp://${"a:".repeat(500_000)}`],
    ["spaces", `a${" ".repeat(1_000_000)}x /p`],
    ["near-miss keywords", "password ".repeat(110_000)],
    ["PASS after codes", "550 PASS ".repeat(110_000)],
    ["at signs", `ftp://${"@".repeat(1_000_000)}`],
  ];
  it.each(shapes)("%s", (_name, text) => {
    const started = process.cpuUsage();
    createTransferError({
      protocol: "ftp",
      code: 550,
      serverMessage: text,
      message: text,
      path: text.slice(0, 100_000),
      cause: new Error(text),
    });
    redact(text, ["secret1", "secret2"]);
    const used = process.cpuUsage(started);
    // CPU time, not wall time: a loaded machine does not count. Linear work on 1 MB is a few
    // tens of milliseconds; a quadratic pattern takes seconds.
    expect((used.user + used.system) / 1000).toBeLessThan(1_500);
  });
});
