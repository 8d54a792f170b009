import type { BenchResults } from "./results.js";
import { hotPathLine, tableRows } from "./results.js";
import { renderMarkdownTable } from "./text-table.js";

/** Renders `docs/benchmarks.md` from the results of a full run. */
export function renderBenchmarksDoc(results: BenchResults): string {
  const { machine } = results;
  const instructions = results.instructions;
  const throughput = results.throughput;
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

1. **Hot path**: \`GET /v1/platform/businesses/\` with a warm token.
   - *a. CPU instructions per request*, counted by \`valgrind --tool=callgrind\`, which stays
     repeatable when wall-clock time does not. Each client runs in its own process over an
     in-process \`fetch\` that answers at once: a warm-up of ${instructions?.measured ? instructions.settings.warmupRequests.toLocaleString("en-US") : "W"} requests, then N
     = ${instructions?.measured ? instructions.settings.n.toLocaleString("en-US") : "N"} requests, then 4N. Callgrind dumps its counters at each boundary, and
     \`(instr(4N) − instr(N)) / 3N\` cancels every fixed cost (start-up, JIT warm-up, the dump
     itself). Compared: \`thredfi.partner\` (every guard on) against a bare openapi-fetch
     \`createClient\` with a static \`Authorization\` header (passed in its \`headers\` option),
     plus reference points: a \`fetch\` wrapper that sets the header (the thinnest dynamic
     header possible), a plain async middleware, and the same bare client sending no header at
     all (the floor of any auth scheme). Target: ≤ 1.10× bare. openapi-fetch merges the
     \`headers\` option into a new \`Headers\` on every request, so setting one header on the
     \`Request\` can cost less than the baseline itself; the floor row shows how much of the
     request any header costs. V8 runs without its optimizing tier (\`--no-opt\`) here: under
     valgrind the tier would still be compiling on background threads during the measured runs
     and swing the counts by several percent, while without it the null comparison repeats to
     the third decimal. Optimized code is what the requests/s comparison measures. The profiles
     stay in \`bench/.work/callgrind/\` for \`callgrind_annotate\`.
   - *b. Requests per second* against a loopback \`node:http\` server running in a child
     process, ${throughput ? `${throughput.settings.concurrency} requests in flight, ${throughput.settings.rounds} rounds of ${throughput.settings.requestsPerRun.toLocaleString("en-US")} requests per client (after ${throughput.settings.warmupRequests.toLocaleString("en-US")} untimed ones)` : "in rounds"}.
     Every run happens in a fresh process, so no client inherits another's JIT state or
     garbage. Each round runs every client once; rounds come in pairs whose second half is the
     exact reverse of the first (A-B, then B-A), and each pair starts one client further along.
     Ratios are taken within a round; the median over rounds is reported with its range.
     Target: ≥ 0.95× bare. Next to requests per wall-clock second stands requests per
     CPU-second of the client process: waiting for a core on a busy machine costs no CPU time,
     so that ratio stays steadier when neighbours load the machine.
2. **What users would write instead**, in the same rounds: axios with the usual token-refresh
   interceptor pair (await the cached token on each request, drop it and replay once on 401),
   and openapi-fetch with a naive middleware that awaits a token getter on every request.
3. **Cold start**: a fresh client receives a burst of concurrent first calls; the loopback
   server counts the token requests it sees (single flight: 1 partner token for any number of
   callers; 1 + 100 for 100 businesses × 10 calls). The same burst on the now-warm client gives
   the wall time to compare with.
4. **Codegen scaling**: synthetic specs of 10 to 5,000 operations, written as one fragment per
   operation (the way Thredfi publishes its reference), run through the real pipeline
   (\`generate()\` of \`@thredfi/scripts\`: bundle, validate, generate types) in a fresh process
   each, then \`tsc --noEmit\` of a consumer file making typed calls through the generated types.
   Target: 5,000 operations take ≤ 6× the 1,000-operation time, judged on the CPU time of
   \`generate()\` (wall time is shown too, but on a shared machine it mostly measures the
   neighbours).
5. **Memory**: the same number of business calls spread over few and over many businesses, with
   the default business-token bound of 1,000, in a process started with \`--expose-gc\`. The
   cache size is observed from behaviour: revisiting businesses from the most recently used
   backwards, the calls that need no token request are exactly the cached tokens. Both runs end
   with a full cache, so the settled heap should barely differ between them (budget: 2 MB).

## Running it

\`\`\`sh
pnpm bench                                    # everything, a few minutes on 2 cores
pnpm --filter @thredfi/bench bench --only instructions,throughput
\`\`\`

Sections: \`instructions\`, \`throughput\`, \`cold-start\`, \`codegen\`, \`memory\`. A partial run prints its
table but leaves \`bench/results.json\` and this page alone. Without valgrind the instruction
count is skipped with a message; everything else still runs.
`;
}
