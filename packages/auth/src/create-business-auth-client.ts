import { createBusinessTokens } from "./business-tokens.js";
import { resolveConnection } from "./config.js";
import { createApiClient } from "./create-api-client.js";
import { createDeadlines } from "./deadlines.js";
import type { BusinessClientOptions, ThredfiApiClient } from "./types.js";

/**
 * Creates a browser-safe client for one business from tokens minted by the partner's backend.
 * The token from `getToken` is cached per its `expires_in`, fetched once for concurrent callers,
 * refreshed in the background before it expires, and fetched again once when the API answers
 * 401. A `getToken` call that takes longer than `timeoutMs` fails with `timeout`.
 *
 * @example
 * const biz = createBusinessAuthClient({ businessId, getToken: () => fetchTokenFromMyBackend() });
 * const { data } = await biz.GET("/v1/platform/businesses/{business_id}/", {
 *   params: { path: { business_id: businessId } },
 * });
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createBusinessAuthClient(options: BusinessClientOptions): ThredfiApiClient {
  const connection = resolveConnection(options);
  const tokens = createBusinessTokens(options, connection, createDeadlines());
  return createApiClient(connection, tokens, options.businessId);
}
