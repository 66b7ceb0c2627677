// fast-check over the CLI's argument parsing, run in-process on the built program (apps/cli,
// `run(argv, io)`, as bin.js calls it): any argv ends in a documented exit code with no internal
// error, --json prints JSON, and no secret typed in an argument or a pasted line is printed.
import { Readable } from "node:stream";
import { runs } from "@transfer-errors/testkit/fast-check";
import { closedPort } from "@transfer-errors/testkit/net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sink } from "../src/fuzz-cli.ts";
import { plant, plantings, secretArb } from "../src/fuzz-inputs.ts";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

type Run = (argv: readonly string[], io: unknown) => Promise<number>;

// The built program: the CLI package exports only its binary. `pnpm build` comes first.
const program = new URL("../../../apps/cli/dist/program.js", import.meta.url).href;
const { run } = (await import(program)) as { run: Run };

async function cli(argv: readonly string[]): Promise<Result> {
  const stdout = sink();
  const stderr = sink();
  const stdin = Object.assign(Readable.from([]), { isTTY: false });
  const code = await run(argv, { stdin, stdout, stderr, env: { LANG: "C.UTF-8" } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const words = fc.oneof(
  fc.constantFrom(
    "explain",
    "list",
    "--json",
    "--protocol",
    "-p",
    "ftp",
    "sftp",
    "ftps",
    "--help",
    "-h",
    "-V",
    "--version",
    "550",
    "2",
    "SSH_FX_FAILURE",
    "530 Login incorrect.",
    "--",
    "-",
    "",
    "--nope",
    "999",
    "-1",
    "1e3",
    "0x226",
  ),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -10, max: 1000 }).map(String),
);

// diagnose connects to servers: it has its own property below, against a closed local port.
const argvArb = fc.array(words, { maxLength: 6 }).filter((argv) => !argv.includes("diagnose"));

const helpAndVersion = ["-h", "--help", "-V", "--version", "-Vx"];

/**
 * An argument commander reads as its help or version option wherever it stands (found by
 * fast-check: `explain -V --json` prints the version, not JSON). -V may lead a group of short
 * options ("-Vx"): the version is printed before the rest is read.
 */
function asksForHelpOrVersion(word: string): boolean {
  return ["-h", "--help", "--version"].includes(word) || word.startsWith("-V");
}

describe("CLI argument parsing", () => {
  it("ends every argv in 0 or 2, never in an internal error", async () => {
    await fc.assert(
      fc.asyncProperty(argvArb, async (argv) => {
        const result = await cli(argv);
        expect([0, 2], `${JSON.stringify(argv)}: ${result.stderr}`).toContain(result.code);
        expect(result.stderr).not.toMatch(/internal error/);
      }),
      runs(300),
    );
  });

  it("prints one JSON value with --json whenever explain succeeds", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: -5, max: 800 }).map(String),
          fc.string({ maxLength: 20 }),
          fc.constantFrom(...helpAndVersion),
        ),
        fc.constantFrom([], ["--protocol", "ftp"], ["--protocol", "sftp"]),
        async (code, protocol) => {
          const result = await cli(["explain", code, ...protocol, "--json"]);
          expect([0, 2]).toContain(result.code);
          if (asksForHelpOrVersion(code)) {
            // Not a code: commander's own option, honoured anywhere, prints help or the version.
            expect(result.code).toBe(0);
            expect(result.stdout).not.toBe("");
            return;
          }
          if (result.code === 0) expect(() => JSON.parse(result.stdout)).not.toThrow();
          else expect(result.stdout).toBe("");
        },
      ),
      runs(200),
    );
  });

  it("never prints a secret from a pasted error line", async () => {
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        fc.constantFrom(...plantings),
        fc.constantFrom("530 ", "550 ", "Error: connect: ", ""),
        fc.boolean(),
        async (secret, where, prefix, json) => {
          const line = `${prefix}${plant(secret, where)}`;
          const result = await cli(["explain", line, ...(json ? ["--json"] : [])]);
          expect(`${result.stdout}\n${result.stderr}`).not.toContain(secret);
        },
      ),
      runs(150),
    );
  });

  it("diagnose never prints the password of its URL", async () => {
    const port = await closedPort();
    await fc.assert(
      fc.asyncProperty(
        secretArb,
        fc.constantFrom("ftp", "ftps", "sftp"),
        fc.boolean(),
        async (secret, scheme, json) => {
          const url = `${scheme}://tester:${secret}@127.0.0.1:${port}/dir/file.txt`;
          const result = await cli([
            "diagnose",
            url,
            "--timeout",
            "500",
            ...(json ? ["--json"] : []),
          ]);
          // Nobody listens: the server "refused" (1); never a usage error or an internal one.
          expect(result.code, result.stderr).toBe(1);
          expect(`${result.stdout}\n${result.stderr}`).not.toContain(secret);
        },
      ),
      runs(20),
    );
  });
});
