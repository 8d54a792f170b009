import type { Measurement } from "../measurement.js";
import { measurements } from "../measurements.js";
import { type BenchResults, hotPathLine, tableRows } from "./results.js";
import { renderMarkdownTable } from "./text-table.js";

/** Renders `docs/benchmarks.md` from the results of a full run. */
export function renderBenchmarksDoc(results: BenchResults): string {
  const { machine } = results;
  const methods = measurements
    .map((measurement: Measurement) =>
      measurement.method((results as Record<string, unknown>)[measurement.key]),
    )
    .join("\n");
  const names = measurements.map((measurement) => `\`${measurement.name}\``).join(", ");
  const versions = Object.entries(machine.packages)
    .map(([name, version]) => `\`${name}\` ${version}`)
    .join(", ");
  return `# Benchmarks

\`pnpm bench\` measures what the SDK costs a partner's backend and how the code generator scales
with the spec. It never runs as part of \`pnpm test\`: tests check behaviour, the benchmark
measures speed and size, always as a ratio to a baseline measured in the same run. This page is
rewritten by every full run (raw numbers in \`bench/results.json\`).

## Latest run

${hotPathLine(results)}.

${renderMarkdownTable(tableRows(results))}

Run finished ${results.finishedAt} after ${Math.round(results.durationSeconds)} s on ${machine.nproc} × ${machine.cpuModel}
(1-minute load average ${machine.loadAverageAtStart.toFixed(1)} at the start), Node ${machine.node},
${machine.valgrind ?? "no valgrind"}. Versions: ${versions}.

## What is measured, and how

The machines this runs on are small and shared, so every comparison is built to survive noise:
each ratio is taken between two clients measured in the same run, and next to it stands a
**null comparison**, the bare client against a second, identical bare client. A ratio is only
meaningful where it lies outside the spread of the null comparison.

${methods}

## Running it

\`\`\`sh
pnpm bench                                    # everything, a few minutes on 2 cores
pnpm --filter @thredfi/bench bench --only instructions,throughput
\`\`\`

Measurements: ${names}. A partial run prints its table but leaves
\`bench/results.json\` and this page alone. Without valgrind the instruction count is skipped
with a message; everything else still runs.

Each measurement is a folder of \`bench/src/\`: \`measurement.ts\` runs it and reports it, and
\`child.ts\`, where it has one, is the process it measures. \`bench/src/measurements.ts\` lists
them, \`bench/src/clients/registry.ts\` lists the compared clients, and
\`bench/src/fake-thredfi/\` is the Thredfi API they all talk to, in-process or on loopback.
`;
}
