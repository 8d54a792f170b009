import { createThredfiClient as createAuthClient } from "@thredfi/auth";
import { wrapApiClient } from "./api-client.js";
import { createCallRegistry } from "./call-context.js";
import { MAX_TIMER_MS, resolveClientConfig } from "./config.js";
import { authLogger } from "./log.js";
import { wrapTokens } from "./tokens.js";
import { createTransport } from "./transport.js";
import type { ThredfiClient, ThredfiClientOptions } from "./types.js";

/**
 * Creates the backend client: partner and business-scoped openapi-fetch clients whose tokens
 * are fetched, cached and refreshed on their own, with timeouts, retries, idempotency keys,
 * typed errors and request logging.
 *
 * @example
 * const thredfi = createThredfiClient({ partnerId, apiKey, environment: "sandbox" });
 * const { data, error } = await thredfi.partner.GET("/v1/platform/businesses/");
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createThredfiClient(
  options: ThredfiClientOptions & { throwOnError: true },
): ThredfiClient<true>;
export function createThredfiClient(options: ThredfiClientOptions): ThredfiClient;
export function createThredfiClient(options: ThredfiClientOptions): ThredfiClient<boolean> {
  const config = resolveClientConfig(options, [options?.apiKey]);
  const registry = createCallRegistry();
  const auth = createAuthClient({
    partnerId: options.partnerId,
    apiKey: options.apiKey,
    environment: options.environment,
    baseUrl: options.baseUrl,
    refreshMarginSeconds: options.refreshMarginSeconds,
    maxBusinessTokens: options.maxBusinessTokens,
    now: options.now,
    fetch: createTransport(config, registry),
    logger: authLogger(config.log),
    // Each attempt of a token request is bounded by the transport; this only caps the whole.
    timeoutMs: MAX_TIMER_MS,
  });
  return {
    partner: wrapApiClient(auth.partner, config, registry),
    business: (businessId) => wrapApiClient(auth.business(businessId), config, registry),
    tokens: wrapTokens(auth.tokens),
    middleware: auth.middleware,
  } satisfies ThredfiClient as ThredfiClient<boolean>;
}
