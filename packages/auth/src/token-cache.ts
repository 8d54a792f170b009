import { createLru } from "./lru.js";

/** A token as the caches hold it, with its header value computed once. */
export interface CachedToken {
  readonly accessToken: string;
  /** `Bearer <access token>`, ready for the Authorization header. */
  readonly authorization: string;
  readonly scope: string | undefined;
  /** Epoch ms at which the token expires. */
  readonly expiresAt: number;
  /** Epoch ms from which the cache stops handing the token out. */
  readonly refreshAt: number;
}

/** Tokens per key: reused until their refresh point, fetched at most once at a time per key. */
export interface TokenStore<K> {
  /** The cached token for `key` if it is before its refresh point; never starts a request. */
  current(key: K): CachedToken | undefined;
  /** The cached token, or the result of the one token request running for `key`. */
  get(key: K): Promise<CachedToken>;
  /** Drops `token` if it is still the one cached for `key` (e.g. after a 401). */
  invalidate(key: K, token: CachedToken): void;
  /** Drops every token; requests already running will not put theirs in the cache. */
  clear(): void;
}

// Visible ASCII only: anything else would be rejected by Headers and echoed in that error.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * Reads an OAuth2 token grant received at `receivedAt`. The refresh margin is capped at half the
 * lifetime so short-lived tokens are still used. Returns `undefined` when the grant is unusable.
 */
export function readTokenGrant(
  grant: unknown,
  receivedAt: number,
  refreshMarginMs: number,
): CachedToken | undefined {
  const { access_token, expires_in, scope } = (grant ?? {}) as Record<string, unknown>;
  if (
    typeof access_token === "string" &&
    HEADER_SAFE.test(access_token) &&
    typeof expires_in === "number" &&
    expires_in > 0 &&
    expires_in < Infinity
  ) {
    const lifetimeMs = expires_in * 1000;
    return {
      accessToken: access_token,
      authorization: `Bearer ${access_token}`,
      scope: typeof scope === "string" ? scope : undefined,
      expiresAt: receivedAt + lifetimeMs,
      refreshAt: receivedAt + lifetimeMs - Math.min(refreshMarginMs, lifetimeMs / 2),
    };
  }
}

/**
 * Creates a {@link TokenStore} holding at most `capacity` keys. A generation counter bumped by
 * `clear()` keeps a request started before the clear from landing in the cache afterwards.
 */
export function createTokenStore<K>(
  requestToken: (key: K) => Promise<CachedToken>,
  capacity: number,
  now: () => number,
): TokenStore<K> {
  const tokens = createLru<K, CachedToken>(capacity);
  // The one running token request per key (single flight); replaced wholesale by clear().
  let requests = new Map<K, Promise<CachedToken>>();
  let generation = 0;

  function current(key: K): CachedToken | undefined {
    const token = tokens.get(key);
    return token && now() < token.refreshAt ? token : undefined;
  }

  return {
    current,
    get(key) {
      const token = current(key);
      if (token) return Promise.resolve(token);
      const running = requests;
      let request = running.get(key);
      if (!request) {
        const startedIn = generation;
        // Cached before the request leaves `running`, so no caller in between starts another.
        request = requestToken(key)
          .then((fresh) => {
            if (startedIn === generation) tokens.set(key, fresh);
            return fresh;
          })
          .finally(() => running.delete(key));
        running.set(key, request);
      }
      return request;
    },
    invalidate(key, token) {
      if (tokens.get(key) === token) tokens.delete(key);
    },
    clear() {
      generation++;
      tokens.clear();
      requests = new Map();
    },
  };
}
