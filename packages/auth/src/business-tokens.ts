import { type ConnectionConfig, check, requireBusinessId } from "./config.js";
import { type Deadlines, withDeadline } from "./deadlines.js";
import { ThredfiAuthError } from "./errors.js";
import type { ScopedTokens } from "./partner-tokens.js";
import { cachedToken, createTokenCache } from "./token-cache.js";
import { readTokenGrant } from "./token-grant.js";
import type { BusinessClientOptions } from "./types.js";

/**
 * The token layer of a frontend's business client: the token from `getToken`, cached per its
 * `expires_in`, fetched once for concurrent callers, refreshed ahead of expiry, dropped after a
 * 401. A `getToken` call longer than `timeoutMs` fails with `timeout` (its signal aborts) and the
 * next call asks again. Validates `businessId` and `getToken`.
 */
export function createBusinessTokens(
  options: BusinessClientOptions,
  connection: ConnectionConfig,
  deadlines: Deadlines,
): ScopedTokens {
  requireBusinessId(options.businessId);
  const { getToken } = options;
  check(typeof getToken === "function", "getToken must be a function");
  const { log, now, refreshMarginMs, timeoutMs } = connection;

  const tokens = createTokenCache<string | undefined>(
    async () => {
      log("info", "fetching a token from getToken");
      try {
        return await withDeadline(
          deadlines,
          timeoutMs,
          () => new ThredfiAuthError("timeout", `getToken gave no token within ${timeoutMs} ms`),
          async (signal) => {
            let cause: unknown;
            try {
              const grant = readTokenGrant(await getToken({ signal }), now());
              if (grant) return cachedToken(grant, now(), refreshMarginMs);
            } catch (error) {
              cause = error;
            }
            throw new ThredfiAuthError("token_provider_error", "no usable token from getToken", {
              cause,
            });
          },
        );
      } catch (error) {
        log("warn", `fetching a token from getToken failed: ${(error as ThredfiAuthError).code}`);
        throw error;
      }
    },
    1,
    now,
  );

  return {
    get: (_, signal) => tokens.get(undefined, signal),
    refused: (_, token) => tokens.invalidate(undefined, token),
  };
}
