// The human and JSON forms of a diagnose run.
import type { Out } from "../explain-output.js";
import { field, wrap } from "../layout.js";
import type { StepResult } from "./run.js";
import { displayUrl, type Target } from "./target.js";

function describe(target: Target): string {
  if (target.protocol === "sftp") return "SFTP";
  return target.tls ? "FTP with explicit TLS" : "FTP, no TLS";
}

function statusWord(result: StepResult, out: Out): string {
  if (result.status === "ok") return out.style.green("ok  ");
  if (result.status === "failed") return out.style.red("FAIL");
  return out.style.dim("skip");
}

function errorLines(result: StepResult, out: Out): string[] {
  const error = result.error!;
  const opts = { indent: 16, labelWidth: 12, width: out.width, styleLabel: out.style.dim };
  const code =
    error.code === undefined
      ? "(none)"
      : `${String(error.code)}${error.codeName ? ` ${error.codeName}` : ""}`;
  const retry = `${error.retryable ? "yes" : "no"}${error.retryable && error.retry.reconnect ? ", reconnect first" : ""}${
    error.retry.delayMs ? `, after ${error.retry.delayMs} ms` : ""
  }: ${error.retry.why}`;
  // The one failure whose remedy is a flag of this command.
  const hint =
    result.step === "tls" && error.reason === "tls-failed"
      ? field(
          "hint",
          "trust the server's certificate with --ca <file.pem>, or skip the check with --insecure",
          opts,
        )
      : [];
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
function stepLine(result: StepResult, out: Out): string[] {
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
  return result.status === "failed" ? [...text, ...errorLines(result, out)] : text;
}

export function diagnoseHuman(target: Target, results: readonly StepResult[], out: Out): string {
  const failed = results.filter((r) => r.status === "failed");
  const lines = [
    out.style.bold(`Diagnosing ${displayUrl(target)} as ${target.user} (${describe(target)})`),
  ];
  for (const result of results) lines.push(...stepLine(result, out));
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
    })),
  };
}
