import { createThredfiClient } from "@thredfi/auth";
import { apiKey, partnerId } from "./fixtures.js";
import { type ClientTarget, type HotPathRequest, listBusinesses } from "./openapi-fetch-clients.js";

/** The client under test: `createThredfiClient` with every guard on, as a partner would use it. */
export function createBenchThredfiClient(
  target: ClientTarget,
  options: { maxBusinessTokens?: number } = {},
): ReturnType<typeof createThredfiClient> {
  return createThredfiClient({
    partnerId,
    apiKey,
    baseUrl: target.baseUrl,
    ...(target.fetch === undefined ? {} : { fetch: target.fetch }),
    ...options,
  });
}

/** `thredfi.partner` making the hot-path request with a cached partner token. */
export function thredfiPartnerClient(target: ClientTarget): HotPathRequest {
  return listBusinesses(createBenchThredfiClient(target).partner);
}
