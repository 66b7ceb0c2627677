/** Exponential backoff with full jitter, at least what the server asked for. */
export interface BackoffOptions {
  /** The first ceiling. Default 1 000 ms. */
  minDelayMs?: number | undefined;
  /** No wait is longer, not even one the server asked for. Default 60 000 ms. */
  maxDelayMs?: number | undefined;
  /** Growth of the ceiling per attempt. Default 2. */
  factor?: number | undefined;
  /** Random source in [0, 1). Default Math.random. */
  random?: (() => number) | undefined;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/**
 * The wait before retry number `attempt` (1 for the first retry): a uniform draw in
 * [0, min × factor^(attempt−1)] capped at `maxDelayMs`, raised to `serverDelayMs` when given.
 */
export function jitteredDelay(
  attempt: number,
  options: BackoffOptions = {},
  serverDelayMs?: number,
): number {
  const min = Math.max(0, finiteOr(options.minDelayMs, 1_000));
  const max = Math.max(0, finiteOr(options.maxDelayMs, 60_000));
  const factor = Math.max(1, finiteOr(options.factor, 2));
  const ceiling = Math.min(max, min * factor ** Math.max(0, attempt - 1));
  const draw = Math.min(1, Math.max(0, finiteOr((options.random ?? Math.random)(), 0)));
  const jitter = Math.floor(draw * ceiling);
  return serverDelayMs === undefined ? jitter : Math.max(jitter, Math.min(serverDelayMs, max));
}
