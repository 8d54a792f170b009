import { abortable } from "./abortable.js";

/** A token as the caches hold it, with its header value computed once. */
export interface CachedToken {
  readonly accessToken: string;
  /** `Bearer <access token>`, ready for the Authorization header. */
  readonly authorization: string;
  readonly scope: string | undefined;
  /** Epoch ms at which the token expires. */
  readonly expiresAt: number;
  /** Epoch ms from which using the token also starts one refresh in the background. */
  readonly refreshAt: number;
  /** Epoch ms from which the token is no longer used: callers wait for a new one. */
  readonly staleAt: number;
}

/**
 * Tokens per key, fetched at most once at a time per key. A token serves until its stale point;
 * from its refresh point on, it keeps serving while one refresh runs in the background.
 */
export interface TokenStore<K> {
  /** The cached token for `key` if it is before its stale point; never waits. */
  current(key: K): CachedToken | undefined;
  /**
   * The cached token at once (no promise: the hot path of every request), else the result of the
   * one token request running for `key`. Throws `signal.reason` when `signal` has aborted, before
   * anything starts (a background refresh included), and rejects with it once it aborts.
   */
  get(key: K, signal?: AbortSignal): CachedToken | Promise<CachedToken>;
  /** Drops `token` if it is still the one cached for `key` (e.g. after a 401). */
  invalidate(key: K, token: CachedToken): void;
  /** Drops every token; requests already running will not put theirs in the cache. */
  clear(): void;
}

// Visible ASCII only: anything else would be rejected by Headers and echoed in that error.
const HEADER_SAFE = /^[\x21-\x7e]+$/;
/** How long before expiry a token stops serving: a request sent then may still arrive late. */
const SAFETY_MS = 5000;
/** Longer lifetimes are cut to a year, which keeps `expires_at` an exact number. */
const MAX_LIFETIME_S = 31_536_000;

/**
 * Reads an OAuth2 token grant received at `receivedAt`. The token refreshes `refreshMarginMs`
 * (at least 5 s) before expiry and stops serving 5 s before expiry, both capped at half the
 * lifetime so short-lived tokens are still used. Returns `undefined` when the grant is unusable:
 * no header-safe `access_token`, a `token_type` other than Bearer, or an `expires_in` that is not
 * a number of at least `minSeconds` (and above 0).
 */
export function readTokenGrant(
  grant: unknown,
  receivedAt: number,
  refreshMarginMs: number,
  minSeconds = 0,
): CachedToken | undefined {
  const { access_token, token_type, expires_in, scope } = (grant ?? {}) as Record<string, unknown>;
  if (
    typeof access_token === "string" &&
    HEADER_SAFE.test(access_token) &&
    (token_type === undefined || /^bearer$/i.test(token_type as string)) &&
    typeof expires_in === "number" &&
    expires_in > 0 &&
    expires_in >= minSeconds
  ) {
    const lifetimeMs = Math.min(expires_in, MAX_LIFETIME_S) * 1000;
    const expiresAt = receivedAt + lifetimeMs;
    return {
      accessToken: access_token,
      authorization: `Bearer ${access_token}`,
      scope: typeof scope === "string" ? scope : undefined,
      expiresAt,
      refreshAt: expiresAt - Math.min(Math.max(refreshMarginMs, SAFETY_MS), lifetimeMs / 2),
      staleAt: expiresAt - Math.min(SAFETY_MS, lifetimeMs / 2),
    };
  }
}

/**
 * Creates a {@link TokenStore} holding at most `capacity` keys. `clear()` replaces the map of
 * running requests, so a request started before the clear never lands in the cache afterwards.
 */
export function createTokenStore<K>(
  requestToken: (key: K) => Promise<CachedToken>,
  capacity: number,
  now: () => number,
): TokenStore<K> {
  // In order of use, least recently used first.
  const tokens = new Map<K, CachedToken>();
  // The one running token request per key (single flight); replaced wholesale by clear().
  let requests = new Map<K, Promise<CachedToken>>();

  function current(key: K): CachedToken | undefined {
    const token = tokens.get(key);
    const time = now();
    if (token && time < token.staleAt) {
      keep(key, token);
      // The failure of a background refresh is logged where the request is made; the token
      // keeps serving and the next call in the window tries again.
      if (time >= token.refreshAt) request(key).catch(() => {});
      return token;
    }
  }

  function request(key: K): Promise<CachedToken> {
    const running = requests;
    let request = running.get(key);
    if (!request) {
      // Cached before the request leaves `running`, so no caller in between starts another.
      request = requestToken(key)
        .then((fresh) => {
          if (running === requests) keep(key, fresh);
          return fresh;
        })
        .finally(() => running.delete(key));
      running.set(key, request);
    }
    return request;
  }

  /** Caches `token` as the most recently used, evicting the least recently used beyond capacity. */
  function keep(key: K, token: CachedToken): void {
    tokens.delete(key);
    tokens.set(key, token);
    if (tokens.size > capacity) tokens.delete(tokens.keys().next().value as K);
  }

  return {
    current,
    get(key, signal) {
      // A property read, not throwIfAborted(): this runs on every request.
      if (signal?.aborted) throw signal.reason;
      return current(key) ?? abortable(() => request(key), signal);
    },
    invalidate(key, token) {
      if (tokens.get(key) === token) tokens.delete(key);
    },
    clear() {
      tokens.clear();
      requests = new Map();
    },
  };
}
