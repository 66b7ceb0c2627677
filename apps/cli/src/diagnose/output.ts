// The human and JSON forms of a diagnose run.
import type { Out } from "../explain-output.js";
import { field } from "../layout.js";
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
  const opts = { indent: 8, labelWidth: 12, width: out.width, styleLabel: out.style.dim };
  const code =
    error.code === undefined
      ? "(none)"
      : `${String(error.code)}${error.codeName ? ` ${error.codeName}` : ""}`;
  const retry = `${error.retryable ? "yes" : "no"}${error.retry.reconnect ? ", reconnect first" : ""}${
    error.retry.delayMs ? `, after ${error.retry.delayMs} ms` : ""
  }: ${error.retry.why}`;
  return [
    ...field("reason", out.style.bold(error.reason), opts),
    ...field("code", code, opts),
    ...(error.serverMessage ? field("server said", error.serverMessage, opts) : []),
    ...field("explanation", error.explanation, opts),
    ...field("retry", retry, opts),
  ];
}

function stepLine(result: StepResult, out: Out): string[] {
  const subject = result.subject ? ` ${result.subject}` : "";
  const timing = result.status === "skipped" ? "" : out.style.dim(` (${result.ms} ms)`);
  const head = `  ${statusWord(result, out)}  ${out.style.bold(result.step.padEnd(7))}${subject}${timing}`;
  if (result.status === "failed") return [head, ...errorLines(result, out)];
  const detail = result.detail
    ? field("", result.detail, { indent: 8, labelWidth: 0, width: out.width })
    : [];
  return [head, ...detail.map((line) => line.replace(/^( {8}) /, "$1"))];
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
