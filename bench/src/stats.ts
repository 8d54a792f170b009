/** The median of `values` (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * The order in which round `round` runs `names`: forwards on even rounds, backwards on odd ones,
 * so every pair runs A-B as often as B-A and drift on a noisy machine cancels out.
 */
export function interleavedOrder<T>(names: readonly T[], round: number): T[] {
  return round % 2 === 0 ? [...names] : [...names].reverse();
}

/** A ratio measured once per round: its median and range over the rounds. */
export interface RatioSummary {
  median: number;
  min: number;
  max: number;
}

/** Summarises the per-round ratios `a[i] / b[i]`. */
export function ratioSummary(a: readonly number[], b: readonly number[]): RatioSummary {
  if (a.length !== b.length) throw new Error("ratio of series of different lengths");
  const ratios = a.map((value, i) => value / (b[i] as number));
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/** Milliseconds elapsed since `start` (a `performance.now()` reading). */
export function elapsedMs(start: number): number {
  return performance.now() - start;
}
