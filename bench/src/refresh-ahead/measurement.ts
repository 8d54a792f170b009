import { setTimeout as sleep } from "node:timers/promises";
import { createAuthClient } from "@thredfi/auth";
import type { FakeThredfiServer } from "../fake-thredfi/index.js";
import type { Measurement } from "../measurement.js";
import {
  apiKey,
  listBusinessesPath,
  partnerId,
  tokenLifetimeSeconds,
} from "../support/fixtures.js";
import { count, row, type TableRow, times, verdict } from "../support/format.js";
import {
  elapsedMs,
  interleavedOrder,
  median,
  type RatioSummary,
  ratioSummary,
} from "../support/stats.js";

/** Settings of the refresh-ahead benchmark. */
export interface RefreshAheadSettings {
  /** How long the token endpoint takes to answer. */
  tokenDelayMs: number;
  refreshMarginSeconds: number;
  /** Rounds of the latency comparison, each with a fresh client. */
  rounds: number;
  /** Sequential calls timed per phase of a round, the first call of the window among them. */
  callsPerPhase: number;
  /** Length of the token-endpoint outage on the client's clock; shorter than the margin. */
  outageSeconds: number;
  /** Calls spread evenly over the outage. */
  outageCalls: number;
}

/** Latency inside against outside the refresh window, and calls lost to an outage. */
export interface RefreshAheadResult {
  settings: RefreshAheadSettings;
  /** Mean latency of a call in the first calls of the refresh window, median over rounds. */
  insideMs: number;
  /** Mean latency of a call well before the refresh window, median over rounds. */
  outsideMs: number;
  /** Per round: mean call latency inside the window ÷ outside it. */
  ratio: RatioSummary;
  /** Per round: a second phase outside the window ÷ the first, the noise a ratio must beat. */
  nullRatio: RatioSummary;
  outage: {
    calls: number;
    failedCalls: number;
    /** Background refreshes that failed during the outage (each logged, none seen by a call). */
    failedRefreshes: number;
    /** Whether the first calls after the outage ended moved on to a new token. */
    recovered: boolean;
  };
  pass: boolean;
}

const settings: RefreshAheadSettings = {
  tokenDelayMs: 200,
  refreshMarginSeconds: 300,
  rounds: 40,
  // About 60 ms of calls: all inside-window calls run while the 200 ms refresh is in flight.
  callsPerPhase: 40,
  outageSeconds: 240,
  outageCalls: 120,
};
const targetRatio = 1.1;

/** 6: the cost of a call inside the refresh window, and calls that fail during an outage. */
export const refreshAhead: Measurement<"refreshAhead", RefreshAheadResult> = {
  name: "refresh-ahead",
  key: "refreshAhead",
  title: "6 refresh ahead",
  run: async (context) => measureRefreshAhead(await context.fakeThredfi(), settings),
  rows: refreshAheadRows,
  method: (result) => {
    const { tokenDelayMs, rounds, callsPerPhase, outageSeconds, refreshMarginSeconds } =
      result?.settings ?? settings;
    return `- **6. Refresh ahead**: the loopback token endpoint takes ${tokenDelayMs} ms. Each of
  ${rounds} rounds warms a fresh client, then times ${callsPerPhase} sequential partner calls well
  before the refresh window and ${callsPerPhase} starting at the first moment of the window (the
  client's clock is moved, the server is real); the ratio of their mean latencies is the cost of
  being inside the window (target ≤ ${targetRatio}×: no call waits while the token is valid). A
  second phase outside the window gives the null comparison. Before refresh ahead, the first
  call in the window waited the full ${tokenDelayMs} ms.
  Then the token endpoint fails (503 after ${tokenDelayMs} ms) for ${outageSeconds} s of the
  client's clock from the start of the window, shorter than the ${refreshMarginSeconds} s margin:
  the calls made meanwhile must all succeed (target 0 failed), and the first calls after it must
  pick up a new token.`;
  },
};

/** A partner client on a clock the benchmark moves, whose token requests can be made to fail. */
function clockedClient(server: FakeThredfiServer) {
  const clock = { now: Date.now() };
  const outage = { on: false, failedTokenRequests: 0 };
  const fetch = async (request: Request): Promise<Response> => {
    if (outage.on && request.url.includes("/oauth2/token/")) {
      await sleep(settings.tokenDelayMs);
      outage.failedTokenRequests++;
      return new Response("unavailable", { status: 503 });
    }
    return globalThis.fetch(request);
  };
  const thredfi = createAuthClient({
    partnerId,
    apiKey,
    baseUrl: server.baseUrl,
    fetch,
    now: () => clock.now,
    refreshMarginSeconds: settings.refreshMarginSeconds,
  });
  const call = async () => {
    const { response } = await thredfi.partner.GET(listBusinessesPath);
    return response.ok;
  };
  const started = clock.now;
  return {
    clock,
    outage,
    thredfi,
    call,
    /** The first moment of the refresh window of the token fetched at `started`. */
    windowStart: started + (tokenLifetimeSeconds - settings.refreshMarginSeconds) * 1000,
  };
}

async function measureRefreshAhead(
  server: FakeThredfiServer,
  settings: RefreshAheadSettings,
): Promise<RefreshAheadResult> {
  await server.reset({ tokenDelayMs: settings.tokenDelayMs });
  const inside: number[] = [];
  const outside: number[] = [];
  const outsideAgain: number[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const client = clockedClient(server);
    await client.call();
    const early = client.clock.now + 60_000;
    const phases = [
      () => timeCalls(client, early, outside),
      () => timeCalls(client, early + 1, outsideAgain),
      () => timeCalls(client, client.windowStart, inside),
    ];
    // The order rotates, so no phase always runs first, on a colder process.
    for (const phase of interleavedOrder(phases, round)) await phase();
    // Lets the background refresh land before the next round starts.
    await sleep(settings.tokenDelayMs * 1.5);
  }
  const ratio = ratioSummary(inside, outside);
  const nullRatio = ratioSummary(outsideAgain, outside);
  const outage = await measureOutage(server, settings);
  return {
    settings,
    insideMs: median(inside),
    outsideMs: median(outside),
    ratio,
    nullRatio,
    outage,
    pass: ratio.median <= targetRatio && outage.failedCalls === 0 && outage.recovered,
  };
}

/** Times `settings.callsPerPhase` sequential calls at clock time `at`; records their mean. */
async function timeCalls(
  client: ReturnType<typeof clockedClient>,
  at: number,
  means: number[],
): Promise<void> {
  client.clock.now = at;
  const start = performance.now();
  for (let n = 0; n < settings.callsPerPhase; n++) {
    if (!(await client.call())) throw new Error("a timed call failed");
  }
  means.push(elapsedMs(start) / settings.callsPerPhase);
}

async function measureOutage(
  server: FakeThredfiServer,
  settings: RefreshAheadSettings,
): Promise<RefreshAheadResult["outage"]> {
  await server.reset({ tokenDelayMs: settings.tokenDelayMs });
  const client = clockedClient(server);
  await client.call();
  const before = (await client.thredfi.tokens.partner()).access_token;
  client.outage.on = true;
  let failedCalls = 0;
  const stepMs = (settings.outageSeconds * 1000) / settings.outageCalls;
  for (let n = 0; n < settings.outageCalls; n++) {
    client.clock.now = client.windowStart + n * stepMs;
    if (!(await client.call().catch(() => false))) failedCalls++;
    // Real time passes too, so background refreshes overlap the calls as they would.
    await sleep(5);
  }
  client.clock.now = client.windowStart + settings.outageSeconds * 1000;
  // Waits for the last background attempt of the outage to fail before the endpoint recovers.
  await sleep(settings.tokenDelayMs * 1.5);
  client.outage.on = false;
  let recovered = false;
  for (let n = 0; n < 10 && !recovered; n++) {
    if (!(await client.call().catch(() => false))) failedCalls++;
    await sleep(settings.tokenDelayMs * 1.5);
    recovered = (await client.thredfi.tokens.partner()).access_token !== before;
  }
  return {
    calls: settings.outageCalls,
    failedCalls,
    failedRefreshes: client.outage.failedTokenRequests,
    recovered,
  };
}

function refreshAheadRows(result: RefreshAheadResult): TableRow[] {
  const { settings, ratio, outage } = result;
  const perCall = (value: number) => `${value.toFixed(2)} ms`;
  return [
    row(
      `6 refresh ahead: calls inside vs outside the refresh window (token endpoint ${settings.tokenDelayMs} ms)`,
      `${perCall(result.insideMs)} vs ${perCall(result.outsideMs)} per call = ${times(ratio.median)} (rounds ${times(ratio.min)}–${times(ratio.max)}; null comparison ${times(result.nullRatio.median)}, ${times(result.nullRatio.min)}–${times(result.nullRatio.max)})`,
      `≤ ${targetRatio}×`,
      verdict(ratio.median <= targetRatio),
    ),
    row(
      `6 refresh ahead: failed calls during a ${settings.outageSeconds} s token-endpoint outage (margin ${settings.refreshMarginSeconds} s)`,
      `${count(outage.failedCalls)} of ${count(outage.calls)} calls failed; ${count(outage.failedRefreshes)} background refreshes failed; new token after the outage: ${outage.recovered ? "yes" : "no"}`,
      "0",
      verdict(outage.failedCalls === 0 && outage.recovered),
    ),
  ];
}
