/** One row of the summary table. */
export interface TableRow {
  measurement: string;
  result: string;
  target: string;
  /** "ok", "MISS", or "" when the row has no target. */
  verdict: string;
}

/** A table row; `verdictText` is "" when the row has no target. */
export function row(
  measurement: string,
  result: string,
  target: string,
  verdictText: string,
): TableRow {
  return { measurement, result, target, verdict: verdictText };
}

/** "ok" or "MISS". */
export function verdict(pass: boolean): string {
  return pass ? "ok" : "MISS";
}

/** `1.034×`. */
export function times(ratio: number): string {
  return `${ratio.toFixed(3)}×`;
}

/** `3,366 req/s`. */
export function rps(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} req/s`;
}

/** `290 ms`, or `1.59 s` from a second on. */
export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}

/** `1,000`. */
export function count(value: number): string {
  return value.toLocaleString("en-US");
}
