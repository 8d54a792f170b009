import type {
  BusinessClientOptions as AuthBusinessClientOptions,
  ThredfiClientOptions as AuthThredfiClientOptions,
  ThredfiLogger,
  ThredfiMiddleware,
  ThredfiTokens,
} from "@thredfi/auth";
import type { paths } from "@thredfi/types";
import type {
  Client,
  ClientPathsWithMethod,
  FetchResponse,
  MaybeOptionalInit,
  Middleware,
} from "openapi-fetch";
import type { ThredfiLogLevel } from "./log.js";

/** Options of both factories that shape every request: timeouts, retries, errors, logging. */
export interface RequestOptions {
  /**
   * Bounds every attempt of every request the client sends, token requests included, in whole
   * milliseconds (at most 2^31-1), also when `fetch` ignores abort signals. Default 60000.
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
  /** Receives the log lines (never a key, token or query value). Default `console`. */
  logger?: ThredfiLogger | undefined;
  /**
   * How much to log: `debug` a line per attempt, `info` retries and token refreshes, `warn`
   * exhausted retries and failed refreshes. Default: `THREDFI_LOG` where the environment has
   * it, else `"warn"`.
   */
  logLevel?: ThredfiLogLevel | undefined;
}

/** Options of {@link createThredfiClient}: those of `@thredfi/auth` plus {@link RequestOptions}. */
export interface ThredfiClientOptions
  extends Omit<AuthThredfiClientOptions, "timeoutMs" | "logger">,
    RequestOptions {}

/** Options of {@link createBusinessClient}: those of `@thredfi/auth` plus {@link RequestOptions}. */
export interface BusinessClientOptions
  extends Omit<AuthBusinessClientOptions, "logger">,
    RequestOptions {}

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type ThredfiPaths<M extends HttpMethod> = ClientPathsWithMethod<Client<paths>, M>;
type RequiredKeysOf<T> = {
  [K in keyof T]: Record<never, never> extends Pick<T, K> ? never : K;
}[keyof T];
type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];
type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

/** What a call of a throwing client resolves to: always the data of a 2xx answer. */
export interface SuccessResult<Data> {
  data: Data;
  error?: never;
  response: Response;
}

type ThrowingMethod<M extends HttpMethod> = <
  Path extends ThredfiPaths<M>,
  Init extends MaybeOptionalInit<paths[Path], M>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<
  SuccessResult<
    SuccessData<
      FetchResponse<
        Extract<paths[Path][M], Record<string | number, unknown>>,
        Init,
        `${string}/${string}`
      >
    >
  >
>;

/** A client created with `throwOnError: true`: every non-2xx throws, so `data` is present. */
export interface ThrowingApiClient {
  request<
    M extends HttpMethod,
    Path extends ThredfiPaths<M>,
    Init extends MaybeOptionalInit<paths[Path], M>,
  >(
    method: M,
    url: Path,
    ...init: InitParam<Init>
  ): Promise<
    SuccessResult<
      SuccessData<
        FetchResponse<
          Extract<paths[Path][M], Record<string | number, unknown>>,
          Init,
          `${string}/${string}`
        >
      >
    >
  >;
  GET: ThrowingMethod<"get">;
  PUT: ThrowingMethod<"put">;
  POST: ThrowingMethod<"post">;
  DELETE: ThrowingMethod<"delete">;
  OPTIONS: ThrowingMethod<"options">;
  HEAD: ThrowingMethod<"head">;
  PATCH: ThrowingMethod<"patch">;
  TRACE: ThrowingMethod<"trace">;
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

/**
 * An openapi-fetch client typed with every Thredfi path, with the client's timeouts, retries,
 * idempotency keys, error mapping and logging. With `ThrowOnError` true every non-2xx throws.
 */
export type ThredfiApiClient<ThrowOnError extends boolean = false> = ThrowOnError extends true
  ? ThrowingApiClient
  : Client<paths>;

/** The backend client returned by {@link createThredfiClient}. */
export interface ThredfiClient<ThrowOnError extends boolean = false> {
  /** Client sending the partner Bearer token. */
  readonly partner: ThredfiApiClient<ThrowOnError>;
  /** Client sending the token of `businessId`, only to `/v1/platform/businesses/{businessId}/…`. */
  business(businessId: string): ThredfiApiClient<ThrowOnError>;
  /** The cached tokens themselves, e.g. to hand a business token to a frontend. */
  readonly tokens: ThredfiTokens;
  /** Middleware that authenticates openapi-fetch clients you create yourself. */
  readonly middleware: ThredfiMiddleware;
}
