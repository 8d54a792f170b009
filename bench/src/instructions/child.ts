import { setFlagsFromString } from "node:v8";
import { buildClient } from "../clients/registry.js";
import { createAnsweringFetch } from "../fake-thredfi/index.js";

// Child-process entry run under callgrind: warm up, then N requests, then 4N requests, each run
// preceded by a call into V8's flag parser, on which callgrind is told to dump its counters.
// Run with: <client name> <N> <warm-up requests>.

const [name, nArg, warmupArg] = process.argv.slice(2);
const n = Number(nArg);
const answering = createAnsweringFetch();
const request = buildClient("instructions", name, {
  baseUrl: "https://sandbox.thredfi.com",
  fetch: answering.fetch,
});

await runSequentially(Number(warmupArg));
markRunBoundary();
await runSequentially(n);
markRunBoundary();
await runSequentially(4 * n);
markRunBoundary();

if (answering.counts.api !== 5 * n + Number(warmupArg)) throw new Error("requests went missing");

async function runSequentially(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await request();
}

/** An empty flag string changes nothing; the call is only a symbol callgrind can dump before. */
function markRunBoundary(): void {
  setFlagsFromString("");
}
