import { readFileSync } from "node:fs";
import { ftpProbe } from "../diagnose/ftp-probe.js";
import { diagnoseHuman, diagnoseJson } from "../diagnose/output.js";
import { passwordFor } from "../diagnose/password.js";
import type { Probe } from "../diagnose/probe.js";
import { runDiagnosis } from "../diagnose/run.js";
import { sftpProbe } from "../diagnose/sftp-probe.js";
import { readTarget } from "../diagnose/target.js";
import type { Out } from "../explain-output.js";
import { UsageError } from "../usage-error.js";

export interface DiagnoseOptions {
  user?: string;
  json?: boolean;
  timeout: string;
  ca?: string;
  insecure?: boolean;
}

export interface DiagnoseIo {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

function timeoutOf(text: string): number {
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    throw new UsageError(
      `--timeout must be a number of milliseconds from 100 to 600000, not "${text}"`,
    );
  }
  return ms;
}

function readCa(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the --ca file "${path}": ${(error as Error).message}`);
  }
}

/** Masks every occurrence of the password (of 3 characters or more: shorter would mask letters). */
export function scrub(text: string, password: string): string {
  return password.length >= 3 ? text.split(password).join("***") : text;
}

/**
 * A password that is also a word ("the", "server") must not be masked in the fixed labels, where
 * the gaps would reveal it: only what the server and the client said is scrubbed (the adapters
 * already keep it out of their errors). A long password, which no label holds, is also masked in
 * the whole output, as a last line of defence.
 */
const WHOLE_OUTPUT_MIN = 8;

function scrubResults<T extends { detail: string | undefined; subject: string | undefined }>(
  results: readonly T[],
  password: string,
): T[] {
  return results.map((r) => ({
    ...r,
    detail: r.detail === undefined ? undefined : scrub(r.detail, password),
    subject: r.subject === undefined ? undefined : scrub(r.subject, password),
  }));
}

/** Runs the sequence; the text to print (scrubbed of the password) and whether every step passed. */
export async function runDiagnose(
  url: string,
  options: DiagnoseOptions,
  io: DiagnoseIo,
  out: Out,
): Promise<{ text: string; ok: boolean }> {
  const target = readTarget(url, options.user);
  const timeoutMs = timeoutOf(options.timeout);
  if (target.protocol === "sftp" && (options.ca || options.insecure)) {
    throw new UsageError("--ca and --insecure are for ftps:// only");
  }
  const ca = readCa(options.ca);
  const password = await passwordFor(
    {
      user: target.user,
      host: target.host,
      fromUrl: target.password,
      anonymousFtp: target.protocol === "ftp" && target.user === "anonymous",
    },
    io.env,
    io,
  );
  const probe: Probe =
    target.protocol === "sftp"
      ? sftpProbe(target, password, { timeoutMs })
      : ftpProbe(target, password, { timeoutMs, ca, insecure: options.insecure === true });
  const results = scrubResults(await runDiagnosis(target, probe), password);
  const text = options.json
    ? JSON.stringify(diagnoseJson(target, results), null, 2)
    : diagnoseHuman(target, results, out);
  const shown = password.length >= WHOLE_OUTPUT_MIN ? scrub(text, password) : text;
  return { text: shown, ok: results.every((r) => r.status !== "failed") };
}
