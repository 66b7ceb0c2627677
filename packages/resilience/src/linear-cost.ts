// Linear cost, measured: an entry point run on a text shape at n and 4n characters, in CPU time
// (process.cpuUsage: a loaded machine does not count), the least of a few repetitions after a
// warm-up. Linear work grows 4 times from n to 4n; a quadratic path 16 times. The budget is 8,
// and it is judged only when the 4n run takes long enough to be measured at all.
import type { TextShape } from "./fuzz-inputs.ts";

export interface CostOptions {
  /** n, in characters; the second size is 4n. */
  n: number;
  /** 4n/n above this fails (linear is 4, quadratic 16). */
  maxRatio: number;
  /** Below this many ms at 4n the ratio is noise (garbage collection), and not judged. */
  floorMs: number;
  /** More than this many ms of CPU per MB fails, whatever the ratio. */
  maxMsPerMb: number;
}

/** 4n = 1 MB: below about 256 KB the ratio mostly measures the garbage collector. */
export const primaryCost: CostOptions = {
  n: 256 * 1024,
  maxRatio: 8,
  floorMs: 8,
  maxMsPerMb: 2_000,
};

/** For the entry points that only pass the text on to a primary one: a quarter of the size. */
export const secondaryCost: CostOptions = { ...primaryCost, n: 64 * 1024, floorMs: 20 };

export interface CostResult {
  ok: boolean;
  /** n and 4n as made (a shape may overshoot a little), and the CPU ms of each. */
  small: { chars: number; ms: number };
  large: { chars: number; ms: number };
  /** 4n/n, corrected for the sizes actually made. */
  ratio: number;
  detail: string;
}

/** Collects the garbage of earlier runs first, when the process allows it (--expose-gc). */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function cpuMs(run: (text: string) => unknown, text: string): Promise<number> {
  collect();
  const start = process.cpuUsage();
  await run(text);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1_000;
}

async function least(run: (text: string) => unknown, text: string, reps: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < reps; i++) best = Math.min(best, await cpuMs(run, text));
  return best;
}

const msPerMb = (ms: number, chars: number) => (ms * 1024 * 1024) / chars;

/**
 * Times `run` on `shape` at n and 4n (after a warm-up and a probe at n/16, which stops a path
 * that is already far too slow before the long runs); says whether the cost is within the linear
 * budget. One run per size, the least of three more when the ratio comes near the budget.
 */
export async function measureCost(
  run: (text: string) => unknown,
  shape: TextShape,
  options: CostOptions,
): Promise<CostResult> {
  const probe = shape.make(options.n / 16);
  const smallText = shape.make(options.n);
  const largeText = shape.make(4 * options.n);
  const sizes = largeText.length / smallText.length;
  await run(shape.make(2_048));
  let small = Number.NaN;
  let large = Number.NaN;
  const ratio = () => ((large / Math.max(small, 0.05)) * 4) / sizes;
  const result = (ok: boolean, detail: string): CostResult => ({
    ok,
    small: { chars: smallText.length, ms: small },
    large: { chars: largeText.length, ms: large },
    ratio: ratio(),
    detail,
  });
  const probed = await least(run, probe, 2);
  if (msPerMb(probed, probe.length) > 2 * options.maxMsPerMb) {
    return result(false, `${probed.toFixed(1)} ms at ${probe.length} characters already`);
  }
  small = await least(run, smallText, 1);
  if (msPerMb(small, smallText.length) > 2 * options.maxMsPerMb) {
    return result(false, `${small.toFixed(1)} ms at n = ${smallText.length} characters already`);
  }
  large = await least(run, largeText, 1);
  if (large >= options.floorMs && ratio() > 0.75 * options.maxRatio) {
    // Near the budget: a garbage collection in the wrong run? The least of three more each.
    small = Math.min(small, await least(run, smallText, 3));
    large = Math.min(large, await least(run, largeText, 3));
  }
  if (large >= options.floorMs && ratio() > options.maxRatio) {
    return result(false, `4n/n = ${ratio().toFixed(1)} (> ${options.maxRatio})`);
  }
  const perMb = msPerMb(large, largeText.length);
  if (perMb > options.maxMsPerMb) {
    return result(false, `${perMb.toFixed(0)} ms of CPU per MB (> ${options.maxMsPerMb})`);
  }
  return result(true, `4n/n = ${ratio().toFixed(1)}`);
}
