import type { Middleware } from "openapi-fetch";
import { replayWithFreshToken } from "./auth-fetch.js";
import type { Log } from "./config.js";
import type { RequestGuard } from "./scope-guard.js";
import type { CachedToken, TokenStore } from "./token-cache.js";

/**
 * openapi-fetch middleware with the behaviour of the SDK's own clients: the guard decides where
 * the token cached for `key` goes, a request waiting for a token gives up when its signal aborts,
 * and a 401 gets one replay (body intact) through the client's `fetch`.
 */
export function createAuthMiddleware<K>(
  guard: RequestGuard,
  tokens: TokenStore<K>,
  key: K,
  log: Log,
): Middleware {
  const sent = new WeakMap<Request, [CachedToken, Request]>();
  return {
    async onRequest({ request }) {
      if (!guard(request.url)) return;
      const token = tokens.current(key) ?? (await tokens.get(key, request.signal));
      sent.set(request, [token, request.body ? request.clone() : request]);
      request.headers.set("Authorization", token.authorization);
    },
    async onResponse({ request, response, options }) {
      const [token, replay] = sent.get(request) ?? [];
      if (response.status === 401 && token && replay) {
        return replayWithFreshToken(
          options.fetch,
          response,
          replay,
          undefined,
          tokens,
          key,
          token,
          log,
        );
      }
    },
  };
}
