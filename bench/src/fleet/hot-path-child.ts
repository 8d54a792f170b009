import { setFlagsFromString } from "node:v8";
import { createThredfiClient } from "@thredfi/client";
import { createRedisTokenStore } from "@thredfi/token-store-redis";
import { createAnsweringFetch } from "../fake-thredfi/index.js";
import { apiKey, businessId, partnerId } from "../support/fixtures.js";

// Child-process entry run under callgrind: one business's calls with its token in memory, with
// or without a Redis token store. A warm-up, then N calls, then 4N, each run preceded by a call
// into V8's flag parser on which callgrind dumps its counters.
// Run with: <redis URL or "-"> <N> <warm-up calls>.

const [redisUrl, nArg, warmupArg] = process.argv.slice(2);
const n = Number(nArg);
const answering = createAnsweringFetch();
const tokenStore =
  redisUrl === "-" || redisUrl === undefined
    ? undefined
    : createRedisTokenStore({ url: redisUrl, keyPrefix: `hot-path-${process.pid}:` });
const thredfi = createThredfiClient({
  partnerId,
  apiKey,
  baseUrl: "https://sandbox.thredfi.com",
  fetch: answering.fetch,
  tokenStore,
});
const id = businessId(1);
const business = thredfi.business(id);

await run(Number(warmupArg));
markRunBoundary();
await run(n);
markRunBoundary();
await run(4 * n);
markRunBoundary();
await tokenStore?.close();

if (answering.counts.businessToken !== 1) throw new Error("the token was fetched more than once");

async function run(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { response } = await business.GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: id } },
    });
    if (!response.ok) throw new Error(`call failed with ${response.status}`);
  }
}

/** An empty flag string changes nothing; the call is only a symbol callgrind can dump before. */
function markRunBoundary(): void {
  setFlagsFromString("");
}
