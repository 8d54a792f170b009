import type { ThredfiFetch } from "@thredfi/auth";
import type { CachedToken, Deadline, ScopedTokens } from "@thredfi/auth/internal";
import type { ControllerLease } from "./abort-controllers.js";
import type { ClientConfig } from "./config.js";
import { applyIdempotencyKey } from "./idempotency-key.js";
import type { CallOptions } from "./options.js";
import { isRetryableCall } from "./retry-policy.js";

/** How a call's answer is read: openapi-fetch's `parseAs`, plus `buffer` for middleware. */
export type ParseAs = "json" | "text" | "blob" | "arrayBuffer" | "stream" | "buffer";

/** The token a call is sent with: whose it is and where it comes from. */
export interface CallScope {
  readonly tokens: ScopedTokens;
  /** The business as spelled by the caller (the token's scope), or `undefined` for the partner. */
  readonly businessId: string | undefined;
  /** `businessId` in lower case: the key of its token. */
  readonly key: string | undefined;
}

/**
 * One call, from where it starts to its answer: created once by whoever starts the call (a
 * path-style method, a resource method, the token layer) and handed to every step of the
 * pipeline, which read and update it. No step looks a call up anywhere else.
 */
export interface Call {
  /** Upper case, as on the wire; a 303 (or a 301/302 of a POST) turns it into GET. */
  method: string;
  /** The path template, e.g. `/v1/platform/businesses/{business_id}/`: for log lines and errors. */
  readonly template: string;
  /** Absolute URL of the next attempt; a followed redirect changes it. */
  url: string;
  /** The request headers; each attempt's request also carries the `Authorization` of `token`. */
  headers: Headers;
  /** A body that can be sent again (string, form, Blob, bytes), a stream (sent once), or `null`. */
  body: BodyInit | null;
  /** Other `RequestInit` fields the caller gave (credentials, cache, …), or `undefined`. */
  readonly init: RequestInit | undefined;
  /** How the final answer is read; `buffer` while user middleware is to see it first. */
  parseAs: ParseAs;
  /** Sends each attempt: the client's `fetch`, or the one the caller gave for this call. */
  readonly fetch: ThredfiFetch;
  /** Where the call's token comes from; `undefined` for a token request (its own credentials). */
  readonly scope: CallScope | undefined;
  /** Strings never to show in an error: the API key, and the credentials of a token request. */
  readonly secrets: readonly string[];
  /** The caller's signal: aborting it ends the call at once, with its reason. */
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Whether the method and body allow sending the call again after a failure. */
  readonly retryable: boolean;
  /** Whether redirects are followed (API calls) or answered as they are (token requests). */
  readonly followsRedirects: boolean;

  /** Attempts sent so far: retries, redirects and the 401 replay included. */
  attempts: number;
  /** Retries spent, of `maxRetries`. */
  retries: number;
  /** Redirects followed. */
  hops: number;
  /** The token of the current attempt, and the one Thredfi refused before it (a 401). */
  token: CachedToken | undefined;
  refusedToken: CachedToken | undefined;
  /** Aborts the attempt on the wire; replaced once it has aborted. */
  lease: ControllerLease | undefined;
  /** The deadline of its current attempt, on the client's timer; made on the first attempt. */
  deadline: CallDeadline | undefined;
  /** Rejects what the call waits for now (an answer, its body, a backoff), when set. */
  interrupt: ((reason: unknown) => void) | undefined;
}

/** The deadline of a call's attempt: it knows its call, so one function expires them all. */
export interface CallDeadline extends Deadline {
  readonly call: Call;
}

/** What a call resolves to: openapi-fetch's result, `data` on 2xx and `error` otherwise. */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** What whoever starts a call knows of it. */
export interface CallStart {
  readonly method: string;
  readonly template: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly init?: RequestInit | undefined;
  readonly parseAs: ParseAs;
  readonly fetch?: ThredfiFetch | undefined;
  /** The caller's options of this call, already checked. */
  readonly options: CallOptions | undefined;
  /** The `Idempotency-Key` the caller asked for (`null`: none), when any. */
  readonly idempotencyKey: string | null | undefined;
  /** A token request's own: sent again after any failure, redirects answered as they are. */
  readonly tokenRequest?: { readonly secrets: readonly string[] } | undefined;
}

/** A new {@link Call} in `scope`, with the client's defaults where the caller chose nothing. */
export function startCall(
  config: ClientConfig,
  scope: CallScope | undefined,
  start: CallStart,
): Call {
  const { method, headers, body, options, tokenRequest } = start;
  const hasKey = applyIdempotencyKey(method, headers, start.idempotencyKey);
  return {
    method,
    template: start.template,
    url: start.url,
    headers,
    body,
    init: start.init,
    parseAs: start.parseAs,
    fetch: start.fetch ?? config.connection.fetch,
    scope,
    secrets: tokenRequest ? tokenRequest.secrets : config.secrets,
    signal: options?.signal ?? undefined,
    timeoutMs: options?.timeoutMs ?? config.timeoutMs,
    maxRetries: options?.maxRetries ?? config.maxRetries,
    // Minting a token twice is harmless: token requests are retried without a key.
    retryable: tokenRequest !== undefined || isRetryableCall(method, hasKey, body),
    followsRedirects: tokenRequest === undefined,
    attempts: 0,
    retries: 0,
    hops: 0,
    token: undefined,
    refusedToken: undefined,
    lease: undefined,
    deadline: undefined,
    interrupt: undefined,
  };
}
