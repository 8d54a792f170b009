import { createBenchThredfiClient } from "../clients/thredfi.js";
import type { FakeThredfiServer, RequestCounts } from "../fake-thredfi/index.js";
import type { Measurement } from "../measurement.js";
import { businessId, listBusinessesPath } from "../support/fixtures.js";
import { ms, row, type TableRow, times, verdict } from "../support/format.js";
import { elapsedMs, median } from "../support/stats.js";

/** Settings of the cold-start benchmark. */
export interface ColdStartSettings {
  concurrentPartnerCalls: number;
  businesses: number;
  callsPerBusiness: number;
  repetitions: number;
}

/** One scenario: token requests seen on the cold run, and wall times cold vs warm. */
export interface ColdStartScenario {
  expected: { partnerToken: number; businessToken: number };
  /** Token requests counted by the server on each cold run. */
  observed: Array<Pick<RequestCounts, "partnerToken" | "businessToken">>;
  /** Token requests made by the warm runs, all together: must be 0. */
  warmTokenRequests: number;
  pass: boolean;
  medianColdMs: number;
  medianWarmMs: number;
  coldToWarm: number;
}

/** Both cold-start scenarios. */
export interface ColdStartResult {
  settings: ColdStartSettings;
  partner: ColdStartScenario;
  businesses: ColdStartScenario;
}

const settings: ColdStartSettings = {
  concurrentPartnerCalls: 1_000,
  businesses: 100,
  callsPerBusiness: 10,
  repetitions: 3,
};

/** 3: token requests and wall time of a burst of concurrent first calls. */
export const coldStart: Measurement<"coldStart", ColdStartResult> = {
  name: "cold-start",
  key: "coldStart",
  title: "3 cold start",
  run: async (context) => measureColdStart(await context.fakeThredfi(), settings),
  rows: coldStartRows,
  method: () => `- **3. Cold start**: a fresh client receives a burst of concurrent first calls; the
  loopback server counts the token requests it sees (single flight: 1 partner token for any
  number of callers; 1 + 100 for 100 businesses × 10 calls). The same burst on the now-warm
  client gives the wall time to compare with.`,
};

type Burst = (thredfi: ReturnType<typeof createBenchThredfiClient>) => Promise<unknown>;

/**
 * Fires bursts of concurrent first calls at a fresh client and counts the token requests the
 * loopback server receives: single flight means one per token, however many callers wait.
 * The same burst on the now-warm client gives the wall time to compare against.
 */
async function measureColdStart(
  server: FakeThredfiServer,
  settings: ColdStartSettings,
): Promise<ColdStartResult> {
  const partnerBurst: Burst = (thredfi) =>
    Promise.all(
      Array.from({ length: settings.concurrentPartnerCalls }, () =>
        expectOk(thredfi.partner.GET(listBusinessesPath)),
      ),
    );
  const businessBurst: Burst = (thredfi) =>
    Promise.all(
      Array.from({ length: settings.businesses * settings.callsPerBusiness }, (_, call) => {
        const id = businessId(call % settings.businesses);
        return expectOk(
          thredfi.business(id).GET("/v1/platform/businesses/{business_id}/", {
            params: { path: { business_id: id } },
          }),
        );
      }),
    );
  // Opens the connection pool so that neither the cold nor the warm run pays for sockets.
  await partnerBurst(createBenchThredfiClient({ baseUrl: server.baseUrl }));

  return {
    settings,
    partner: await measureScenario(server, settings, partnerBurst, {
      partnerToken: 1,
      businessToken: 0,
    }),
    businesses: await measureScenario(server, settings, businessBurst, {
      partnerToken: 1,
      businessToken: settings.businesses,
    }),
  };
}

async function measureScenario(
  server: FakeThredfiServer,
  settings: ColdStartSettings,
  burst: Burst,
  expected: ColdStartScenario["expected"],
): Promise<ColdStartScenario> {
  const observed: ColdStartScenario["observed"] = [];
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  let warmTokenRequests = 0;
  for (let repetition = 0; repetition < settings.repetitions; repetition++) {
    const thredfi = createBenchThredfiClient({ baseUrl: server.baseUrl });
    await server.reset();
    let start = performance.now();
    await burst(thredfi);
    coldMs.push(elapsedMs(start));
    const { partnerToken, businessToken } = await server.counts();
    observed.push({ partnerToken, businessToken });
    start = performance.now();
    await burst(thredfi);
    warmMs.push(elapsedMs(start));
    const after = await server.counts();
    warmTokenRequests += after.partnerToken + after.businessToken - partnerToken - businessToken;
  }
  const pass =
    warmTokenRequests === 0 &&
    observed.every(
      (counts) =>
        counts.partnerToken === expected.partnerToken &&
        counts.businessToken === expected.businessToken,
    );
  return {
    expected,
    observed,
    warmTokenRequests,
    pass,
    medianColdMs: median(coldMs),
    medianWarmMs: median(warmMs),
    coldToWarm: median(coldMs) / median(warmMs),
  };
}

async function expectOk(call: Promise<{ response: Response }>): Promise<void> {
  const { response } = await call;
  if (!response.ok) throw new Error(`request failed with ${response.status}`);
}

function coldStartRows(result: ColdStartResult): TableRow[] {
  const { settings, partner, businesses } = result;
  const counts = (scenario: ColdStartScenario) =>
    scenario.observed.map((seen) => `${seen.partnerToken}+${seen.businessToken}`).join(", ");
  return [
    row(
      `3 cold start: ${settings.concurrentPartnerCalls} concurrent first partner calls`,
      `token requests (partner+business) per cold run: ${counts(partner)}, warm runs: ${partner.warmTokenRequests}; ${ms(partner.medianColdMs)} cold vs ${ms(partner.medianWarmMs)} warm = ${times(partner.coldToWarm)}`,
      "1+0",
      verdict(partner.pass),
    ),
    row(
      `3 cold start: ${settings.businesses} businesses × ${settings.callsPerBusiness} concurrent calls`,
      `token requests (partner+business) per cold run: ${counts(businesses)}, warm runs: ${businesses.warmTokenRequests}; ${ms(businesses.medianColdMs)} cold vs ${ms(businesses.medianWarmMs)} warm = ${times(businesses.coldToWarm)}`,
      `1+${settings.businesses}`,
      verdict(businesses.pass),
    ),
  ];
}
