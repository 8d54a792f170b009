import { axiosInterceptorClient } from "./axios-client.js";
import type { LoopbackServer } from "./loopback-server-process.js";
import {
  bareClient,
  type HotPathRequest,
  naiveTokenMiddlewareClient,
} from "./openapi-fetch-clients.js";
import { interleavedOrder, median, type RatioSummary, ratioSummary } from "./stats.js";
import { thredfiPartnerClient } from "./thredfi-clients.js";
import { measureThroughput } from "./throughput.js";

/** Settings of the requests/s comparison. */
export interface ThroughputSettings {
  rounds: number;
  requestsPerRun: number;
  warmupRequests: number;
  concurrency: number;
}

/** Requests/s of each client and its ratio to the bare client. */
export interface ThroughputResult {
  settings: ThroughputSettings;
  medianRequestsPerSecond: Record<ThroughputClientName, number>;
  ratioToBare: Record<Exclude<ThroughputClientName, "bare">, RatioSummary>;
}

/** The clients compared, in the order of an even round. */
export const throughputClientNames = [
  "bare",
  "bare (second client, null comparison)",
  "thredfi.partner",
  "openapi-fetch + naive token middleware",
  "axios + token-refresh interceptor",
] as const;

/** Name of one client in the requests/s comparison. */
export type ThroughputClientName = (typeof throughputClientNames)[number];

/**
 * Measures requests/s of each client against the loopback server. Every round runs every
 * client once, in an order that reverses each round (A-B, then B-A); ratios are taken within a
 * round and the median over rounds is reported, next to the bare-vs-bare null comparison.
 */
export async function runHotPathThroughput(
  server: LoopbackServer,
  settings: ThroughputSettings,
): Promise<ThroughputResult> {
  const target = { baseUrl: server.baseUrl };
  const clients: Record<ThroughputClientName, HotPathRequest> = {
    bare: bareClient(target),
    "bare (second client, null comparison)": bareClient(target),
    "thredfi.partner": thredfiPartnerClient(target),
    "openapi-fetch + naive token middleware": naiveTokenMiddlewareClient(target),
    "axios + token-refresh interceptor": axiosInterceptorClient(server.baseUrl),
  };
  const perRound = Object.fromEntries(
    throughputClientNames.map((name) => [name, [] as number[]]),
  ) as Record<ThroughputClientName, number[]>;

  for (const name of throughputClientNames) {
    await measureThroughput(clients[name], settings.warmupRequests, settings.concurrency);
  }
  for (let round = 0; round < settings.rounds; round++) {
    for (const name of interleavedOrder(throughputClientNames, round)) {
      perRound[name].push(
        await measureThroughput(clients[name], settings.requestsPerRun, settings.concurrency),
      );
    }
  }

  const ratioToBare = {} as ThroughputResult["ratioToBare"];
  for (const name of throughputClientNames) {
    if (name === "bare") continue;
    ratioToBare[name] = ratioSummary(perRound[name], perRound.bare);
  }
  const medianRequestsPerSecond = Object.fromEntries(
    throughputClientNames.map((name) => [name, median(perRound[name])]),
  ) as Record<ThroughputClientName, number>;
  return { settings, medianRequestsPerSecond, ratioToBare };
}
