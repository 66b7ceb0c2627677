// Runs the BUILT binary (dist/bin.js) as a child process, as a user's shell would.
import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const binPath = join(appDir, "dist", "bin.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function assertBuilt(): void {
  if (!existsSync(binPath)) {
    throw new Error(
      `${binPath} is missing: run "pnpm build" first (the tests run the built binary)`,
    );
  }
}

/** A clean environment: no colour overrides, no password, unless the test sets them. */
function envOf(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: "C.UTF-8",
  };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

/** stdin is /dev/null: no person at the terminal. */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CliResult> {
  assertBuilt();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binPath, ...args],
      {
        env: envOf(options.env ?? {}),
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Runs the binary on a pseudo-terminal (util-linux `script`), so that stdout is a TTY as for a
 * person; `input` is typed into it. Returns everything the terminal showed.
 */
export function runCliOnTty(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; input?: string; columns?: number } = {},
): Promise<CliResult> {
  assertBuilt();
  const quoted = [process.execPath, binPath, ...args]
    .map((a) => `'${a.replace(/'/g, "'\\''")}'`)
    .join(" ");
  // A terminal of a given width, as a person's window would be.
  const command = options.columns ? `stty cols ${options.columns} rows 50; exec ${quoted}` : quoted;
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      env: envOf({ TERM: "xterm-256color", ...options.env }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (options.input !== undefined) {
      // Type once the prompt is there, as a person would.
      const typeWhenAsked = () => {
        if (/Password for/.test(stdout)) child.stdin.end(options.input);
        else setTimeout(typeWhenAsked, 25);
      };
      typeWhenAsked();
    }
  });
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(join(appDir, "package.json"), "utf8")).version;
}

/** ESC [ ... m: what colours look like in a terminal's byte stream. */
export const ANSI = /\u001b\[[0-9;]*m/;

/** What a stack trace looks like: a user's mistake must never print one. */
export const STACK = /^\s+at .+\(?.+:\d+:\d+\)?$/m;
