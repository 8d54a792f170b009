import { createAuthClient } from "@thredfi/auth";
import { createThredfiClient } from "@thredfi/client";
import { apiKey, partnerId } from "../support/fixtures.js";
import { type ClientTarget, type HotPathRequest, listBusinesses } from "./hot-path.js";

/** Name of the measured client in every comparison and in the hot-path verdict. */
export const measuredClientName = "thredfi.partner";
/** The token layer alone: `@thredfi/auth`'s own client, a reference point. */
export const authClientName = "@thredfi/auth partner (token layer only)";
/** The measured client on a call answered 503, 503, then 200. */
export const thirdAttemptClientName =
  "thredfi.partner, success on the 3rd attempt (no backoff wait)";

/**
 * The client under test: `@thredfi/client`'s `createThredfiClient` with its defaults (timeouts,
 * two retries, idempotency keys, error mapping, the default log level), as a partner uses it.
 */
export function createBenchThredfiClient(
  target: ClientTarget,
  options: { maxBusinessTokens?: number } = {},
): ReturnType<typeof createThredfiClient> {
  return createThredfiClient({
    partnerId,
    apiKey,
    baseUrl: target.baseUrl,
    fetch: target.fetch,
    ...options,
  });
}

/** The measured client making the hot-path request with a cached partner token. */
export function measuredClient(target: ClientTarget): HotPathRequest {
  return listBusinesses(createBenchThredfiClient(target).partner);
}

/** `@thredfi/auth`'s partner client: tokens, no timeouts, retries or error mapping. */
export function authClient(target: ClientTarget): HotPathRequest {
  const thredfi = createAuthClient({
    partnerId,
    apiKey,
    baseUrl: target.baseUrl,
    fetch: target.fetch,
  });
  return listBusinesses(thredfi.partner);
}

/**
 * The measured client on a call that fails twice with 503 and succeeds on its third attempt:
 * the cost of two retries. The backoff is zero so the count measures work, not waiting.
 */
export function thirdAttemptClient(target: ClientTarget): HotPathRequest {
  const send = target.fetch ?? globalThis.fetch;
  let attempt = 0;
  const failingTwice = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const isApiCall = !String(input instanceof Request ? input.url : input).includes("/oauth2/");
    if (isApiCall && ++attempt % 3 !== 0) {
      return Promise.resolve(
        new Response("{}", { status: 503, headers: { "content-type": "application/json" } }),
      );
    }
    return send(input, init);
  };
  const thredfi = createThredfiClient({
    partnerId,
    apiKey,
    baseUrl: target.baseUrl,
    fetch: failingTwice,
    retryBackoff: { initialDelayMs: 0, maxDelayMs: 0 },
  });
  return listBusinesses(thredfi.partner);
}
