import { createAuthMiddleware } from "./auth-middleware.js";
import { check, requireId, resolveConnection } from "./config.js";
import { createApiClient } from "./create-api-client.js";
import type { ThredfiAuthError } from "./errors.js";
import { logged } from "./logged.js";
import { basicAuthorization, requestToken, type TokenEndpoint } from "./request-token.js";
import { type CachedToken, createTokenStore } from "./token-cache.js";
import type { PartnerToken, ThredfiClient, ThredfiClientOptions } from "./types.js";

/** The key of the partner token in its store. */
const PARTNER = undefined;
/** Longer keys would make a Basic header beyond what servers commonly accept. */
const MAX_API_KEY_LENGTH = 1024;

/**
 * Creates the backend client: partner and business-scoped openapi-fetch clients whose tokens
 * are fetched, cached and refreshed on their own.
 *
 * @example
 * const thredfi = createThredfiClient({ partnerId, apiKey, environment: "sandbox" });
 * const { data } = await thredfi.partner.GET("/v1/platform/businesses/");
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createThredfiClient(options: ThredfiClientOptions): ThredfiClient {
  const connection = resolveConnection(options);
  const { log, now } = connection;
  const partnerId = requireId("partnerId", options.partnerId);
  const { apiKey, maxBusinessTokens = 1000 } = options;
  check(
    typeof apiKey === "string" && apiKey && apiKey.length <= MAX_API_KEY_LENGTH,
    "apiKey must be 1 to 1024 characters",
  );
  check(
    Number.isInteger(maxBusinessTokens) && maxBusinessTokens >= 1,
    "maxBusinessTokens must be an integer >= 1",
  );
  const basic = basicAuthorization(partnerId, apiKey);
  const endpoint: TokenEndpoint = { ...connection, secrets: [apiKey] };
  const form = `grant_type=client_credentials&client_id=${partnerId}`;

  const partnerTokens = createTokenStore<undefined>(
    () => logged(log, "the partner token", () => requestToken(endpoint, basic, form)),
    1,
    now,
  );
  const businessTokens = createTokenStore(
    (businessId: string) =>
      logged(log, `business ${businessId}'s token`, () => fetchBusinessToken(businessId)),
    maxBusinessTokens,
    now,
  );

  async function fetchBusinessToken(businessId: string): Promise<CachedToken> {
    const partnerToken = await partnerTokens.get(PARTNER);
    try {
      return await requestToken(endpoint, partnerToken.authorization, null, businessId);
    } catch (error) {
      if ((error as ThredfiAuthError).status !== 401) throw error;
      log("info", "partner token refused; fetching a new one");
      partnerTokens.invalidate(PARTNER, partnerToken);
      const fresh = await partnerTokens.get(PARTNER);
      return requestToken(endpoint, fresh.authorization, null, businessId);
    }
  }

  /**
   * `businessId` as spelled, once checked: a missing or empty id must fail here, not make a
   * client of the partner's scope that mints tokens at the partner-token endpoint.
   */
  function scoped(businessId: string): string {
    return requireId("businessId", businessId) && businessId;
  }

  function handOut(token: CachedToken): PartnerToken {
    return {
      access_token: token.accessToken,
      // Thredfi only issues Bearer tokens, and that is how the SDK sends them.
      token_type: "Bearer",
      // The store stops handing out a token 5 s (at least 1 s) before it expires; at least 1 also
      // when time has passed since it checked (a busy event loop).
      expires_in: Math.max(1, Math.floor((token.expiresAt - now()) / 1000)),
      expires_at: token.expiresAt,
    };
  }

  return {
    partner: createApiClient(connection, partnerTokens),
    business: (businessId) => createApiClient(connection, businessTokens, scoped(businessId)),
    tokens: {
      async partner() {
        return handOut(await partnerTokens.get(PARTNER));
      },
      async business(businessId) {
        const id = requireId("businessId", businessId);
        const token = await businessTokens.get(id);
        return { ...handOut(token), business_id: id, scope: token.scope };
      },
      clear() {
        partnerTokens.clear();
        businessTokens.clear();
      },
    },
    middleware: {
      partner: createAuthMiddleware(connection, partnerTokens),
      business: (businessId) =>
        createAuthMiddleware(connection, businessTokens, scoped(businessId)),
    },
  };
}
