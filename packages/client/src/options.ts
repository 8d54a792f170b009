import type {
  BusinessClientOptions as AuthBusinessClientOptions,
  ThredfiClientOptions as AuthThredfiClientOptions,
  ThredfiLogger,
  ThredfiLogLevel,
} from "@thredfi/auth";

/** Options of the client's request pipeline, for every request it sends: retries, errors, logs. */
export interface PipelineOptions {
  /**
   * Bounds every attempt of every request the client sends (reading the answer included), token
   * requests and `getToken` calls included, in whole milliseconds (at most 2^31-1), also when
   * `fetch` ignores abort signals. Default 60000.
   */
  timeoutMs?: number | undefined;
  /**
   * Retries after a network failure, a timeout, 408, 429 or a status of 500 and above; never
   * after another 4xx. POST and PATCH are retried only with an `Idempotency-Key` header, which
   * the client adds when missing. Default 2.
   */
  maxRetries?: number | undefined;
  /**
   * Backoff between retries: a random delay (full jitter) up to `initialDelayMs · 2^(retry−1)`,
   * capped at `maxDelayMs`; a `Retry-After` of up to 60 s is waited instead. Defaults 500 and
   * 8000.
   */
  retryBackoff?:
    | { initialDelayMs?: number | undefined; maxDelayMs?: number | undefined }
    | undefined;
  /**
   * Throw a {@link ThredfiApiError} on every non-2xx answer instead of returning `{ error }`;
   * `data` is then typed as present. Default `false`.
   */
  throwOnError?: boolean | undefined;
  /** Receives the log lines (never a key, token, query value, header or body). Default `console`. */
  logger?: ThredfiLogger | undefined;
  /**
   * How much to log: `debug` a line per attempt, `info` retries, replays and token fetches,
   * `warn` exhausted retries and failed token fetches. Default: `THREDFI_LOG` where the
   * environment has it, else `"warn"`.
   */
  logLevel?: ThredfiLogLevel | undefined;
}

/**
 * Options of {@link createThredfiClient}: every option of `@thredfi/auth`'s (forwarded as they
 * are) plus the {@link PipelineOptions}.
 */
export interface ThredfiClientOptions extends AuthThredfiClientOptions, PipelineOptions {}

/**
 * Options of {@link createBusinessClient}: every option of `@thredfi/auth`'s (forwarded as they
 * are) plus the {@link PipelineOptions}.
 */
export interface BusinessClientOptions extends AuthBusinessClientOptions, PipelineOptions {}

/**
 * Options of one call, beside its `params` and `body` (or, for a resource method, after its
 * arguments). They change this call only and are never sent on the wire.
 */
export interface CallOptions {
  /** Bounds each attempt of this call, in whole milliseconds. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Retries of this call. Default: the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /**
   * The `Idempotency-Key` of a POST or PATCH. Default: a new UUID v4 per call, the same on every
   * retry. `null` sends none, and the call is then never retried.
   */
  idempotencyKey?: string | null | undefined;
  /** Aborting it ends the call at once, rejecting with its reason, as `fetch` does. */
  signal?: AbortSignal | null | undefined;
}
