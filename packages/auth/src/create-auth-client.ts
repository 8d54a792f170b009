import { createAuthMiddleware } from "./auth-middleware.js";
import { requireBusinessId, resolveConnection } from "./config.js";
import { createApiClient } from "./create-api-client.js";
import { createDeadlines } from "./deadlines.js";
import { createPartnerTokens } from "./partner-tokens.js";
import { fetchTokenRequests } from "./send-token-request.js";
import type { ThredfiClient, ThredfiClientOptions } from "./types.js";

/**
 * Creates the backend client: partner and business-scoped openapi-fetch clients whose tokens
 * are fetched, cached and refreshed on their own.
 *
 * @example
 * const thredfi = createAuthClient({ partnerId, apiKey, environment: "sandbox" });
 * const { data } = await thredfi.partner.GET("/v1/platform/businesses/");
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createAuthClient(options: ThredfiClientOptions): ThredfiClient {
  const connection = resolveConnection(options);
  const tokens = createPartnerTokens(
    options,
    connection,
    fetchTokenRequests(connection, createDeadlines()),
  );
  /**
   * `businessId` as spelled, once checked: a missing or empty id must fail here, not make a
   * client of the partner's scope that mints tokens at the partner-token endpoint.
   */
  const scoped = (businessId: string) => requireBusinessId(businessId) && businessId;
  return {
    partner: createApiClient(connection, tokens),
    business: (businessId) => createApiClient(connection, tokens, scoped(businessId)),
    tokens: tokens.handOut,
    middleware: {
      partner: createAuthMiddleware(connection, tokens),
      business: (businessId) => createAuthMiddleware(connection, tokens, scoped(businessId)),
    },
  };
}
