import type { BusinessTokenResponse, OAuth2TokenResponse, paths } from "@thredfi/types";
import type { Client, Middleware } from "openapi-fetch";

/**
 * A Thredfi deployment: `production` is https://api.thredfi.com, `sandbox`
 * https://sandbox.thredfi.com, `staging` https://staging-backend.thredfi.com and `development`
 * https://dev-backend.thredfi.com.
 */
export type ThredfiEnvironment = "production" | "sandbox" | "staging" | "development";

/** A `fetch` implementation; the global `fetch` fits. */
export type ThredfiFetch = (input: Request, init?: RequestInit) => Promise<Response>;

/** Receives the SDK's log lines, each at its level. Lines never contain secrets. */
export interface ThredfiLogger {
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/** An openapi-fetch client typed with every Thredfi path. */
export type ThredfiApiClient = Client<paths>;

/** Options both client factories share: where Thredfi is and how to reach it. */
export interface ConnectionOptions {
  /** Defaults to `production`; ignored when `baseUrl` is set. */
  environment?: ThredfiEnvironment | undefined;
  /**
   * Overrides `environment`; https, or http for loopback hosts only (anywhere with
   * `allowInsecureHttp`). An empty string counts as unset.
   */
  baseUrl?: string | undefined;
  /**
   * Allows a plain http `baseUrl` on any host, e.g. a mock running as a compose service
   * (`http://thredfi-mock:4010`). Tokens then cross the network unencrypted. Default `false`.
   */
  allowInsecureHttp?: boolean | undefined;
  /** Used for every request; defaults to the global `fetch`. */
  fetch?: ThredfiFetch | undefined;
  /** Refresh this long before expiry, capped at half a token's lifetime. Default 300. */
  refreshMarginSeconds?: number | undefined;
  /** Clock in epoch ms, for tests. Default `Date.now`. */
  now?: (() => number) | undefined;
  /**
   * Time limit of each token request (for `createBusinessAuthClient`: of each `getToken` call) in
   * whole milliseconds, at most 2^31-1, enforced whatever `fetch` does. Default 60000.
   */
  timeoutMs?: number | undefined;
  /** Optional log sink: token fetches at `info`, failures at `warn`, 401 replays at `debug`. */
  logger?: ThredfiLogger | undefined;
}

/** Options of {@link createAuthClient}. */
export interface ThredfiClientOptions extends ConnectionOptions {
  /** Partner UUID: the Basic username and the form `client_id`. */
  partnerId: string;
  /** Partner API key: the Basic password, 1 to 1024 characters. Keep it on the server. */
  apiKey: string;
  /** How many business tokens to keep (least recently used go first). Default 1000. */
  maxBusinessTokens?: number | undefined;
  /**
   * Where tokens are shared with the other processes of a fleet (e.g.
   * `@thredfi/token-store-redis`), beside each process's own cache. Default: none.
   */
  tokenStore?: ThredfiTokenStore | undefined;
}

/** A token as a {@link ThredfiTokenStore} holds it. */
export interface StoredToken {
  readonly accessToken: string;
  /** Epoch milliseconds at which it expires. */
  readonly expiresAt: number;
  /** The scope the token endpoint named, e.g. `business_access`. */
  readonly scope?: string | undefined;
}

/** Names one token: the partner token (no `businessId`) or one business's, at one base URL. */
export interface TokenKey {
  readonly baseUrl: string;
  readonly partnerId: string;
  readonly businessId: string | undefined;
}

/** What a client asks a {@link ThredfiTokenStore} for. */
export interface TokenStoreRequest {
  readonly key: TokenKey;
  /** Key material for sealing tokens at rest and naming keys: the partner's API key. Never stored. */
  readonly secret: string;
  /** Fetches a new token from Thredfi (rejects with `ThredfiAuthError`). */
  mint(): Promise<StoredToken>;
  /**
   * The token this process holds when it refreshes ahead of expiry, else `undefined`. A stored
   * token expiring later than this one is the refresh; while another process refreshes, the
   * stored token may be answered as it is.
   */
  readonly current: StoredToken | undefined;
  /** A token expiring before this epoch ms is not usable. */
  readonly usableUntil: number;
  readonly now: () => number;
  /** The client's log: warnings about the store go here (never a secret). */
  log(level: "debug" | "info" | "warn" | "error", message: string): void;
}

/**
 * Tokens shared by every process of a fleet: for each token, one process asks Thredfi while the
 * others wait for its answer. Each process keeps what it read in its own cache too; a store is
 * asked only when that cache has no usable token. A store must never fail a call because it is
 * down: it then answers `mint()` itself.
 */
export interface ThredfiTokenStore {
  /** A usable token for `request.key`: the stored one, or one that `request.mint()` fetched. */
  token(request: TokenStoreRequest): Promise<StoredToken>;
  /** Forgets `token` for every process, if the store still holds that same token (after a 401). */
  invalidate(key: TokenKey, token: StoredToken, secret: string): Promise<void>;
}

/** A partner token as handed out by `tokens.partner()`. */
export interface PartnerToken extends Pick<OAuth2TokenResponse, "access_token" | "expires_in"> {
  token_type: string;
  /** Whole seconds left at the moment of the call. */
  expires_in: number;
  /** Epoch milliseconds at which the token expires. */
  expires_at: number;
}

/** A business-scoped token as handed out by `tokens.business(id)`; safe to give a frontend. */
export interface BusinessToken extends PartnerToken {
  /** The business the token is scoped to. */
  business_id: string;
  /** Token scope, e.g. `business_access`, when the response named one. */
  scope: BusinessTokenResponse["scope"] | undefined;
}

/** Token access of a {@link ThredfiClient}. */
export interface ThredfiTokens {
  /** The cached partner token (at least 1 s left), fetched when missing or about to expire. */
  partner(): Promise<PartnerToken>;
  /** The cached token of one business (at least 1 s left), fetched when missing or about to expire. */
  business(businessId: string): Promise<BusinessToken>;
  /** Forgets every cached token; requests already running do not refill the cache. */
  clear(): void;
}

/** openapi-fetch middleware that authenticates clients you create yourself. */
export interface ThredfiMiddleware {
  /** Sends the partner token to the configured origin. */
  readonly partner: Middleware;
  /** Sends one business's token, only to that business's paths. */
  business(businessId: string): Middleware;
}

/** The backend client returned by {@link createAuthClient}. */
export interface ThredfiClient {
  /** Client sending the partner Bearer token. */
  readonly partner: ThredfiApiClient;
  /** Client sending the token of `businessId`, only to `/v1/platform/businesses/{businessId}/…`. */
  business(businessId: string): ThredfiApiClient;
  /** The cached tokens themselves, e.g. to hand a business token to a frontend. */
  readonly tokens: ThredfiTokens;
  /** Middleware that authenticates openapi-fetch clients you create yourself. */
  readonly middleware: ThredfiMiddleware;
}

/** What a `getToken` callback returns: a business token minted by the partner's backend. */
export type BusinessTokenGrant = Pick<BusinessTokenResponse, "access_token" | "expires_in">;

/** Options of {@link createBusinessAuthClient}. */
export interface BusinessClientOptions extends ConnectionOptions {
  /** The business the token is scoped to. */
  businessId: string;
  /**
   * Fetches a fresh business token, typically from the partner's backend. `signal` aborts when
   * the call takes longer than `timeoutMs`, after which the next request calls it again.
   */
  getToken: (context: { signal: AbortSignal }) => Promise<BusinessTokenGrant> | BusinessTokenGrant;
}
