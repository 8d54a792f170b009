import { createThredfiClient } from "@thredfi/auth";
import { apiKey, partnerId } from "../support/fixtures.js";
import { type ClientTarget, type HotPathRequest, listBusinesses } from "./hot-path.js";

/** Name of the measured client in every comparison and in the hot-path verdict. */
export const measuredClientName = "thredfi.partner";

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

/** The measured client making the hot-path request with a cached partner token. */
export function measuredClient(target: ClientTarget): HotPathRequest {
  return listBusinesses(createBenchThredfiClient(target).partner);
}
