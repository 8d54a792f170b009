import type { Log } from "./config.js";
import type { RequestGuard } from "./scope-guard.js";
import type { CachedToken, TokenStore } from "./token-cache.js";
import type { ThredfiFetch } from "./types.js";

/**
 * The Authorization header openapi-fetch bakes into every Request it builds (its `headers`
 * option is read per request). Keeping the current token there spares the hot path a
 * `Headers.set`; the fetch wrapper only corrects requests the header must not or cannot go to.
 */
export type BakedHeaders = { Authorization?: string };

/**
 * Wraps `fetch` so every request the guard allows carries the Bearer token cached for `key`, and
 * a 401 is answered by one replay with a fresh token. With a warm token and no body this costs a
 * prefix compare, a clock read and a string compare.
 */
export function createAuthFetch<K>(
  fetch: ThredfiFetch,
  guard: RequestGuard,
  tokens: TokenStore<K>,
  key: K,
  log: Log,
  baked: BakedHeaders,
): ThredfiFetch {
  return async (request, init) => {
    if (!guard(request.url)) {
      // Another origin: take back the token baked in (and only that, not a caller's own header).
      if (request.headers.get("Authorization") === baked.Authorization) {
        request.headers.delete("Authorization");
      }
      return fetch(request, init);
    }
    let token = tokens.current(key);
    if (!token || token.authorization !== baked.Authorization) {
      token ??= await tokens.get(key);
      request.headers.set("Authorization", (baked.Authorization = token.authorization));
    }
    // Only a request with a body needs a copy for the replay; a bodyless one can be resent.
    const replay = request.body ? request.clone() : request;
    const response = await fetch(request, init);
    return response.status === 401
      ? replayWithFreshToken(fetch, replay, init, tokens, key, token, log)
      : response;
  };
}

/**
 * Drops the rejected token, gets a fresh one and sends `replay` once more. Whatever that answers,
 * a second 401 included, goes back to the caller.
 */
export async function replayWithFreshToken<K>(
  fetch: ThredfiFetch,
  replay: Request,
  init: RequestInit | undefined,
  tokens: TokenStore<K>,
  key: K,
  rejected: CachedToken,
  log: Log,
): Promise<Response> {
  tokens.invalidate(key, rejected);
  const fresh = await tokens.get(key);
  log("debug", "401; replaying with a fresh token");
  replay.headers.set("Authorization", fresh.authorization);
  return fetch(replay, init);
}
