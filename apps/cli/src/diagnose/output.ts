// The human and JSON forms of a diagnose run.
import type { Out } from "../explain-output.js";
import { field, wrap } from "../layout.js";
import type { StepResult } from "./run.js";
import { displayUrl, otherReading, pathOf, type Target } from "./target.js";

function describe(target: Target): string {
  const protocol =
    target.protocol === "sftp" ? "SFTP" : target.tls ? "FTP with explicit TLS" : "FTP, no TLS";
  if (pathOf(target) === "") return protocol;
  const from = target.from === "root" ? "the server's root" : "the login directory";
  return `${protocol}; the path from ${from}`;
}

function statusWord(result: StepResult, out: Out): string {
  if (result.status === "ok") return out.style.green("ok  ");
  if (result.status === "failed") return out.style.red("FAIL");
  return out.style.dim("skip");
}

const PATH_STEPS = new Set(["list", "size", "stat"]);

/**
 * What to change in the command for a failure it can fix: trust a certificate, or read the path
 * from the other starting point (a missing /hello.txt may be hello.txt in the login directory).
 */
export function hintOf(
  target: Target,
  result: StepResult,
  results: readonly StepResult[],
): string | undefined {
  const error = result.error;
  if (!error) return undefined;
  if (result.step === "tls" && error.reason === "tls-failed") {
    return "trust the server's certificate with --ca <file.pem>, or skip the check with --insecure";
  }
  if (!PATH_STEPS.has(result.step) || error.reason !== "not-found") return undefined;
  const other = otherReading(target);
  if (!other) return undefined;
  const pwd = results.find((r) => r.step === "pwd" && r.status === "ok")?.detail;
  const login = `the login directory${pwd ? ` (${pwd})` : ""}`;
  const proto = target.protocol.toUpperCase();
  const start =
    target.from === "root"
      ? `${proto} paths ${target.protocol === "ftp" ? "after /%2F " : ""}start at the server's root`
      : `${proto} paths ${target.protocol === "sftp" ? "after /~/ " : ""}start at ${login}`;
  const instead =
    other.from === "home"
      ? `for ${pathOf(other)} in ${login}, use ${displayUrl(other)}`
      : `for ${pathOf(other)} from the server's root, use ${displayUrl(other)}`;
  return `${start}, as curl reads them; ${instead}`;
}

function errorLines(result: StepResult, out: Out, hintText: string | undefined): string[] {
  const error = result.error!;
  const opts = { indent: 16, labelWidth: 12, width: out.width, styleLabel: out.style.dim };
  const code =
    error.code === undefined
      ? "(none)"
      : `${String(error.code)}${error.codeName ? ` ${error.codeName}` : ""}`;
  const retry = `${error.retryable ? "yes" : "no"}${error.retryable && error.retry.reconnect ? ", reconnect first" : ""}${
    error.retry.delayMs ? `, after ${error.retry.delayMs} ms` : ""
  }: ${error.retry.why}`;
  const hint = hintText ? field("hint", hintText, opts) : [];
  return [
    ...field("reason", out.style.bold(error.reason), opts),
    ...field("code", code, opts),
    ...(error.serverMessage ? field("server said", error.serverMessage, opts) : []),
    ...field("explanation", error.explanation, opts),
    ...field("retry", retry, opts),
    ...hint,
  ];
}

/** "  ok    list     (login directory): 6 entries: ...  34 ms", wrapped under its text. */
function stepLine(result: StepResult, out: Out, hint: string | undefined): string[] {
  const prefix = `  ${statusWord(result, out)}  ${out.style.bold(result.step.padEnd(7))} `;
  const indent = " ".repeat(16);
  const what =
    result.status === "skipped"
      ? `${result.subject ? `${result.subject} ` : ""}(not run: ${result.detail})`
      : [result.subject, result.detail].filter(Boolean).join(": ");
  const timing = result.status === "skipped" ? "" : ` ${result.ms}ms`;
  const lines = wrap(`${what}${timing}`, Math.max(20, out.width - indent.length));
  const last = lines.length - 1;
  // The timing is dimmed after wrapping, so that its colour codes do not count as width.
  if (timing && lines[last]!.endsWith(timing)) {
    lines[last] = `${lines[last]!.slice(0, -timing.length)}${out.style.dim(timing)}`;
  }
  const text = lines.map((line, i) => (i === 0 ? `${prefix}${line}` : `${indent}${line}`));
  return result.status === "failed" ? [...text, ...errorLines(result, out, hint)] : text;
}

export function diagnoseHuman(target: Target, results: readonly StepResult[], out: Out): string {
  const failed = results.filter((r) => r.status === "failed");
  const lines = [
    out.style.bold(`Diagnosing ${displayUrl(target)} as ${target.user} (${describe(target)})`),
  ];
  for (const result of results) {
    lines.push(...stepLine(result, out, hintOf(target, result, results)));
  }
  lines.push("");
  if (failed.length === 0) {
    lines.push(out.style.green(`All ${results.length} steps passed.`));
  } else {
    const what = failed.map((r) => `${r.step} (${r.error!.reason})`).join(", ");
    lines.push(out.style.red(`${failed.length} of ${results.length} steps failed: ${what}.`));
  }
  return lines.join("\n");
}

export function diagnoseJson(target: Target, results: readonly StepResult[]): unknown {
  return {
    url: displayUrl(target),
    protocol: target.protocol,
    tls: target.tls,
    host: target.host,
    port: target.port,
    user: target.user,
    ok: results.every((r) => r.status !== "failed"),
    steps: results.map((r) => ({
      step: r.step,
      subject: r.subject ?? null,
      status: r.status,
      ms: r.ms,
      detail: r.detail ?? null,
      error: r.error ? r.error.toJSON() : null,
      hint: hintOf(target, r, results) ?? null,
    })),
  };
}
