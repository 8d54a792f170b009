import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { type FakeThredfiServer, startFakeThredfiServer } from "./fake-thredfi/index.js";
import type { BenchContext, Measurement } from "./measurement.js";
import { measurements } from "./measurements.js";
import { renderBenchmarksDoc } from "./report/benchmarks-doc.js";
import { describeMachine } from "./report/machine.js";
import { type BenchResults, hotPathLine, tableRows } from "./report/results.js";
import { renderTextTable } from "./report/text-table.js";

const resultsFile = new URL("../results.json", import.meta.url);
const docFile = new URL("../../docs/benchmarks.md", import.meta.url);

await main();

/**
 * `pnpm bench`: runs every measurement (or those named by `--only a,b`), prints the table and,
 * last, the hot-path ratio. A full run also writes `bench/results.json` and `docs/benchmarks.md`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: "string" } } });
  const selected = selectMeasurements(values.only);
  const started = performance.now();
  const machine = describeMachine();
  const measured: Record<string, unknown> = {};

  let server: Promise<FakeThredfiServer> | undefined;
  const context: BenchContext = {
    fakeThredfi: () => {
      server ??= startFakeThredfiServer();
      return server;
    },
  };
  try {
    for (const measurement of selected) {
      progress(measurement.title);
      measured[measurement.key] = await measurement.run(context);
    }
  } finally {
    if (server !== undefined) await (await server).stop();
  }

  const results = {
    finishedAt: new Date().toISOString(),
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    ...measured,
  } as BenchResults;
  if (selected.length === measurements.length) {
    await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    await mkdir(new URL(".", docFile), { recursive: true });
    await writeFile(docFile, renderBenchmarksDoc(results));
  }
  console.log(`\n${renderTextTable(tableRows(results))}\n`);
  console.log(hotPathLine(results));
}

function selectMeasurements(only: string | undefined): Measurement[] {
  if (only === undefined) return [...measurements];
  const names = new Set(only.split(",").map((name) => name.trim()));
  const known = measurements.map((measurement) => measurement.name);
  const unknown = [...names].filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown measurement(s) ${unknown.join(", ")}; choose from ${known.join(", ")}`,
    );
  }
  return measurements.filter((measurement) => names.has(measurement.name));
}

function progress(message: string): void {
  console.error(`[bench] ${message} …`);
}
