import { check, requireId, resolveConnection } from "./config.js";
import { createApiClient } from "./create-api-client.js";
import { ThredfiAuthError } from "./errors.js";
import { logged } from "./logged.js";
import { createTokenStore, readTokenGrant } from "./token-cache.js";
import type { BusinessClientOptions, ThredfiApiClient } from "./types.js";
import { withTimeout } from "./with-timeout.js";

/**
 * Creates a browser-safe client for one business from tokens minted by the partner's backend.
 * The token from `getToken` is cached per its `expires_in`, fetched once for concurrent callers,
 * refreshed in the background before it expires, and fetched again once when the API answers
 * 401. A `getToken` call that takes longer than `timeoutMs` fails with `timeout`.
 *
 * @example
 * const biz = createBusinessClient({ businessId, getToken: () => fetchTokenFromMyBackend() });
 * const { data } = await biz.GET("/v1/platform/businesses/{business_id}/", {
 *   params: { path: { business_id: businessId } },
 * });
 * @throws {ThredfiAuthError} `invalid_config` when an option is invalid.
 */
export function createBusinessClient(options: BusinessClientOptions): ThredfiApiClient {
  const connection = resolveConnection(options);
  const { log, now, refreshMarginMs, timeoutMs } = connection;
  requireId("businessId", options.businessId);
  const { getToken } = options;
  check(typeof getToken === "function", "getToken must be a function");

  const fetchToken = () =>
    logged(log, "a token from getToken", () =>
      withTimeout(timeoutMs, async (signal) => {
        let cause: unknown;
        try {
          // Reading the grant is inside: a hostile object's getters may throw too.
          const token = readTokenGrant(await getToken({ signal }), now(), refreshMarginMs);
          if (token) return token;
        } catch (error) {
          cause = error;
        }
        throw new ThredfiAuthError(
          "token_provider_error",
          "no usable token from getToken",
          undefined,
          cause,
        );
      }),
    );

  const tokens = createTokenStore(fetchToken, 1, now);
  return createApiClient(connection, tokens, options.businessId);
}
