import { measuredClientName } from "../clients/thredfi.js";
import type { Measurement } from "../measurement.js";
import { type MeasuredResults, measurements } from "../measurements.js";
import type { TableRow } from "../support/format.js";
import type { MachineInfo } from "./machine.js";

/** Everything one `pnpm bench` run measured, as written to `bench/results.json`. */
export type BenchResults = {
  finishedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
} & MeasuredResults;

/** The rows of the summary table, one per reported number, measurement by measurement. */
export function tableRows(results: BenchResults): TableRow[] {
  return measuredIn(results).flatMap(({ measurement, result }) => measurement.rows(result));
}

/** The one-line verdict on the hot path, printed last. */
export function hotPathLine(results: BenchResults): string {
  const parts = measuredIn(results).flatMap(({ measurement, result }) =>
    measurement.hotPath === undefined ? [] : [measurement.hotPath(result)],
  );
  const verdictText = parts.length === 0 ? "not measured in this run" : parts.join("; ");
  return `hot-path ratio, ${measuredClientName} vs bare openapi-fetch: ${verdictText}`;
}

/** The measurements that have a result in `results`, each with its result. */
export function measuredIn(
  results: BenchResults,
): Array<{ measurement: Measurement; result: unknown }> {
  return measurements.flatMap((measurement: Measurement) => {
    const result = (results as Record<string, unknown>)[measurement.key];
    return result === undefined ? [] : [{ measurement, result }];
  });
}
