import type { FakeThredfiServer } from "./fake-thredfi/index.js";
import type { TableRow } from "./support/format.js";

/** What `main.ts` hands every measurement. */
export interface BenchContext {
  /** The loopback fake Thredfi server, started on first use and stopped after the last run. */
  fakeThredfi(): Promise<FakeThredfiServer>;
}

/**
 * One measurement of `pnpm bench`: it runs, then reports its result as table rows and as a
 * section of `docs/benchmarks.md`. Adding one is a folder exporting this and a line in
 * `measurements.ts`.
 */
export interface Measurement<Key extends string = string, Result = unknown> {
  /** Name on the command line: `pnpm bench --only <name>`. */
  name: string;
  /** Key of its result in `bench/results.json`. */
  key: Key;
  /** Progress line printed when it starts. */
  title: string;
  run(context: BenchContext): Promise<Result>;
  /** Rows of the summary table. */
  rows(result: Result): TableRow[];
  /** Its clause of the one-line hot-path verdict, if it measures the hot path. */
  hotPath?(result: Result): string;
  /** Markdown list item(s) for "What is measured, and how", with settings from `result`. */
  method(result: Result | undefined): string;
}
