import type { Log } from "./config.js";
import { discardBody } from "./discard-body.js";
import type { RequestGuard } from "./scope-guard.js";
import type { CachedToken, TokenStore } from "./token-cache.js";
import type { ThredfiFetch } from "./types.js";

/**
 * Wraps `fetch` so every request the guard allows carries the Bearer token cached for `key`, and
 * a 401 is answered by one replay with a fresh token. With a warm token and no body this costs a
 * prefix compare, a clock read and a header set. The header is set here, not baked into the
 * client's default headers, so a request that bypasses this wrapper carries no token at all.
 * A request waiting for a token gives up as soon as its signal aborts.
 */
export function createAuthFetch<K>(
  fetch: ThredfiFetch,
  guard: RequestGuard,
  tokens: TokenStore<K>,
  key: K,
  log: Log,
): ThredfiFetch {
  return async (request, init) => {
    if (!guard(request.url)) return fetch(request, init);
    const token = tokens.current(key) ?? (await tokens.get(key, request.signal));
    // Only a request with a body needs a copy for the replay; a bodyless one can be resent.
    const replay = request.body ? request.clone() : request;
    request.headers.set("Authorization", token.authorization);
    const response = await fetch(request, init);
    return response.status === 401
      ? replayWithFreshToken(fetch, response, replay, init, tokens, key, token, log)
      : response;
  };
}

/**
 * Discards the 401 `refused`, drops the rejected token, gets a fresh one and sends `replay` once
 * more. Whatever that answers, a second 401 included, goes back to the caller.
 */
export async function replayWithFreshToken<K>(
  fetch: ThredfiFetch,
  refused: Response,
  replay: Request,
  init: RequestInit | undefined,
  tokens: TokenStore<K>,
  key: K,
  rejected: CachedToken,
  log: Log,
): Promise<Response> {
  log("debug", "401; replaying with a fresh token");
  // Drained alongside the replay: an unread body would strand its connection.
  void discardBody(refused);
  tokens.invalidate(key, rejected);
  const fresh = await tokens.get(key, replay.signal);
  replay.headers.set("Authorization", fresh.authorization);
  return fetch(replay, init);
}
