// The diagnose sequence, the same for every protocol: connect, [tls], login, [setup], pwd, list
// the directory, then look at the named file. Steps up to the login must pass for the others to
// run; after that each read-only step runs on its own, unless the connection is gone.
import type { TransferError } from "@transfer-errors/core";
import type { Entry, Probe } from "./probe.js";
import { pathOf, type Target } from "./target.js";

export interface StepResult {
  step: string;
  /** What the step looked at: a path, a host:port. */
  subject: string | undefined;
  status: "ok" | "failed" | "skipped";
  ms: number;
  /** What worked (ok) or why it did not run (skipped). */
  detail: string | undefined;
  error: TransferError | undefined;
}

interface Step {
  step: string;
  subject?: string | undefined;
  /** The remote path the step works on, for the error. */
  path?: string | undefined;
  /** The session cannot go on without it. */
  required?: boolean;
  run(): Promise<string>;
}

function summarize(entries: readonly Entry[]): string {
  const shown = entries.slice(0, 5).map((e) => (e.isDirectory ? `${e.name}/` : e.name));
  const more = entries.length > shown.length ? `, ... (${entries.length - shown.length} more)` : "";
  const noun = entries.length === 1 ? "entry" : "entries";
  return `${entries.length} ${noun}${shown.length ? `: ${shown.join(", ")}${more}` : ""}`;
}

export async function runDiagnosis(target: Target, probe: Probe): Promise<StepResult[]> {
  let listed: Entry[] | undefined;
  const steps: Step[] = [
    {
      step: "connect",
      subject: `${target.host}:${target.port}`,
      required: true,
      run: () => probe.connect(),
    },
  ];
  if (probe.tls) steps.push({ step: "tls", required: true, run: () => probe.tls!() });
  steps.push({ step: "login", subject: target.user, required: true, run: () => probe.login() });
  if (probe.setup) steps.push({ step: "setup", required: true, run: () => probe.setup!() });
  steps.push(
    { step: "pwd", run: () => probe.pwd() },
    {
      step: "list",
      subject: target.dir ?? "(login directory)",
      path: target.dir,
      run: async () => {
        listed = await probe.list(target.dir);
        return summarize(listed);
      },
    },
  );
  const results: StepResult[] = [];
  let stop: string | undefined;
  const perform = async (step: Step) => {
    if (stop) {
      results.push({
        step: step.step,
        subject: step.subject,
        status: "skipped",
        ms: 0,
        detail: stop,
        error: undefined,
      });
      return;
    }
    const started = performance.now();
    try {
      const detail = await step.run();
      results.push({ ...base(step, started), status: "ok", detail, error: undefined });
    } catch (thrown) {
      const error = probe.toError(thrown, { operation: step.step, path: step.path });
      results.push({ ...base(step, started), status: "failed", detail: undefined, error });
      if (step.required) stop = `${step.step} failed`;
      else if (error.retry.reconnect) stop = "the connection is gone";
    }
  };
  for (const step of steps) await perform(step);
  if (target.name !== undefined) {
    const path = pathOf(target);
    const entry = listed?.find((e) => e.name === target.name);
    // A name that the listing shows as a directory is listed; anything else is sized, so that a
    // missing file gets the server's own answer.
    await perform(
      entry?.isDirectory
        ? { step: "list", subject: path, path, run: async () => summarize(await probe.list(path)) }
        : { step: probe.sizeStep, subject: path, path, run: () => probe.size(path) },
    );
  }
  await probe.close().catch(() => undefined);
  return results;
}

function base(step: Step, started: number) {
  return { step: step.step, subject: step.subject, ms: Math.round(performance.now() - started) };
}
