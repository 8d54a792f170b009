import { businessId, listBusinessesPath } from "./fixtures.js";
import type { LoopbackServer } from "./loopback-server-process.js";
import { elapsedMs, median } from "./stats.js";
import { createBenchThredfiClient } from "./thredfi-clients.js";
import type { RequestCounts } from "./thredfi-routes.js";

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

type Burst = (thredfi: ReturnType<typeof createBenchThredfiClient>) => Promise<unknown>;

/**
 * Fires bursts of concurrent first calls at a fresh client and counts the token requests the
 * loopback server receives: single flight means one per token, however many callers wait.
 * The same burst on the now-warm client gives the wall time to compare against.
 */
export async function runColdStart(
  server: LoopbackServer,
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
  server: LoopbackServer,
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
