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
  /** Below this many ms at 4n the ratio is noise, and not judged. */
  floorMs: number;
  /** More than this many ms of CPU per MB at 4n fails, whatever the ratio. */
  maxMsPerMb: number;
}

export const defaultCost: CostOptions = {
  n: 64 * 1024,
  maxRatio: 8,
  floorMs: 6,
  maxMsPerMb: 2_000,
};

export interface CostResult {
  ok: boolean;
  /** n and 4n as made (a shape may overshoot a little), and the CPU ms of each. */
  small: { chars: number; ms: number };
  large: { chars: number; ms: number };
  /** 4n/n, corrected for the sizes actually made. */
  ratio: number;
  detail: string;
}

async function cpuMs(run: (text: string) => unknown, text: string): Promise<number> {
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

/**
 * Times `run` on `shape` at n/4, n and 4n; says whether the cost is within the linear budget. A
 * super-linear path fails at the first step where it is measurable, before the slow 4n run.
 */
export async function measureCost(
  run: (text: string) => unknown,
  shape: TextShape,
  options: CostOptions = defaultCost,
): Promise<CostResult> {
  // Warm-up: the first calls compile the code and the patterns.
  await run(shape.make(2_048));
  const steps = [options.n / 4, options.n, 4 * options.n].map((n) => shape.make(n));
  await run(steps[0]!);
  const times: number[] = [];
  const msPerMb = (ms: number, chars: number) => (ms * 1024 * 1024) / chars;
  const ratioAt = (i: number) =>
    ((times[i]! / Math.max(times[i - 1]!, 0.05)) * 4) / (steps[i]!.length / steps[i - 1]!.length);
  const result = (ok: boolean, detail: string): CostResult => {
    const last = times.length - 1;
    return {
      ok,
      small: { chars: steps[Math.max(0, last - 1)]!.length, ms: times[Math.max(0, last - 1)]! },
      large: { chars: steps[last]!.length, ms: times[last]! },
      ratio: last > 0 ? ratioAt(last) : Number.NaN,
      detail,
    };
  };
  for (let i = 0; i < steps.length; i++) {
    const text = steps[i]!;
    times[i] = await least(run, text, i === 0 || (times[i - 1] ?? 0) < 30 ? 3 : 1);
    if (i > 0 && times[i]! >= options.floorMs && ratioAt(i) > options.maxRatio) {
      // Not far over: a garbage collection in the wrong run? Measure both again first.
      if (ratioAt(i) < 1.5 * options.maxRatio) {
        times[i - 1] = Math.min(times[i - 1]!, await least(run, steps[i - 1]!, 3));
        times[i] = Math.min(times[i]!, await least(run, text, 2));
      }
      if (ratioAt(i) > options.maxRatio) {
        return result(
          false,
          `${steps[i]!.length}/${steps[i - 1]!.length} characters: x${ratioAt(i).toFixed(1)} per 4x (> ${options.maxRatio})`,
        );
      }
    }
    const perMb = msPerMb(times[i]!, text.length);
    if (times[i]! >= options.floorMs && perMb > options.maxMsPerMb) {
      return result(
        false,
        `${perMb.toFixed(0)} ms of CPU per MB at ${text.length} characters (> ${options.maxMsPerMb})`,
      );
    }
  }
  return result(true, `x${ratioAt(steps.length - 1).toFixed(1)} per 4x`);
}
