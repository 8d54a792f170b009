import { type ConnectionConfig, check, requireBusinessId, requireId } from "./config.js";
import { type ThredfiAuthError, ThredfiError } from "./errors.js";
import {
  basicAuthorization,
  requestToken,
  type SendTokenRequest,
  type TokenEndpoint,
} from "./request-token.js";
import { type CachedToken, cachedToken, createTokenCache, type TokenCache } from "./token-cache.js";
import type {
  PartnerToken,
  StoredToken,
  ThredfiClientOptions,
  ThredfiTokenStore,
  ThredfiTokens,
  TokenKey,
} from "./types.js";

/** Longer keys would make a Basic header beyond what servers commonly accept. */
const MAX_API_KEY_LENGTH = 1024;

/** Tokens keyed by lower-case business id, or by `undefined` for the partner token. */
export interface ScopedTokens {
  /** The cached token at once, else the one request running for it (see {@link TokenCache.get}). */
  get(businessId: string | undefined, signal?: AbortSignal): CachedToken | Promise<CachedToken>;
  /** Thredfi refused `token` (a 401): forgets it here and, if it holds it still, in the store. */
  refused(businessId: string | undefined, token: CachedToken): void;
}

/** The token layer of a partner's backend client. */
export interface PartnerTokens extends ScopedTokens {
  /** The tokens as handed out to callers. */
  readonly handOut: ThredfiTokens;
}

/**
 * Creates the partner's token layer: the partner token from `partnerId` and `apiKey`, business
 * tokens minted with it, each cached, fetched once at a time, refreshed ahead of expiry and
 * shared through `tokenStore` when there is one. `send` sends each token request. Validates the
 * partner options; throws `invalid_config` naming the option.
 */
export function createPartnerTokens(
  options: ThredfiClientOptions,
  connection: ConnectionConfig,
  send: SendTokenRequest,
): PartnerTokens {
  const partnerId = requireId("partnerId", options.partnerId);
  const { apiKey, maxBusinessTokens = 1000, tokenStore } = options;
  check(
    typeof apiKey === "string" && apiKey && apiKey.length <= MAX_API_KEY_LENGTH,
    "apiKey must be 1 to 1024 characters",
  );
  check(
    Number.isInteger(maxBusinessTokens) && maxBusinessTokens >= 1,
    "maxBusinessTokens must be an integer >= 1",
  );
  check(
    tokenStore == null ||
      (typeof tokenStore.token === "function" && typeof tokenStore.invalidate === "function"),
    "tokenStore must have token() and invalidate()",
  );
  const { log, now, refreshMarginMs, baseUrl } = connection;
  const basic = basicAuthorization(partnerId, apiKey);
  const endpoint: TokenEndpoint = { baseUrl, now, send, secrets: [apiKey] };
  const form = () =>
    new URLSearchParams({ grant_type: "client_credentials", client_id: partnerId });

  const partnerToken = createTokenCache<undefined>(
    (_, current) =>
      fetched(undefined, current, () =>
        logged("the partner token", () => requestToken(endpoint, basic, form())),
      ),
    1,
    now,
  );
  const businessTokens = createTokenCache<string>(
    (businessId, current) =>
      fetched(businessId, current, () =>
        logged(`business ${businessId}'s token`, () => mintBusinessToken(businessId)),
      ),
    maxBusinessTokens,
    now,
  );

  /** A token from the store when there is one (which mints at most once for the fleet), else minted here. */
  async function fetched(
    businessId: string | undefined,
    current: CachedToken | undefined,
    mint: () => Promise<StoredToken>,
  ): Promise<CachedToken> {
    const token = tokenStore ? await shared(tokenStore, businessId, current, mint) : await mint();
    return token.accessToken === current?.accessToken
      ? current
      : cachedToken(token, now(), refreshMarginMs);
  }

  /** The store's token; a store that breaks (rather than Thredfi refusing) falls back to `mint`. */
  async function shared(
    store: ThredfiTokenStore,
    businessId: string | undefined,
    current: CachedToken | undefined,
    mint: () => Promise<StoredToken>,
  ): Promise<StoredToken> {
    let minted: Promise<StoredToken> | undefined;
    const mintOnce = () => {
      minted ??= mint();
      return minted;
    };
    try {
      return await store.token({
        key: keyOf(businessId),
        secret: apiKey,
        mint: mintOnce,
        current,
        // A stored token must serve at least as long as the refresh margin.
        usableUntil: now() + Math.max(refreshMarginMs, 5000),
        now,
        log,
      });
    } catch (error) {
      if (error instanceof ThredfiError) throw error;
      log("warn", "the token store failed; fetching the token here");
      return mintOnce();
    }
  }

  async function mintBusinessToken(businessId: string): Promise<StoredToken> {
    const partner = await partnerToken.get(undefined);
    try {
      return await requestToken(endpoint, partner.authorization, null, businessId);
    } catch (error) {
      if ((error as ThredfiAuthError).status !== 401) throw error;
      log("info", "partner token refused; fetching a new one");
      refused(undefined, partner);
      const fresh = await partnerToken.get(undefined);
      return requestToken(endpoint, fresh.authorization, null, businessId);
    }
  }

  function logged<T>(what: string, request: () => Promise<T>): Promise<T> {
    log("info", `fetching ${what}`);
    return request().catch((error: ThredfiAuthError) => {
      log("warn", `fetching ${what} failed: ${error.code}`);
      throw error;
    });
  }

  function keyOf(businessId: string | undefined): TokenKey {
    return { baseUrl, partnerId, businessId };
  }

  function get(businessId: string | undefined, signal?: AbortSignal) {
    return businessId === undefined
      ? partnerToken.get(undefined, signal)
      : businessTokens.get(businessId, signal);
  }

  function refused(businessId: string | undefined, token: CachedToken): void {
    if (businessId === undefined) partnerToken.invalidate(undefined, token);
    else businessTokens.invalidate(businessId, token);
    if (tokenStore) {
      try {
        tokenStore.invalidate(keyOf(businessId), token, apiKey).catch(() => {});
      } catch {}
    }
  }

  function handOut(token: CachedToken): PartnerToken {
    return {
      access_token: token.accessToken,
      // Thredfi only issues Bearer tokens, and that is how the SDK sends them.
      token_type: "Bearer",
      // The cache stops handing out a token 5 s (at least 1 s) before it expires; at least 1
      // also when time has passed since it checked (a busy event loop).
      expires_in: Math.max(1, Math.floor((token.expiresAt - now()) / 1000)),
      expires_at: token.expiresAt,
    };
  }

  return {
    get,
    refused,
    handOut: {
      async partner() {
        return handOut(await partnerToken.get(undefined));
      },
      async business(businessId) {
        const id = requireBusinessId(businessId);
        const token = await businessTokens.get(id);
        return { ...handOut(token), business_id: id, scope: token.scope };
      },
      clear() {
        partnerToken.clear();
        businessTokens.clear();
      },
    },
  };
}
