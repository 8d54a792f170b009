import { createBusinessTokens } from "@thredfi/auth/internal";
import { resolveClientConfig } from "./config.js";
import type { BusinessClientOptions } from "./options.js";
import { createPathClient } from "./path-client.js";
import { createPipeline } from "./pipeline.js";
import type { ThredfiApiClient } from "./types.js";

/**
 * Creates a browser-safe client for one business from tokens minted by the partner's backend,
 * with timeouts, retries, idempotency keys, typed errors and request logging. Every option of
 * `@thredfi/auth`'s `createBusinessClient` reaches its token layer as it is.
 *
 * @example
 * const biz = createBusinessClient({ businessId, getToken: () => fetchTokenFromMyBackend() });
 * const { data } = await biz.GET("/v1/platform/businesses/{business_id}/", {
 *   params: { path: { business_id: businessId } },
 * });
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createBusinessClient(
  options: BusinessClientOptions & { throwOnError: true },
): ThredfiApiClient<true>;
export function createBusinessClient(options: BusinessClientOptions): ThredfiApiClient;
export function createBusinessClient(options: BusinessClientOptions): ThredfiApiClient<boolean> {
  const config = resolveClientConfig(options, []);
  const tokens = createBusinessTokens(options, config.connection, config.deadlines);
  const { businessId } = options;
  return createPathClient(
    { config, pipeline: createPipeline(config) },
    { tokens, businessId, key: businessId.toLowerCase() },
  ) as unknown as ThredfiApiClient<boolean>;
}
