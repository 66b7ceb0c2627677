import { readFileSync } from "node:fs";
import { join } from "node:path";
import { explain, listCodes } from "@transfer-errors/core";
import { describe, expect, it } from "vitest";
import { ANSI, appDir, packageVersion, runCli, runCliOnTty, STACK } from "./run-cli.js";

describe("explain <code>", () => {
  it("prints every field of a known FTP code and exits 0", async () => {
    const { code, stdout, stderr } = await runCli(["explain", "550"]);
    const info = explain(550)!;
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.split("\n")[0]).toBe(`FTP 550 ${info.name}`);
    // The long texts are wrapped: compare them with the line breaks taken out.
    const flat = stdout.replace(/\n\s+/g, " ");
    for (const label of ["official text", "means", "what to do", "retry", "source"]) {
      expect(stdout).toMatch(new RegExp(`^  ${label} `, "m"));
    }
    expect(flat).toContain(info.text);
    expect(flat).toContain(info.meaning);
    expect(flat).toContain(info.action);
    expect(flat).toMatch(/retry\s+permanent/);
    expect(flat).toMatch(/source\s+RFC 959/);
  });

  it("says transient for a 4xx code", async () => {
    const { code, stdout } = await runCli(["explain", "450"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/retry\s+transient/);
  });

  it("reads an unknown FTP code from its digits and says so", async () => {
    const { code, stdout } = await runCli(["explain", "457"]);
    expect(code).toBe(0);
    expect(explain(457)?.known).toBe(false);
    expect(stdout.split("\n")[0]).toMatch(/^FTP 457 .*read from its digits/);
    expect(stdout).toMatch(/retry\s+transient/);
  });

  it("explains SFTP statuses by number and by SSH_FX name", async () => {
    const byName = await runCli(["explain", "SSH_FX_PERMISSION_DENIED"]);
    const byNumber = await runCli(["explain", "3", "--protocol", "sftp"]);
    expect(byName.code).toBe(0);
    expect(byName.stdout.split("\n")[0]).toBe("SFTP 3 SSH_FX_PERMISSION_DENIED");
    expect(byNumber.stdout).toBe(byName.stdout);
    expect(byName.stdout).toMatch(/source\s+draft-ietf-secsh-filexfer/);
  });

  it("prints the registry entry as one JSON object with --json", async () => {
    const { code, stdout } = await runCli(["explain", "SSH_FX_NO_SUCH_FILE", "--json"]);
    expect(code).toBe(0);
    // The entry, and (for a code servers send with several meanings) what they send with it.
    const { serverTexts: _texts, ...entry } = JSON.parse(stdout);
    expect(entry).toEqual(JSON.parse(JSON.stringify(explain("SSH_FX_NO_SUCH_FILE"))));
  });

  it("recognises the messages of node-ftp, promise-ftp and ssh2 too", async () => {
    const cases: [string[], RegExp][] = [
      [["explain", "Error: Unable to parse PASV server response"], /: protocol-error/],
      [
        [
          "explain",
          "FtpConnectionError: can't perform 'get' command when connection status is: disconnected",
        ],
        /: connection-lost/,
      ],
      [["explain", "Error: No response from server", "--protocol", "sftp"], /: connection-lost/],
      [
        [
          "explain",
          "Error: Received exit code 127 while establishing SFTP session",
          "--protocol",
          "sftp",
        ],
        /: unsupported/,
      ],
    ];
    for (const [args, first] of cases) {
      const { code, stdout } = await runCli(args);
      expect(code, args.join(" ")).toBe(0);
      expect(stdout.split("\n")[0], args.join(" ")).toMatch(first);
    }
  });

  it("names the catalogued servers that send a pasted reply, and what each means by it", async () => {
    const { code, stdout } = await runCli(["explain", "550 Failed to open file."]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Sent by 1 catalogued server/);
    expect(stdout).toMatch(
      /vsftpd 3\.0\.5\s+RETR: file-unavailable, permanent: one text for missing/,
    );
    const errno = await runCli(["explain", "550 /srv/x: No such file or directory"]);
    expect(errno.stdout).toMatch(/ProFTPD [^\n]*: not-found, permanent/);
    // A reply no catalogued server sends names none.
    const unknown = await runCli(["explain", "550 the moon is made of cheese"]);
    expect(unknown.stdout).not.toMatch(/Sent by/);
  });

  it("shows what servers send with an ambiguous code, grouped by meaning", async () => {
    const human = await runCli(["explain", "550"]);
    expect(human.stdout).toMatch(/What servers send with FTP 550: \d+ meanings/);
    expect(human.stdout).toMatch(/^ {2}not-found, permanent: /m);
    expect(human.stdout).toMatch(/^ {2}permission-denied, permanent: /m);
    const json = JSON.parse((await runCli(["explain", "550", "--json"])).stdout);
    type Text = { product: string; text: string; reason: string; source: string };
    const texts = json.serverTexts as Text[];
    expect(new Set(texts.map((t) => t.reason)).size).toBeGreaterThan(2);
    for (const t of texts) {
      expect(t).toEqual(
        expect.objectContaining({
          product: expect.any(String),
          text: expect.any(String),
          source: expect.any(String),
        }),
      );
      // Each product's first text of each meaning is on the product's line of the human form.
      const first = texts.find((o) => o.product === t.product && o.reason === t.reason)!;
      const line = human.stdout
        .split("\n")
        .find((l) => l.startsWith(`    ${t.product} `) && l.includes(`"${first.text}"`));
      expect(line, `${t.product}: ${first.text}`).toBeDefined();
    }
  });

  it("shows server texts for every ambiguous code of the corpus, SFTP 4 included", async () => {
    const file = JSON.parse(readFileSync(join(appDir, "dist", "server-texts.json"), "utf8")) as {
      codes: { protocol: string; code: number; reasons: string[] }[];
    };
    expect(file.codes.some((c) => c.protocol === "sftp" && c.code === 4)).toBe(true);
    for (const entry of file.codes) {
      expect(entry.reasons.length).toBeGreaterThan(1);
      const { stdout } = await runCli([
        "explain",
        String(entry.code),
        "--protocol",
        entry.protocol,
      ]);
      expect(stdout).toContain(
        `What servers send with ${entry.protocol.toUpperCase()} ${entry.code}: ${entry.reasons.length} meanings`,
      );
    }
  });

  it("shows no server texts for a code whose texts all mean the same", async () => {
    const { stdout } = await runCli(["explain", "230"]);
    expect(stdout).not.toContain("What servers send");
  });

  it("exits 2 with one line on stderr when the input is no code at all", async () => {
    for (const args of [
      ["explain", "hello"],
      ["explain", "42"],
      ["explain", "700"],
      ["explain", "550", "--protocol", "sftp"],
    ]) {
      const { code, stdout, stderr } = await runCli(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/^transfer-errors: .* is not an? /);
      expect(stderr).not.toMatch(STACK);
    }
  });

  it('says "an FTP code", and what the code is in the other protocol', async () => {
    const ftp = await runCli(["explain", "2", "--protocol", "ftp"]);
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toContain('"2" is not an FTP code');
    expect(ftp.stderr).not.toMatch(/\ba FTP\b/);
    expect(ftp.stderr).toContain("It is an SFTP code: SFTP 2 SSH_FX_NO_SUCH_FILE (not-found)");
    expect(ftp.stderr).toContain("transfer-errors explain 2 --protocol sftp");
    const sftp = await runCli(["explain", "550", "--protocol", "sftp"]);
    expect(sftp.stderr).toContain('"550" is not an SFTP code');
    expect(sftp.stderr).toContain("It is an FTP code: FTP 550 FILE_UNAVAILABLE");
    const neither = await runCli(["explain", "42", "--protocol", "ftp"]);
    expect(neither.stderr).toContain('"42" is not an FTP code');
    expect(neither.stderr).not.toContain("It is an");
    expect(neither.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("explain <pasted error line>", () => {
  async function explained(line: string, ...flags: string[]) {
    const result = await runCli(["explain", line, "--json", ...flags]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  }

  it("classifies an FTP reply line by its text, like the basic-ftp adapter", async () => {
    const generic = await explained("550 Failed to open file.");
    expect(generic).toMatchObject({
      protocol: "ftp",
      code: 550,
      codeName: "FILE_UNAVAILABLE",
      reason: "file-unavailable",
    });
    expect(generic.serverMessage).toBe("Failed to open file.");
    expect(generic.entry.code).toBe(550);
    expect(await explained("550 /x: No such file or directory")).toMatchObject({
      reason: "not-found",
    });
    expect(await explained("Error: 553 Could not create file.")).toMatchObject({ code: 553 });
    const busy = await explained(
      "FTPError: 530 Sorry, the maximum number of clients (5) for this user are already connected.",
    );
    expect(busy).toMatchObject({ reason: "service-unavailable", retryable: true });
  });

  it("classifies ssh2-sftp-client's messages like the ssh2-sftp-client adapter", async () => {
    const missing = await explained("Error: get: No such file /x");
    expect(missing).toMatchObject({
      protocol: "sftp",
      reason: "not-found",
      operation: "get",
      retryable: false,
    });
    expect(missing.protocolAssumed).toBe(false);
    const auth = await explained("connect: All configured authentication methods failed");
    expect(auth).toMatchObject({ protocol: "sftp", reason: "auth-failed" });
  });

  it("reads an SFTP status name inside a line", async () => {
    const line = await explained("SSH_FX_FAILURE: Directory not empty");
    expect(line).toMatchObject({
      protocol: "sftp",
      code: 4,
      codeName: "SSH_FX_FAILURE",
      reason: "directory-not-empty",
    });
  });

  it("reads Node system codes, and says when it assumed the protocol", async () => {
    const refused = await explained("connect ECONNREFUSED 127.0.0.1:21");
    expect(refused).toMatchObject({
      code: "ECONNREFUSED",
      reason: "connection-refused",
      retryable: true,
    });
    expect(refused.retry.reconnect).toBe(true);
    expect(refused.protocolAssumed).toBe(true);
    const chosen = await explained("connect ECONNREFUSED 127.0.0.1:22", "--protocol", "sftp");
    expect(chosen).toMatchObject({ protocol: "sftp", protocolAssumed: false });
  });

  it("prints the classification and the code's entry in human form", async () => {
    const { code, stdout } = await runCli(["explain", "530 Login incorrect."]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("FTP 530 NOT_LOGGED_IN: auth-failed");
    expect(stdout).toMatch(/server said\s+Login incorrect\./);
    expect(stdout).toMatch(/^explanation|^ {2}explanation /m);
    expect(stdout).toMatch(/^FTP 530 NOT_LOGGED_IN$/m);
  });
});

describe("list", () => {
  it("lists every registry entry, as JSON too", async () => {
    const json = await runCli(["list", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(listCodes())));
    const human = await runCli(["list"]);
    const rows = human.stdout.split("\n").filter((l) => /^(ftp|sftp) +\d+ /.test(l));
    expect(rows).toHaveLength(listCodes().length);
  });

  it("keeps every line within 100 columns in a pipe, the text wrapped under its row", async () => {
    const { stdout } = await runCli(["list"]);
    const lines = stdout.trimEnd().split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    // The longest official text is all there, wrapped.
    const longest = listCodes().reduce((a, b) => (b.text.length > a.text.length ? b : a));
    expect(stdout.replace(/\n {10}/g, " ")).toContain(longest.text);
  });

  it("keeps every line within the width of the terminal it runs on", async () => {
    for (const columns of [60, 80]) {
      const { code, stdout } = await runCliOnTty(["list"], { env: { NO_COLOR: "1" }, columns });
      expect(code).toBe(0);
      const lines = stdout.replace(/\r/g, "").trimEnd().split("\n");
      expect(
        lines.filter((l) => l.length > columns),
        `${columns} columns`,
      ).toEqual([]);
      expect(lines.filter((l) => /^(ftp|sftp) +\d+ /.test(l))).toHaveLength(listCodes().length);
    }
  });

  it("lists one protocol with --protocol", async () => {
    const { stdout } = await runCli(["list", "--protocol", "sftp", "--json"]);
    const entries = JSON.parse(stdout) as { protocol: string }[];
    expect(entries).toHaveLength(listCodes("sftp").length);
    expect(entries.every((e) => e.protocol === "sftp")).toBe(true);
  });
});

describe("conventions", () => {
  it("has --help for the program and every command", async () => {
    for (const args of [
      ["--help"],
      ["explain", "--help"],
      ["list", "--help"],
      ["diagnose", "--help"],
    ]) {
      const { code, stdout } = await runCli(args);
      expect(code, args.join(" ")).toBe(0);
      expect(stdout).toMatch(/^Usage: transfer-errors/);
    }
  });

  it("prints the package version with --version", async () => {
    const { code, stdout } = await runCli(["--version"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(packageVersion());
  });

  it("exits 2 on a usage mistake, with the error on stderr and no stack trace", async () => {
    for (const args of [
      ["explain"],
      ["explain", "550", "--protocol", "http"],
      ["frobnicate"],
      ["list", "--bogus"],
      [],
    ]) {
      const { code, stdout, stderr } = await runCli(args);
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.length).toBeGreaterThan(0);
      expect(stderr).not.toMatch(STACK);
    }
  });

  it("colours its output on a terminal only, and never with NO_COLOR", async () => {
    const tty = await runCliOnTty(["explain", "550"]);
    expect(tty.code).toBe(0);
    expect(tty.stdout).toMatch(ANSI);
    const noColor = await runCliOnTty(["explain", "550"], { env: { NO_COLOR: "1" } });
    expect(noColor.stdout).toContain("FTP 550 FILE_UNAVAILABLE");
    expect(noColor.stdout).not.toMatch(ANSI);
    const piped = await runCli(["explain", "550"]);
    expect(piped.stdout).not.toMatch(ANSI);
  });
});
