import { describe, expect, it } from "vitest";
import { redact } from "../src/redact.js";

describe("redact", () => {
  it("masks the credentials part of a URL", () => {
    expect(redact("connect to ftp://alice:s3cr3t@example.com/pub")).toBe(
      "connect to ftp://***@example.com/pub",
    );
    expect(redact("sftp://bob@host:22/x")).toBe("sftp://***@host:22/x");
  });

  it("leaves a URL with an empty authority alone (a stack frame's file:///…/@scope+pkg@1.0/…)", () => {
    const frame =
      "    at async file:///app/node_modules/.pnpm/@vitest+runner@4.1.12/node_modules/x.js:1:2";
    expect(redact(frame)).toBe(frame);
    expect(redact(`${frame} ftp://u:pw@h/`)).toBe(`${frame} ftp://***@h/`);
  });

  it("masks password-like key/value pairs", () => {
    expect(redact('{"password":"hunter22","user":"a"}')).not.toContain("hunter22");
    expect(redact("passphrase=abc123 next")).toBe("passphrase=*** next");
    expect(redact("PASS topsecret")).toBe("PASS ***");
    expect(redact("> USER alice\n> PASS topsecret")).toBe("> USER alice\n> PASS ***");
    expect(redact("Please log in with USER and PASS first.")).toBe(
      "Please log in with USER and PASS first.",
    );
  });

  it("masks exact secrets wherever they appear", () => {
    expect(redact("530 User alice with p4ssw0rd! not accepted", ["p4ssw0rd!"])).toBe(
      "530 User alice with *** not accepted",
    );
    expect(redact("xx abcdef yy", [Buffer.from("abcdef")])).toBe("xx *** yy");
  });

  it("masks private keys, whole or cut off", () => {
    const key =
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----";
    expect(redact(`key: ${key} end`)).toBe("key: [private key redacted] end");
    expect(redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow")).toBe("[private key redacted]");
  });

  it("leaves ordinary server texts alone", () => {
    const text = "550 /home/alice/report.csv: No such file or directory";
    expect(redact(text, ["zz", undefined, 42])).toBe(text);
    expect(redact("Permission denied (publickey,password).")).toBe(
      "Permission denied (publickey,password).",
    );
  });

  it("stays linear on megabyte strings", () => {
    const big = `${"a".repeat(1_000_000)}://${"b".repeat(1_000_000)}`;
    // CPU time of this process, not the wall clock: other processes of a busy machine do not
    // count. Linear takes milliseconds; a quadratic pass over 2 MB would take hours.
    const started = process.cpuUsage();
    redact(big, ["secretvalue"]);
    const { user, system } = process.cpuUsage(started);
    expect((user + system) / 1_000).toBeLessThan(2_000);
  });
});
