import type { StoredToken } from "./types.js";

/** A token as a process's cache holds it, with its header value and its timings computed once. */
export interface CachedToken extends StoredToken {
  /** `Bearer <access token>`, ready for the Authorization header. */
  readonly authorization: string;
  readonly scope: string | undefined;
  /** Epoch ms from which using the token also starts one refresh in the background. */
  refreshAt: number;
  /** Epoch ms from which the token is no longer used: callers wait for a new one. */
  readonly staleAt: number;
}

/**
 * Tokens per key, fetched at most once at a time per key. A token serves until its stale point;
 * from its refresh point on, it keeps serving while one refresh runs in the background.
 */
export interface TokenCache<K> {
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

/** Fetches a token for `key`; `current` is the token being refreshed ahead of its expiry. */
export type FetchToken<K> = (key: K, current: CachedToken | undefined) => Promise<CachedToken>;

/** How long before expiry a token stops serving: a request sent then may still arrive late. */
const SAFETY_MS = 5000;
/** Longer lifetimes are cut to a year, which keeps `expires_at` an exact number. */
const MAX_LIFETIME_MS = 31_536_000_000;
/** When a refresh brings back the same token (another process is refreshing), try again after this. */
const REFRESH_RETRY_MS = 1000;

/**
 * A cached token for `token`, received at `receivedAt`. It refreshes `refreshMarginMs` (at least
 * 5 s) before expiry and stops serving 5 s before expiry, both capped at half the lifetime left,
 * so short-lived tokens are still used.
 */
export function cachedToken(
  token: StoredToken,
  receivedAt: number,
  refreshMarginMs: number,
): CachedToken {
  const { accessToken, scope } = token;
  const expiresAt = Math.min(token.expiresAt, receivedAt + MAX_LIFETIME_MS);
  const lifetimeMs = expiresAt - receivedAt;
  return {
    accessToken,
    authorization: `Bearer ${accessToken}`,
    scope,
    expiresAt,
    refreshAt: expiresAt - Math.min(Math.max(refreshMarginMs, SAFETY_MS), lifetimeMs / 2),
    staleAt: expiresAt - Math.min(SAFETY_MS, lifetimeMs / 2),
  };
}

/**
 * Creates a {@link TokenCache} holding at most `capacity` keys. `clear()` replaces the map of
 * running requests, so a request started before the clear never lands in the cache afterwards.
 */
export function createTokenCache<K>(
  fetchToken: FetchToken<K>,
  capacity: number,
  now: () => number,
): TokenCache<K> {
  // In order of use, least recently used first.
  const tokens = new Map<K, CachedToken>();
  // The key used last, already at the end of `tokens`: the hot path moves nothing.
  let lastKey: K | undefined;
  // The one running token request per key (single flight); replaced wholesale by clear().
  let requests = new Map<K, Promise<CachedToken>>();

  function current(key: K): CachedToken | undefined {
    const token = tokens.get(key);
    const time = now();
    if (token && time < token.staleAt) {
      keep(key, token);
      // The failure of a background refresh is logged where the request is made; the token
      // keeps serving and the next call in the window tries again.
      if (time >= token.refreshAt) request(key, token).catch(() => {});
      return token;
    }
  }

  function request(key: K, refreshing?: CachedToken): Promise<CachedToken> {
    const running = requests;
    let request = running.get(key);
    if (!request) {
      // Cached before the request leaves `running`, so no caller in between starts another.
      request = fetchToken(key, refreshing)
        .then((fresh) => {
          if (fresh.accessToken === refreshing?.accessToken) {
            // Someone else holds the refresh: keep serving this token and look again shortly.
            refreshing.refreshAt = Math.min(now() + REFRESH_RETRY_MS, refreshing.staleAt);
          } else if (running === requests) keep(key, fresh);
          return fresh;
        })
        .finally(() => running.delete(key));
      running.set(key, request);
    }
    return request;
  }

  /** Caches `token` as the most recently used, evicting the least recently used beyond capacity. */
  function keep(key: K, token: CachedToken): void {
    if (key === lastKey && tokens.get(key) === token) return;
    lastKey = key;
    tokens.delete(key);
    tokens.set(key, token);
    if (tokens.size > capacity) tokens.delete(tokens.keys().next().value as K);
  }

  return {
    current,
    get(key, signal) {
      // A property read, not throwIfAborted(): this runs on every request.
      if (signal?.aborted) throw signal.reason;
      return current(key) ?? abortable(request(key), signal);
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

/**
 * Settles as `work` does, or rejects with `signal.reason` as soon as `signal` aborts. Giving up
 * only stops this wait: the work goes on for whoever else awaits it.
 */
function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort);
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}
