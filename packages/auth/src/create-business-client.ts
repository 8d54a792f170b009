import { check, requireId, resolveConnection } from "./config.js";
import { createApiClient } from "./create-api-client.js";
import { ThredfiAuthError } from "./errors.js";
import { businessGuard } from "./scope-guard.js";
import { type CachedToken, createTokenStore, readTokenGrant } from "./token-cache.js";
import type { BusinessClientOptions, ThredfiApiClient } from "./types.js";

/**
 * Creates a browser-safe client for one business from tokens minted by the partner's backend.
 * The token from `getToken` is cached per its `expires_in`, fetched once for concurrent callers,
 * and fetched again once when the API answers 401.
 *
 * @example
 * const biz = createBusinessClient({ businessId, getToken: () => fetchTokenFromMyBackend() });
 * const { data } = await biz.GET("/v1/platform/businesses/{business_id}/", {
 *   params: { path: { business_id: businessId } },
 * });
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createBusinessClient(options: BusinessClientOptions): ThredfiApiClient {
  const { baseUrl, originPrefix, fetch, log, now, refreshMarginMs } = resolveConnection(options);
  requireId("businessId", options.businessId);
  const { getToken } = options;
  check(typeof getToken === "function", "getToken must be a function");

  async function fetchToken(): Promise<CachedToken> {
    log("debug", "calling getToken");
    let grant: unknown;
    try {
      grant = await getToken();
    } catch (cause) {
      throw providerError("getToken threw", cause);
    }
    return (
      readTokenGrant(grant, now(), refreshMarginMs) ??
      providerError("getToken returned no usable token")
    );
  }

  function providerError(description: string, cause?: unknown): never {
    log("warn", description);
    throw new ThredfiAuthError("token_provider_error", description, undefined, cause);
  }

  return createApiClient(
    baseUrl,
    fetch,
    businessGuard(baseUrl, originPrefix, options.businessId),
    createTokenStore(fetchToken, 1, now),
    0,
    log,
  );
}
