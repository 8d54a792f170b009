import { codegen } from "./codegen/measurement.js";
import { codegenVsRaw } from "./codegen-vs-raw/measurement.js";
import { coldStart } from "./cold-start/measurement.js";
import { fleet } from "./fleet/measurement.js";
import { instructions } from "./instructions/measurement.js";
import type { Measurement } from "./measurement.js";
import { memory } from "./memory/measurement.js";
import { mockStart } from "./mock-start/measurement.js";
import { refreshAhead } from "./refresh-ahead/measurement.js";
import { throughput } from "./throughput/measurement.js";

/**
 * Every measurement of `pnpm bench`, in the order they run and are reported. A new
 * measurement is a folder exporting a {@link Measurement} and one entry here.
 */
export const measurements = [
  instructions,
  throughput,
  coldStart,
  codegen,
  codegenVsRaw,
  memory,
  refreshAhead,
  mockStart,
  fleet,
] as const;

type AnyMeasurement = (typeof measurements)[number];

/** The result of each measurement that ran, by its key in `bench/results.json`. */
export type MeasuredResults = {
  [M in AnyMeasurement as M["key"]]?: Awaited<ReturnType<M["run"]>>;
};
