/** The median of `values` (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * The order in which round `round` runs `names`. Rounds come in pairs, the second the exact
 * reverse of the first, so every two clients run A-B as often as B-A; each pair also starts one
 * place further along, so no client always runs first or last.
 */
export function interleavedOrder<T>(names: readonly T[], round: number): T[] {
  const shift = Math.floor(round / 2) % names.length;
  const rotated = [...names.slice(shift), ...names.slice(0, shift)];
  return round % 2 === 0 ? rotated : rotated.reverse();
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
