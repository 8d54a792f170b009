import { createBusinessClient as createAuthBusinessClient } from "@thredfi/auth";
import { wrapApiClient } from "./api-client.js";
import { createCallRegistry } from "./call-context.js";
import { resolveClientConfig } from "./config.js";
import { authLogger } from "./log.js";
import { createTransport } from "./transport.js";
import type { BusinessClientOptions, ThredfiApiClient } from "./types.js";

/**
 * Creates a browser-safe client for one business from tokens minted by the partner's backend,
 * with timeouts, retries, idempotency keys, typed errors and request logging.
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
  const registry = createCallRegistry();
  const inner = createAuthBusinessClient({
    businessId: options.businessId,
    getToken: options.getToken,
    environment: options.environment,
    baseUrl: options.baseUrl,
    refreshMarginSeconds: options.refreshMarginSeconds,
    now: options.now,
    fetch: createTransport(config, registry),
    logger: authLogger(config.log),
    // Bounds each getToken call; a token that never comes is a `timeout`, asked for again next.
    timeoutMs: config.timeoutMs,
  });
  return wrapApiClient(inner, config, registry);
}
