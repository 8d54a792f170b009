import { type ClientName, clientsIn } from "../clients/registry.js";
import { measuredClientName } from "../clients/thredfi.js";
import type { Measurement } from "../measurement.js";
import { bundleChild, lastJsonLine, runChild } from "../support/child-process.js";
import { count, row, rps, type TableRow, times, verdict } from "../support/format.js";
import { interleavedOrder, median, type RatioSummary, ratioSummary } from "../support/stats.js";
import type { Throughput } from "./measure-throughput.js";

/** Settings of the requests/s comparison. */
export interface ThroughputSettings {
  rounds: number;
  requestsPerRun: number;
  /** Requests each run makes before it starts timing. */
  warmupRequests: number;
  concurrency: number;
}

type ThroughputClient = ClientName<"throughput">;

/** Requests/s of each client and its ratio to the bare client. */
export interface ThroughputResult {
  settings: ThroughputSettings;
  medianRequestsPerSecond: Record<ThroughputClient, number>;
  /** Requests/s of every run, by client, in round order. */
  requestsPerSecondByRound: Record<ThroughputClient, number[]>;
  ratioToBare: Record<Exclude<ThroughputClient, "bare">, RatioSummary>;
  /** The same comparison in requests per CPU-second of the client process. */
  medianRequestsPerCpuSecond: Record<ThroughputClient, number>;
  requestsPerCpuSecondByRound: Record<ThroughputClient, number[]>;
  cpuRatioToBare: Record<Exclude<ThroughputClient, "bare">, RatioSummary>;
}

const settings: ThroughputSettings = {
  rounds: 6,
  requestsPerRun: 10_000,
  warmupRequests: 1_000,
  concurrency: 8,
};

/** 1b and 2: requests/s of each client against the loopback fake Thredfi server. */
export const throughput: Measurement<"throughput", ThroughputResult> = {
  name: "throughput",
  key: "throughput",
  title: "1b/2 requests/s against the loopback server",
  run: async (context) => compareThroughput((await context.fakeThredfi()).baseUrl, settings),
  rows: throughputRows,
  hotPath(result) {
    const ratio = result.ratioToBare[measuredClientName].median;
    const noise = result.ratioToBare["bare (second client, null comparison)"].median;
    const cpu = result.cpuRatioToBare[measuredClientName].median;
    const cpuNoise = result.cpuRatioToBare["bare (second client, null comparison)"].median;
    return `${times(ratio)} requests/s (target ≥ 0.95×; null ${times(noise)}), ${times(cpu)} per client CPU-second (null ${times(cpuNoise)})`;
  },
  method: (result) => {
    const used = result?.settings;
    return `- **1b. Requests per second** on the same hot path against a loopback \`node:http\` server
  running in a child process, ${used ? `${used.concurrency} requests in flight, ${used.rounds} rounds of ${count(used.requestsPerRun)} requests per client (after ${count(used.warmupRequests)} untimed ones)` : "in rounds"}.
  Every run happens in a fresh process, so no client inherits another's JIT state or garbage.
  Each round runs every client once; rounds come in pairs whose second half is the exact
  reverse of the first (A-B, then B-A), and each pair starts one client further along. Ratios
  are taken within a round; the median over rounds is reported with its range. Target: ≥ 0.95×
  bare. Next to requests per wall-clock second stands requests per CPU-second of the client
  process: waiting for a core on a busy machine costs no CPU time, so that ratio stays steadier
  when neighbours load the machine.
- **2. What users would write instead**, in the same rounds: axios with the usual token-refresh
  interceptor pair (await the cached token on each request, drop it and replay once on 401),
  and openapi-fetch with a naive middleware that awaits a token getter on every request.`;
  },
};

/**
 * Measures requests/s of each client against the server at `baseUrl`. Every round runs every
 * client once, each run in a fresh process, in the order {@link interleavedOrder} gives (A-B,
 * then B-A); ratios are taken within a round and the median over rounds is reported, next to
 * the bare-vs-bare null comparison.
 */
async function compareThroughput(
  baseUrl: string,
  settings: ThroughputSettings,
): Promise<ThroughputResult> {
  const child = await bundleChild(new URL("./child.ts", import.meta.url), "throughput-child");
  const names = clientsIn("throughput");
  const perRound = emptySeries(names);
  const cpuPerRound = emptySeries(names);

  for (let round = 0; round < settings.rounds; round++) {
    for (const name of interleavedOrder(names, round)) {
      const { stdout } = await runChild([
        process.execPath,
        child,
        name,
        baseUrl,
        String(settings.warmupRequests),
        String(settings.requestsPerRun),
        String(settings.concurrency),
      ]);
      const run = lastJsonLine<Throughput>(stdout);
      perRound[name].push(run.requestsPerSecond);
      cpuPerRound[name].push(run.requestsPerCpuSecond);
    }
  }

  return {
    settings,
    medianRequestsPerSecond: medians(names, perRound),
    requestsPerSecondByRound: perRound,
    ratioToBare: ratiosToBare(names, perRound),
    medianRequestsPerCpuSecond: medians(names, cpuPerRound),
    requestsPerCpuSecondByRound: cpuPerRound,
    cpuRatioToBare: ratiosToBare(names, cpuPerRound),
  };
}

type Series = Record<ThroughputClient, number[]>;

function emptySeries(names: readonly ThroughputClient[]): Series {
  return Object.fromEntries(names.map((name) => [name, [] as number[]])) as Series;
}

function medians(
  names: readonly ThroughputClient[],
  series: Series,
): Record<ThroughputClient, number> {
  return Object.fromEntries(names.map((name) => [name, median(series[name])])) as Record<
    ThroughputClient,
    number
  >;
}

function ratiosToBare(
  names: readonly ThroughputClient[],
  series: Series,
): ThroughputResult["ratioToBare"] {
  const ratios = {} as ThroughputResult["ratioToBare"];
  for (const name of names) {
    if (name !== "bare") ratios[name] = ratioSummary(series[name], series.bare);
  }
  return ratios;
}

function throughputRows(result: ThroughputResult): TableRow[] {
  const rows = [
    row(
      "1b requests/s: bare",
      `${rps(result.medianRequestsPerSecond.bare)}; per client CPU-second ${rps(result.medianRequestsPerCpuSecond.bare)}`,
      "",
      "",
    ),
  ];
  for (const name of clientsIn("throughput")) {
    if (name === "bare") continue;
    const wall = result.ratioToBare[name];
    const cpu = result.cpuRatioToBare[name];
    const value = `${rps(result.medianRequestsPerSecond[name])} = ${times(wall.median)} (rounds ${range(wall)}); per client CPU-second ${times(cpu.median)} (rounds ${range(cpu)})`;
    const isOurs = name === measuredClientName;
    const section = name.startsWith("bare") || isOurs ? "1b" : "2";
    rows.push(
      row(
        `${section} requests/s: ${name}`,
        value,
        isOurs ? "≥ 0.95×" : "",
        isOurs ? verdict(wall.median >= 0.95) : "",
      ),
    );
  }
  return rows;
}

function range(ratio: RatioSummary): string {
  return `${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}`;
}
