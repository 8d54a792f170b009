import type { ThredfiMiddleware, ThredfiTokens } from "@thredfi/auth";
import type { paths } from "@thredfi/types";
import type {
  Client,
  ClientPathsWithMethod,
  FetchResponse,
  MaybeOptionalInit,
  Middleware,
} from "openapi-fetch";
import type { CallOptions } from "./options.js";
import type { BusinessResources, PartnerResources } from "./resources/generated/types.js";

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
type ThredfiPaths<M extends HttpMethod> = ClientPathsWithMethod<Client<paths>, M>;
type RequiredKeysOf<T> = {
  [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K;
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

/** The init of a path-style call: openapi-fetch's (`params`, `body`, …) and the {@link CallOptions}. */
export type PathCallInit<Path extends keyof paths, M extends HttpMethod> = MaybeOptionalInit<
  paths[Path],
  M
> &
  CallOptions;

type Answer<M extends HttpMethod, Path extends keyof paths, Init, ThrowOnError extends boolean> =
  FetchResponse<
    Extract<paths[Path][M], Record<string | number, unknown>>,
    Init,
    `${string}/${string}`
  > extends infer Result
    ? ThrowOnError extends true
      ? SuccessResult<SuccessData<Result>>
      : Result
    : never;

type PathMethod<M extends HttpMethod, ThrowOnError extends boolean> = <
  Path extends ThredfiPaths<M>,
  Init extends PathCallInit<Path, M>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<Answer<M, Path, Init, ThrowOnError>>;

/**
 * An openapi-fetch style client typed with every Thredfi path, sending through the client's
 * pipeline (its tokens, timeouts, retries, idempotency keys, redirects, error mapping and
 * logging). Each call's init also takes the {@link CallOptions}. With `ThrowOnError` true every
 * non-2xx answer throws its `ThredfiApiError`, so `data` is typed as present.
 */
export interface ThredfiApiClient<ThrowOnError extends boolean = false> {
  request<M extends HttpMethod, Path extends ThredfiPaths<M>, Init extends PathCallInit<Path, M>>(
    method: M,
    url: Path,
    ...init: InitParam<Init>
  ): Promise<Answer<M, Path, Init, ThrowOnError>>;
  GET: PathMethod<"get", ThrowOnError>;
  PUT: PathMethod<"put", ThrowOnError>;
  POST: PathMethod<"post", ThrowOnError>;
  DELETE: PathMethod<"delete", ThrowOnError>;
  OPTIONS: PathMethod<"options", ThrowOnError>;
  HEAD: PathMethod<"head", ThrowOnError>;
  PATCH: PathMethod<"patch", ThrowOnError>;
  TRACE: PathMethod<"trace", ThrowOnError>;
  /** Adds openapi-fetch middleware, run around every call of this client. */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with `use`. */
  eject(...middleware: Middleware[]): void;
}

/** A client created with `throwOnError: true`: every non-2xx throws, so `data` is present. */
export type ThrowingApiClient = ThredfiApiClient<true>;

/**
 * A client of one business: its resources (`biz.invoices.create(…)`, generated from the spec)
 * and the path-style calls (`biz.GET(path, init)`).
 */
export type ThredfiBusinessClient<ThrowOnError extends boolean = false> =
  ThredfiApiClient<ThrowOnError> & BusinessResources;

/**
 * The backend client returned by {@link createThredfiClient}: the partner's resources
 * (`thredfi.businesses.list()`, generated from the spec), the path-style clients, the tokens.
 */
export interface ThredfiClient<ThrowOnError extends boolean = false> extends PartnerResources {
  /** Client sending the partner Bearer token. */
  readonly partner: ThredfiApiClient<ThrowOnError>;
  /**
   * The client of one business, sending its token, only to
   * `/v1/platform/businesses/{businessId}/…`: its resources and the path-style calls.
   */
  business(businessId: string): ThredfiBusinessClient<ThrowOnError>;
  /** The cached tokens themselves, e.g. to hand a business token to a frontend. */
  readonly tokens: ThredfiTokens;
  /** Middleware that authenticates openapi-fetch clients you create yourself. */
  readonly middleware: ThredfiMiddleware;
}
