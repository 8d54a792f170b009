import { bundleChild } from "./bundle-child.js";
import type { LoopbackServer } from "./loopback-server-process.js";
import { interleavedOrder, median, type RatioSummary, ratioSummary } from "./stats.js";
import type { Throughput } from "./throughput.js";
import { type ThroughputClientName, throughputClientNames } from "./throughput-clients.js";
import { lastJsonLine, runChild } from "./ts-child.js";

/** Settings of the requests/s comparison. */
export interface ThroughputSettings {
  rounds: number;
  requestsPerRun: number;
  /** Requests each run makes before it starts timing. */
  warmupRequests: number;
  concurrency: number;
}

/** Requests/s of each client and its ratio to the bare client. */
export interface ThroughputResult {
  settings: ThroughputSettings;
  medianRequestsPerSecond: Record<ThroughputClientName, number>;
  /** Requests/s of every run, by client, in round order. */
  requestsPerSecondByRound: Record<ThroughputClientName, number[]>;
  ratioToBare: Record<Exclude<ThroughputClientName, "bare">, RatioSummary>;
  /** The same comparison in requests per CPU-second of the client process. */
  medianRequestsPerCpuSecond: Record<ThroughputClientName, number>;
  requestsPerCpuSecondByRound: Record<ThroughputClientName, number[]>;
  cpuRatioToBare: Record<Exclude<ThroughputClientName, "bare">, RatioSummary>;
}

/**
 * Measures requests/s of each client against the loopback server, which runs in its own
 * process. Every round runs every client once, each run in a fresh process, in the order
 * {@link interleavedOrder} gives (A-B, then B-A); ratios are taken within a round and the
 * median over rounds is reported, next to the bare-vs-bare null comparison.
 */
export async function runHotPathThroughput(
  server: LoopbackServer,
  settings: ThroughputSettings,
): Promise<ThroughputResult> {
  const child = await bundleChild("./throughput-run-child.ts");
  const perRound = emptySeries();
  const cpuPerRound = emptySeries();

  for (let round = 0; round < settings.rounds; round++) {
    for (const name of interleavedOrder(throughputClientNames, round)) {
      const { stdout } = await runChild([
        process.execPath,
        child,
        name,
        server.baseUrl,
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
    medianRequestsPerSecond: medians(perRound),
    requestsPerSecondByRound: perRound,
    ratioToBare: ratiosToBare(perRound),
    medianRequestsPerCpuSecond: medians(cpuPerRound),
    requestsPerCpuSecondByRound: cpuPerRound,
    cpuRatioToBare: ratiosToBare(cpuPerRound),
  };
}

type Series = Record<ThroughputClientName, number[]>;

function emptySeries(): Series {
  return Object.fromEntries(throughputClientNames.map((name) => [name, [] as number[]])) as Series;
}

function medians(series: Series): Record<ThroughputClientName, number> {
  return Object.fromEntries(
    throughputClientNames.map((name) => [name, median(series[name])]),
  ) as Record<ThroughputClientName, number>;
}

function ratiosToBare(series: Series): ThroughputResult["ratioToBare"] {
  const ratios = {} as ThroughputResult["ratioToBare"];
  for (const name of throughputClientNames) {
    if (name !== "bare") ratios[name] = ratioSummary(series[name], series.bare);
  }
  return ratios;
}
