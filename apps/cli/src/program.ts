// The command line: commander parses, the commands compute a text, this file prints it and
// decides the exit code. Nothing below calls process.exit, so stdout is always flushed.
import { readFileSync } from "node:fs";
import { redact } from "@transfer-errors/core";
import { Command, CommanderError, Option } from "commander";
import { runExplain, runList } from "./commands/explain.js";
import { PASSWORD_VARIABLE } from "./diagnose/password.js";
import type { Out } from "./explain-output.js";
import { widthOf } from "./layout.js";
import { styleFor, useColor } from "./style.js";
import { exitCodes, UsageError } from "./usage-error.js";

export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return String(pkg.version);
}

function protocolOption() {
  return new Option("-p, --protocol <protocol>", "only FTP or only SFTP").choices(["ftp", "sftp"]);
}

function outFor(io: Io): Out {
  return { style: styleFor(useColor(io.stdout, io.env)), width: widthOf(io.stdout) };
}

function build(io: Io, setExit: (code: number) => void): Command {
  const print = (text: string) => io.stdout.write(`${text}\n`);
  const program = new Command("transfer-errors")
    .description(
      "Explain FTP reply codes, SFTP status codes and pasted FTP/SFTP error lines; diagnose a server.",
    )
    .version(version(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(add --help for usage)")
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      // Commander echoes arguments in its errors: a pasted URL may carry a password.
      writeErr: (s) => io.stderr.write(redact(s)),
    })
    .exitOverride();

  program
    .command("explain")
    .description(
      "explain an FTP reply code (100-699), an SFTP status (0-31 or SSH_FX_NAME), or a whole error line",
    )
    .argument(
      "<code...>",
      'a code, a name, or an error line: 550, SSH_FX_FAILURE, "550 Failed to open file."',
    )
    .addOption(protocolOption())
    .option("--json", "print one JSON object")
    .addHelpText(
      "after",
      `
Examples:
  transfer-errors explain 550
  transfer-errors explain 2 --protocol sftp
  transfer-errors explain SSH_FX_PERMISSION_DENIED
  transfer-errors explain "530 Login incorrect."
  transfer-errors explain "Error: get: No such file /x"

Exit codes: 0 explained (known, or an unknown FTP code read from its digits), 2 not a code.`,
    )
    .action((words: string[], options) => {
      print(runExplain(words, options, outFor(io)));
      setExit(exitCodes.ok);
    });

  program
    .command("list")
    .description("list every FTP reply code and SFTP status in the registry")
    .addOption(protocolOption())
    .option("--json", "print a JSON array")
    .action((options) => {
      print(runList(options, outFor(io)));
      setExit(exitCodes.ok);
    });

  program
    .command("diagnose")
    .description(
      "connect to an FTP, FTPS or SFTP server and run a short read-only sequence: connect, login, pwd, list, size",
    )
    .argument("<url>", "ftp://[user@]host[:port]/[path], ftps://... (explicit TLS) or sftp://...")
    .option("-u, --user <name>", "the user name (instead of one in the URL)")
    .option("--json", "print one JSON object")
    .option("--timeout <ms>", "deadline of each step in milliseconds", "10000")
    .option(
      "--ca <file>",
      "ftps: trust the certificates in this PEM file (a private CA, a self-signed server)",
    )
    .option("--insecure", "ftps: do not verify the server's certificate")
    .addHelpText(
      "after",
      `
The password comes from the URL, from ${PASSWORD_VARIABLE}, or from a prompt that does
not echo it. It is never printed. Without a user, FTP logs in as anonymous.

Paths, as curl reads them: /~/ starts at the login (home) directory in both protocols
(ftp://host/~/file and sftp://host/~/file are the same file). Otherwise FTP paths start at
the login directory (ftp://host/dir/file; /%2F for the root: ftp://host/%2Fsrv/file) and
SFTP paths at the root (sftp://host/var/data/file). A path that ends in "/" is a directory
to list; otherwise its directory is listed and the file is sized. When a path is not found,
the failure says how to write it from the other starting point.

Examples:
  transfer-errors diagnose ftp://alice@ftp.example.com/outgoing/report.csv
  ${PASSWORD_VARIABLE}=... transfer-errors diagnose ftps://alice@ftp.example.com/ --json
  transfer-errors diagnose sftp://deploy@files.example.com/~/uploads/

Exit codes: 0 every step passed, 1 the server refused something (or could not be reached),
2 bad input (the URL, an option, no password).`,
    )
    .action(async (url: string, options) => {
      // Loaded on use: the SSH and FTP clients are not needed to explain a code.
      const { runDiagnose } = await import("./commands/diagnose.js");
      const result = await runDiagnose(url, options, io, outFor(io));
      print(result.text);
      setExit(result.ok ? exitCodes.ok : exitCodes.refused);
    });

  return program;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exit: number = exitCodes.ok;
  const program = build(io, (code) => {
    exit = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are answers; every other parse error is a usage mistake (already printed).
      const answered = ["commander.helpDisplayed", "commander.version"].includes(error.code);
      return answered ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof UsageError) {
      // The message may quote the input, and a pasted line may carry credentials.
      io.stderr.write(`transfer-errors: ${redact(error.message)}\n`);
      return exitCodes.usage;
    }
    io.stderr.write(
      `transfer-errors: internal error, please report it: ${redact(String(error))}\n`,
    );
    if (error instanceof Error && error.stack) io.stderr.write(`${redact(error.stack)}\n`);
    return exitCodes.internal;
  }
}
