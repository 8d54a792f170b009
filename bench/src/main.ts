import { mkdir, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { renderBenchmarksDoc } from "./benchmarks-doc.js";
import { runCodegenScaling } from "./codegen-scaling.js";
import { runCodegenVsRaw } from "./codegen-vs-raw.js";
import { runColdStart } from "./cold-start.js";
import { runHotPathInstructions } from "./hot-path-instructions.js";
import { runHotPathThroughput } from "./hot-path-throughput.js";
import { startLoopbackServer } from "./loopback-server-process.js";
import { describeMachine } from "./machine.js";
import { runMemory } from "./memory.js";
import { type BenchResults, hotPathLine, tableRows } from "./results.js";
import { renderTextTable } from "./text-table.js";

const sections = ["throughput", "cold-start", "memory", "codegen", "instructions"] as const;
type Section = (typeof sections)[number];

const resultsFile = new URL("../results.json", import.meta.url);
const docFile = new URL("../../docs/benchmarks.md", import.meta.url);

await main();

/**
 * `pnpm bench`: runs every section (or those named by `--only a,b`), prints the table and, last,
 * the hot-path ratio. A full run also writes `bench/results.json` and `docs/benchmarks.md`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: "string" } } });
  const selected = selectSections(values.only);
  const started = performance.now();
  const machine = describeMachine();
  const partial: Omit<BenchResults, "finishedAt" | "durationSeconds" | "machine"> = {};

  if (selected.has("throughput") || selected.has("cold-start")) {
    const server = await startLoopbackServer();
    try {
      if (selected.has("throughput")) {
        progress("1b/2 requests/s against the loopback server");
        partial.throughput = await runHotPathThroughput(server, {
          rounds: 6,
          requestsPerRun: 10_000,
          warmupRequests: 1_000,
          concurrency: 8,
        });
      }
      if (selected.has("cold-start")) {
        progress("3 cold start");
        partial.coldStart = await runColdStart(server, {
          concurrentPartnerCalls: 1_000,
          businesses: 100,
          callsPerBusiness: 10,
          repetitions: 3,
        });
      }
    } finally {
      await server.stop();
    }
  }
  if (selected.has("memory")) {
    progress("5 memory");
    partial.memory = await runMemory({
      calls: 100_000,
      fewBusinesses: 1_000,
      manyBusinesses: 10_000,
      concurrentBusinesses: 10,
      expectedBound: 1_000,
      heapGrowthBudgetMb: 2,
    });
  }
  if (selected.has("codegen")) {
    progress("4 codegen scaling");
    partial.codegen = await runCodegenScaling([10, 100, 1_000, 5_000]);
    progress("4 codegen against raw openapi-typescript");
    partial.codegenVsRaw = await runCodegenVsRaw(80, 5);
  }
  if (selected.has("instructions")) {
    progress("1a instructions per request under callgrind");
    partial.instructions = await runHotPathInstructions({
      n: 150,
      warmupRequests: 200,
      parallel: 2,
    });
  }

  const results: BenchResults = {
    finishedAt: new Date().toISOString(),
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    ...partial,
  };
  if (selected.size === sections.length) {
    await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    await mkdir(new URL(".", docFile), { recursive: true });
    await writeFile(docFile, renderBenchmarksDoc(results));
  }
  console.log(`\n${renderTextTable(tableRows(results))}\n`);
  console.log(hotPathLine(results));
}

function selectSections(only: string | undefined): Set<Section> {
  if (only === undefined) return new Set(sections);
  const names = only.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !sections.includes(name as Section));
  if (unknown.length > 0) {
    throw new Error(`unknown section(s) ${unknown.join(", ")}; choose from ${sections.join(", ")}`);
  }
  return new Set(names as Section[]);
}

function progress(message: string): void {
  console.error(`[bench] ${message} …`);
}
