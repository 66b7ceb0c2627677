// Linear cost, measured: an entry point run on a text shape at n and 4n characters, in CPU time
// (process.cpuUsage: a loaded machine does not count), after a warm-up, the least of more runs
// when the first ones come near the budget. Linear work grows 4 times from n to 4n; a quadratic
// path 16 times. The budget is 8, judged when the 4n run is long enough to mean something, and
// an absolute one (ms of CPU per MB) catches what is slow at any size.
import type { TextShape } from "./fuzz-inputs.ts";

export interface CostOptions {
  /** n, in characters; the second size is 4n. */
  n: number;
  /** 4n/n above this fails (linear is 4, quadratic 16). */
  maxRatio: number;
  /**
   * The ratio is judged only when the 4n run takes at least this many ms of CPU per MB of text.
   * Below it, V8's own steps decide the ratio: strings and arrays past about 128 KB live in the
   * large-object space, and linear code (a split, a global replace with a capture) was measured
   * at 6 to 15 times per 4x step between 64 KB and 1 MB, at a few ms. A quadratic path is far
   * above this floor by then (seconds per MB).
   */
  floorMsPerMb: number;
  /** More than this many ms of CPU per MB fails, whatever the ratio. */
  maxMsPerMb: number;
}

/** Where the text is read first: 4n = 512 KB. */
export const primaryCost: CostOptions = {
  n: 128 * 1024,
  maxRatio: 8,
  floorMsPerMb: 250,
  maxMsPerMb: 2_000,
};

/** For the entry points that only pass the text on to a primary one: 4n = 256 KB. */
export const secondaryCost: CostOptions = { ...primaryCost, n: 64 * 1024 };

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

const msPerMb = (ms: number, chars: number) => (ms * 1024 * 1024) / chars;

/**
 * Times `run` on `shape` at n/16, n/4, n and 4n, after a warm-up. The last step (n to 4n) is the
 * one judged against the budget; the earlier ones stop a path that is clearly super-linear (past
 * twice the budget, as a quadratic one is: 16) before the long runs, and so does the budget per
 * MB. One run per size; a short step over or near its budget is measured again, the two sizes
 * in turn (three runs each, the least), so that both see the same load of the machine.
 */
export async function measureCost(
  run: (text: string) => unknown,
  shape: TextShape,
  options: CostOptions,
): Promise<CostResult> {
  const texts = [options.n / 16, options.n / 4, options.n, 4 * options.n].map((n) => shape.make(n));
  const last = texts.length - 1;
  const times: number[] = [];
  await run(shape.make(2_048));
  const ratioAt = (i: number) =>
    ((times[i]! / Math.max(times[i - 1]!, 0.05)) * 4) / (texts[i]!.length / texts[i - 1]!.length);
  const result = (ok: boolean, detail: string): CostResult => {
    const at = times.length - 1;
    const before = Math.max(0, at - 1);
    return {
      ok,
      small: { chars: texts[before]!.length, ms: times[before]! },
      large: { chars: texts[at]!.length, ms: times[at]! },
      ratio: at > 0 ? ratioAt(at) : Number.NaN,
      detail,
    };
  };
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    times[i] = await least(run, text, i === 0 ? 2 : 1);
    // Never below 10 ms: shorter runs measure the timer and the JIT more than the work.
    const floor = Math.max(10, (options.floorMsPerMb * text.length) / (1024 * 1024));
    const budget = i === last ? options.maxRatio : 2 * options.maxRatio;
    // Over or near the budget, and short enough (under 1 s) for a pause or the load of the
    // machine to decide it: measure again. A longer run's ratio is no noise.
    if (i > 0 && times[i]! >= floor && ratioAt(i) > 0.75 * budget && times[i]! < 1_000) {
      for (let again = 0; again < 3; again++) {
        times[i - 1] = Math.min(times[i - 1]!, await cpuMs(run, texts[i - 1]!));
        times[i] = Math.min(times[i]!, await cpuMs(run, text));
      }
    }
    // The smaller run must be long enough too: 1 ms against 13 ms is a collection, not a curve
    // (a quadratic path still fails one step later, at 16 times the larger run).
    if (i > 0 && times[i]! >= floor && times[i - 1]! >= floor / 4 && ratioAt(i) > budget) {
      const step = `${texts[i - 1]!.length} to ${text.length} characters`;
      return result(false, `${step}: x${ratioAt(i).toFixed(1)} per 4x (> ${budget})`);
    }
    // Per MB, once a run is long enough that a call's fixed cost (a CLI run, a client) is lost in it.
    const perMb = msPerMb(times[i]!, text.length);
    if ((i === last || times[i]! >= 20) && perMb > options.maxMsPerMb) {
      return result(
        false,
        `${perMb.toFixed(0)} ms of CPU per MB at ${text.length} characters (> ${options.maxMsPerMb})`,
      );
    }
  }
  return result(true, `x${ratioAt(last).toFixed(1)} per 4x`);
}
