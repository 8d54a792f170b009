import { createBenchThredfiClient } from "../clients/thredfi.js";
import { createAnsweringFetch } from "../fake-thredfi/index.js";
import { businessId } from "../support/fixtures.js";

// Child-process entry, run with --expose-gc: the same number of business calls spread over
// few and over many businesses, with the default business-token cache bound. Prints one JSON
// line. Run with: <calls> <few businesses> <many businesses> <concurrent businesses>.

const [calls, fewBusinesses, manyBusinesses, concurrentBusinesses] = process.argv
  .slice(2)
  .map(Number) as [number, number, number, number];
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (collectGarbage === undefined) throw new Error("run with --expose-gc");
const sandbox = "https://sandbox.thredfi.com";

const baselineHeapBytes = await settledHeapBytes();
const few = await callAcross(fewBusinesses);
const many = await callAcross(manyBusinesses);
process.stdout.write(`${JSON.stringify({ baselineHeapBytes, few, many })}\n`);

/**
 * Makes `calls` business calls, `calls / businesses` to each business in turn, on a fresh
 * client; then measures the settled heap and how many business tokens the cache still holds.
 */
async function callAcross(businesses: number) {
  const answering = createAnsweringFetch();
  const thredfi = createBenchThredfiClient({ baseUrl: sandbox, fetch: answering.fetch });
  const callsPerBusiness = calls / businesses;
  for (let first = 0; first < businesses; first += concurrentBusinesses) {
    const batch: Array<Promise<void>> = [];
    for (let b = first; b < Math.min(first + concurrentBusinesses, businesses); b++) {
      for (let call = 0; call < callsPerBusiness; call++) batch.push(getBusiness(thredfi, b));
    }
    await Promise.all(batch);
  }
  const businessTokenRequests = answering.counts.businessToken;
  const heapBytes = await settledHeapBytes();
  return {
    businesses,
    calls: answering.counts.api,
    businessTokenRequests,
    heapBytes,
    cachedBusinessTokens: await countCachedBusinessTokens(thredfi, answering, businesses),
  };
}

/**
 * Revisits businesses from the most recently used backwards, one call each: in an LRU, the
 * calls that need no token request are exactly the cached entries. Probing twice the default
 * bound shows whether the cache holds more than it should.
 */
async function countCachedBusinessTokens(
  thredfi: ReturnType<typeof createBenchThredfiClient>,
  answering: ReturnType<typeof createAnsweringFetch>,
  businesses: number,
): Promise<number> {
  const probes = Math.min(businesses, 2000);
  let cached = 0;
  for (let b = businesses - 1; b >= businesses - probes; b--) {
    const before = answering.counts.businessToken;
    await getBusiness(thredfi, b);
    if (answering.counts.businessToken === before) cached++;
  }
  return cached;
}

async function getBusiness(
  thredfi: ReturnType<typeof createBenchThredfiClient>,
  n: number,
): Promise<void> {
  const id = businessId(n);
  const { response } = await thredfi.business(id).GET("/v1/platform/businesses/{business_id}/", {
    params: { path: { business_id: id } },
  });
  if (!response.ok) throw new Error(`business call failed with ${response.status}`);
}

/**
 * Collects garbage until the heap settles. Between collections the event loop turns, so that
 * finalizers (undici and AbortSignal use them to drop per-request listeners) run and what they
 * released is collected too; without the turns, thousands of finished requests look retained.
 */
async function settledHeapBytes(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    collectGarbage?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  collectGarbage?.();
  return process.memoryUsage().heapUsed;
}
