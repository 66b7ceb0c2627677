// Runs a list of operations one after the other, each inside a retry loop, and counts what it
// took: the figures that the fault-injection tests assert and the benchmark prints.

export interface Operation<T = unknown> {
  /** A short label for reports: `size hello.txt`. */
  name: string;
  /** One attempt (given its number, from 1). */
  run: (attempt: number) => Promise<T>;
  /** Throws when the result is wrong (a retried operation must still return the right thing). */
  check: (result: T) => void;
}

/** The retry loop under test: `withRetry` of an adapter, p-retry, or anything alike. */
export type RetryLoop = <T>(attempt: (attempt: number) => Promise<T>) => Promise<T>;

export interface RunReport {
  operations: number;
  succeeded: number;
  /** Attempts over all operations (the successes included). */
  attempts: number;
  /** The most attempts one operation needed. */
  maxAttempts: number;
  elapsedMs: number;
  /** What each failed operation threw, last error only. */
  failures: { name: string; error: unknown }[];
}

/** Runs every operation through `loop`; an operation that throws in the end is recorded, not thrown. */
export async function runOperations(
  operations: readonly Operation[],
  loop: RetryLoop,
): Promise<RunReport> {
  const report: RunReport = {
    operations: operations.length,
    succeeded: 0,
    attempts: 0,
    maxAttempts: 0,
    elapsedMs: 0,
    failures: [],
  };
  const started = performance.now();
  for (const operation of operations) {
    let attempts = 0;
    try {
      const result = await loop((attempt) => {
        attempts += 1;
        return operation.run(attempt);
      });
      operation.check(result);
      report.succeeded += 1;
    } catch (error) {
      report.failures.push({ name: operation.name, error });
    }
    report.attempts += attempts;
    report.maxAttempts = Math.max(report.maxAttempts, attempts);
  }
  report.elapsedMs = performance.now() - started;
  return report;
}

/** One line for a log: `36/36 succeeded, 51 attempts (max 4), 2.3 s`. */
export function summarize(report: RunReport): string {
  return (
    `${report.succeeded}/${report.operations} succeeded, ${report.attempts} attempts ` +
    `(max ${report.maxAttempts} for one operation), ${(report.elapsedMs / 1000).toFixed(1)} s`
  );
}
