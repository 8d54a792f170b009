import { buildClient } from "../clients/registry.js";
import { measureThroughput } from "./measure-throughput.js";

// Child-process entry: one requests/s run of one client in a fresh process, so no run inherits
// another client's JIT state or garbage. Run with:
// <client name> <base URL> <warm-up requests> <measured requests> <concurrency>.
// Prints the throughput of the measured requests.

const [name, baseUrl, warmup, count, concurrency] = process.argv.slice(2);
if (baseUrl === undefined) throw new Error("usage: <client name> <base URL> …");
const request = buildClient("throughput", name, { baseUrl });
await measureThroughput(request, Number(warmup), Number(concurrency));
const throughput = await measureThroughput(request, Number(count), Number(concurrency));
process.stdout.write(`${JSON.stringify(throughput)}\n`);
