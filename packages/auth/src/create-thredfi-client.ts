import { createAuthMiddleware } from "./auth-middleware.js";
import { check, requireId, resolveConnection } from "./config.js";
import { createApiClient } from "./create-api-client.js";
import type { ThredfiAuthError } from "./errors.js";
import { logged } from "./logged.js";
import { basicAuthorization, requestToken, type TokenEndpoint } from "./request-token.js";
import { businessGuard, originGuard } from "./scope-guard.js";
import { type CachedToken, createTokenStore } from "./token-cache.js";
import type { PartnerToken, ThredfiClient, ThredfiClientOptions } from "./types.js";

const PARTNER = 0;
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
  const config = resolveConnection(options);
  const { baseUrl, originPrefix, fetch, log, now } = config;
  const partnerId = requireId("partnerId", options.partnerId);
  const { apiKey, maxBusinessTokens = 1000 } = options;
  check(
    typeof apiKey === "string" && apiKey && apiKey.length <= MAX_API_KEY_LENGTH,
    `apiKey must be 1 to ${MAX_API_KEY_LENGTH} characters`,
  );
  check(
    Number.isInteger(maxBusinessTokens) && maxBusinessTokens >= 1,
    "maxBusinessTokens must be an integer >= 1",
  );
  const basic = basicAuthorization(partnerId, apiKey);
  const endpoint: TokenEndpoint = { ...config, secrets: [apiKey] };
  const form = `grant_type=client_credentials&client_id=${partnerId}`;

  const partnerTokens = createTokenStore(
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
  const partnerGuard = originGuard(originPrefix);

  async function fetchBusinessToken(businessId: string): Promise<CachedToken> {
    const partnerToken = await partnerTokens.get(PARTNER);
    try {
      return await requestToken(endpoint, partnerToken.authorization, null, businessId);
    } catch (error) {
      if ((error as ThredfiAuthError).status !== 401) throw error;
      log("info", "partner token refused; fetching a new one");
      partnerTokens.invalidate(PARTNER, partnerToken);
      const { authorization } = await partnerTokens.get(PARTNER);
      return requestToken(endpoint, authorization, null, businessId);
    }
  }

  function businessScope(businessId: string) {
    const id = requireId("businessId", businessId);
    return [id, businessGuard(baseUrl, originPrefix, businessId)] as const;
  }

  function handOut(token: CachedToken): PartnerToken {
    return {
      access_token: token.accessToken,
      // Thredfi only issues Bearer tokens, and that is how the SDK sends them.
      token_type: "Bearer",
      // At least 1: the store stops handing out a token 5 s (at least 1 s) before it expires.
      expires_in: Math.floor((token.expiresAt - now()) / 1000),
      expires_at: token.expiresAt,
    };
  }

  return {
    partner: createApiClient(baseUrl, fetch, partnerGuard, partnerTokens, PARTNER, log),
    business(businessId) {
      const [id, guard] = businessScope(businessId);
      return createApiClient(baseUrl, fetch, guard, businessTokens, id, log);
    },
    tokens: {
      async partner() {
        return handOut(await partnerTokens.get(PARTNER));
      },
      async business(businessId) {
        const [id] = businessScope(businessId);
        const token = await businessTokens.get(id);
        return { ...handOut(token), business_id: id, scope: token.scope };
      },
      clear() {
        partnerTokens.clear();
        businessTokens.clear();
      },
    },
    middleware: {
      partner: createAuthMiddleware(partnerGuard, partnerTokens, PARTNER, log),
      business(businessId) {
        const [id, guard] = businessScope(businessId);
        return createAuthMiddleware(guard, businessTokens, id, log);
      },
    },
  };
}
