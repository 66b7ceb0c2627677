// The CLI's entry points are its commands: run in-process on the built program (apps/cli,
// `run(argv, io)`, as bin.js calls it), with what the user typed taken from the fuzz case. The
// commands are read from the program's own help, so a new command without a driver fails the
// coverage test.
import { Readable } from "node:stream";
import { closedPort } from "@transfer-errors/testkit/net";
import type { Driver, Entry } from "./fuzz-entry-points.ts";
import type { FuzzCase } from "./fuzz-inputs.ts";

type Run = (argv: readonly string[], io: unknown) => Promise<number>;

// The built program: the CLI package exports only its binary. `pnpm build` comes first.
const program = new URL("../../../apps/cli/dist/program.js", import.meta.url).href;
const { run } = (await import(program)) as { run: Run };

/** The environment variable diagnose reads its password from. */
export const PASSWORD_VARIABLE = "TRANSFER_ERRORS_PASSWORD";

/** A stream stand-in that keeps what the CLI writes. */
export function sink() {
  const stream = {
    text: "",
    isTTY: false,
    columns: 100,
    write(chunk: string | Uint8Array, ...rest: unknown[]) {
      stream.text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      const callback = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      callback?.();
      return true;
    },
  };
  return stream;
}

export interface CliResult {
  code: number;
  /** stdout and stderr, as a person at the terminal sees them. */
  output: string;
}

export async function cli(
  argv: readonly string[],
  env: Record<string, string> = {},
): Promise<CliResult> {
  const stdout = sink();
  const stderr = sink();
  const stdin = Object.assign(Readable.from([]), { isTTY: false });
  const code = await run(argv, { stdin, stdout, stderr, env: { LANG: "C.UTF-8", ...env } });
  return { code, output: `${stdout.text}\n${stderr.text}` };
}

/** The commands the program's help lists (`explain`, `list`, `diagnose`, `help`). */
export async function commandsOf(): Promise<string[]> {
  const { output } = await cli(["--help"]);
  const section = output.split(/^Commands:$/m)[1] ?? "";
  return [...section.matchAll(/^ {2}(\w[\w-]*)/gm)].map((m) => m[1]!);
}

/** A documented exit code, never the internal error's (70). */
function checked(result: CliResult, allowed: readonly number[], argv: readonly string[]): string {
  if (!allowed.includes(result.code)) {
    throw new Error(
      `exit code ${result.code} for ${JSON.stringify(argv).slice(0, 300)}: ${result.output.slice(0, 500)}`,
    );
  }
  return result.output;
}

async function runChecked(
  argv: readonly string[],
  allowed: readonly number[],
  env?: Record<string, string>,
): Promise<string> {
  return checked(await cli(argv, env), allowed, argv);
}

let port: number | undefined;

async function refusingPort(): Promise<number> {
  port ??= await closedPort();
  return port;
}

/** The password percent-encoded; one with a lone surrogate cannot be (URIError): typed raw. */
function percentEncoded(password: string): string {
  try {
    return encodeURIComponent(password);
  } catch {
    return password;
  }
}

/** The password a diagnose run is given: the case's first secret, or its text. */
function passwordOf(c: FuzzCase): string {
  return c.secrets[0] ?? (c.text.length >= 3 ? c.text : "Sxdiagnosepw");
}

const explain: Driver = {
  primary: true,
  run: async (c) => [
    await runChecked(["explain", c.text], [0, 2]),
    await runChecked(["explain", c.text, "--json"], [0, 2]),
    await runChecked(["explain", c.text, "--protocol", "sftp"], [0, 2]),
  ],
  text: (text) => cli(["explain", text]),
};

const list: Driver = {
  // No input of its own but its options: commander echoes a wrong value in its error.
  run: async (c) => [await runChecked(["list", "--protocol", c.text], [0, 2])],
};

const help: Driver = {
  run: async (c) => [await runChecked(["help", c.text], [0, 2])],
};

const diagnose: Driver = {
  knowsSecrets: true,
  primary: true,
  run: async (c) => {
    const password = passwordOf(c);
    const p = await refusingPort();
    // The credential goes where diagnose takes one, the URL's password (and the environment);
    // the path is the user's own choice of a file, and shown as typed.
    const path = "/dir/file.txt";
    const outputs: string[] = [];
    // Quick ones: rejected before any connection (a usage error, exit code 2).
    for (const url of [
      `ftp://tester:${password}@127.0.0.1:${p}${path}?query`,
      `ftp://tester:${password}@127.0.0.1:${p}/#fragment`,
      `gopher://tester:${password}@127.0.0.1:${p}/`,
      `ftp://tester:${password}%E0%A4%A@127.0.0.1:${p}/`,
      `ftp://tester:${password}@`,
      `ftp://tester:${password}@[::1/`,
    ]) {
      outputs.push(await runChecked(["diagnose", url], [1, 2]));
    }
    // Refused connections: the password in the URL (raw and encoded) and in the environment.
    const scheme = ["ftp", "ftps", "sftp"][c.how.length % 3]!;
    const encoded = percentEncoded(password);
    outputs.push(
      await runChecked(
        ["diagnose", `${scheme}://tester:${password}@127.0.0.1:${p}${path}`, "--timeout", "500"],
        [1, 2],
      ),
      await runChecked(
        [
          "diagnose",
          `${scheme}://tester:${encoded}@127.0.0.1:${p}${path}`,
          "--timeout",
          "500",
          "--json",
        ],
        [1, 2],
      ),
      await runChecked(
        ["diagnose", `${scheme}://tester@127.0.0.1:${p}/`, "--timeout", "500"],
        [1, 2],
        {
          [PASSWORD_VARIABLE]: password,
        },
      ),
    );
    // The CLI always knows its password, also when the case planted none the checks look for.
    const shown = outputs.find((output) => password.length >= 12 && output.includes(password));
    if (shown !== undefined)
      throw new Error(`diagnose printed its password: ${shown.slice(0, 500)}`);
    return outputs;
  },
  text: (text) => cli(["diagnose", `ftp://tester:${text}@127.0.0.1:1/x?query`]),
};

/** The CLI's commands and their drivers. */
export const cliEntryPoints: Record<string, Entry> = { explain, list, diagnose, help };
