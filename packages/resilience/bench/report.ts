// What the retry bench prints: markdown tables that BENCHMARKS.md takes as they are.
import type { FaultProxyStats } from "@transfer-errors/testkit/fault-proxy";
import type { RunReport } from "../src/retry-run.ts";

/** p-retry 7's documented defaults. */
export const P_RETRY = { retries: 10, factor: 2, minTimeout: 1_000 };

/** What p-retry's defaults wait before `attempts` attempts: 1 s, 2 s, 4 s ... */
export function pRetryWaitMs(attempts: number): number {
  let total = 0;
  for (let retry = 0; retry < attempts - 1; retry++) {
    total += P_RETRY.minTimeout * P_RETRY.factor ** retry;
  }
  return total;
}

export interface Reconnects {
  total: number;
  failed: number;
}

export interface FaultRow {
  loop: string;
  report: RunReport;
  struck: FaultProxyStats["struck"];
  reconnects: Reconnects;
}

export interface PermanentRow {
  loop: string;
  attempts: number;
  ms: number;
  code: unknown;
}

export function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`;
}

/** Runs `work`, counting it as a reconnect, and as a failed one when it throws. */
export async function countReconnect(count: Reconnects, work: () => Promise<unknown>) {
  count.total += 1;
  try {
    await work();
  } catch (error) {
    count.failed += 1;
    throw error;
  }
}

export function printFaultRows(rows: readonly FaultRow[]): void {
  console.log(
    "| retry loop | succeeded | attempts | most for one operation | reconnects (failed) | faults struck | time |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const { loop, report, struck, reconnects } of rows) {
    console.log(
      `| ${loop} | ${report.succeeded}/${report.operations} | ${report.attempts} | ` +
        `${report.maxAttempts} | ${reconnects.total} (${reconnects.failed}) | ` +
        `${struck.reset} resets, ${struck.cut} cuts, ${struck.drop} drops | ${seconds(report.elapsedMs)} |`,
    );
  }
  for (const { loop, report } of rows) {
    for (const { name, error } of report.failures) {
      const message = error instanceof Error ? error.message : String(error);
      console.log(`\n${loop}: "${name}" failed: ${message}`);
    }
  }
}

/** withRetry's row is measured; p-retry's waits are added from its defaults (see the caller). */
export function printPermanentRows(ours: PermanentRow, theirs: PermanentRow): void {
  const theirWaitMs = pRetryWaitMs(theirs.attempts);
  console.log("| retry loop | attempts | time to give up | error thrown |");
  console.log("| --- | --- | --- | --- |");
  console.log(
    `| ${ours.loop} | ${ours.attempts} | ${ours.ms.toFixed(1)} ms (measured) | ${String(ours.code)} |`,
  );
  console.log(
    `| ${theirs.loop} | ${theirs.attempts} | ${seconds(theirWaitMs + theirs.ms)} ` +
      `(${seconds(theirWaitMs)} of waits from its defaults + ${theirs.ms.toFixed(0)} ms of ` +
      `attempts and reconnects, measured without the waits) | ${String(theirs.code)} |`,
  );
}
