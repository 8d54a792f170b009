import type { ThredfiFetch } from "@thredfi/auth";
import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  type Middleware,
  mergeHeaders,
  removeTrailingSlash,
} from "openapi-fetch";
import { type CallResult, type CallScope, type ParseAs, startCall } from "./call.js";
import { type ClientConfig, checkCallOptions } from "./config.js";
import { idempotencyKeyIn, takesIdempotencyKey } from "./idempotency-key.js";
import type { Pipeline } from "./pipeline.js";
import { apiErrorOf } from "./read-answer.js";
import type { ResourceTrees } from "./resources/build-resources.js";
import { sendThroughMiddleware } from "./user-middleware.js";

/** What a path-style call takes: openapi-fetch's init plus the {@link CallOptions}. */
type Init = Record<string, unknown> | undefined;

/** The untyped shape of a path-style client; `types.ts` gives it its types. */
export interface PathClient {
  request(method: string, template: string, init?: Init): Promise<CallResult>;
  GET(template: string, init?: Init): Promise<CallResult>;
  PUT(template: string, init?: Init): Promise<CallResult>;
  POST(template: string, init?: Init): Promise<CallResult>;
  DELETE(template: string, init?: Init): Promise<CallResult>;
  OPTIONS(template: string, init?: Init): Promise<CallResult>;
  HEAD(template: string, init?: Init): Promise<CallResult>;
  PATCH(template: string, init?: Init): Promise<CallResult>;
  TRACE(template: string, init?: Init): Promise<CallResult>;
  use(...middleware: Middleware[]): void;
  eject(...middleware: Middleware[]): void;
}

/** What every client of one factory shares: its configuration and its pipeline. */
export interface ClientCore {
  readonly config: ClientConfig;
  readonly pipeline: Pipeline;
  /** The prototypes of the client's resource methods. */
  readonly trees: ResourceTrees;
}

/** openapi-fetch's body serializer, which also reads the headers (for a form body). */
type BodySerializer = (body: unknown, headers?: Headers) => unknown;

const defaultQuerySerializer = createQuerySerializer();
const NO_INIT: Record<string, unknown> = {};

/**
 * An openapi-fetch style client (`GET(path, init)` and the other methods, `use`, `eject`) that
 * sends every call through the client's pipeline with the token of `scope`. The init takes
 * openapi-fetch's fields and the per-call options (`timeoutMs`, `maxRetries`,
 * `idempotencyKey`, `signal`), which are never sent on the wire. With `throwOnError`, a non-2xx
 * answer rejects with its `ThredfiApiError`.
 */
export function createPathClient(core: ClientCore, scope: CallScope): PathClient {
  const { config, pipeline } = core;
  const middlewares: Middleware[] = [];

  function request(method: string, template: string, init: Init = NO_INIT): Promise<CallResult> {
    let answer: Promise<CallResult>;
    try {
      answer = send(method, template, init);
    } catch (error) {
      return Promise.reject(error);
    }
    return config.throwOnError ? answer.then(throwIfError) : answer;
  }

  function send(method: string, template: string, init: Record<string, unknown>) {
    const {
      params = NO_INIT,
      body,
      headers,
      parseAs = "json",
      querySerializer,
      bodySerializer = defaultBodySerializer,
      pathSerializer = defaultPathSerializer,
      baseUrl,
      fetch,
      middleware,
      signal,
      timeoutMs,
      maxRetries,
      idempotencyKey,
      ...requestInit
    } = init as Record<string, never>;
    const options = { signal, timeoutMs, maxRetries, idempotencyKey };
    if (
      signal != null ||
      timeoutMs !== undefined ||
      maxRetries !== undefined ||
      idempotencyKey !== undefined
    ) {
      checkCallOptions(options);
    }
    const { header } = params as { header?: unknown };
    const callHeaders = mergeHeaders(headers, header as never);
    const serialized: unknown =
      body === undefined ? null : (bodySerializer as BodySerializer)(body, callHeaders);
    if (
      serialized !== null &&
      !(serialized instanceof FormData) &&
      !callHeaders.has("content-type")
    ) {
      callHeaders.set("Content-Type", "application/json");
    }
    const withMiddleware =
      middlewares.length > 0 || (middleware as Middleware[] | undefined)?.length;
    const call = startCall(config, scope, {
      method,
      template: pathOnly(template),
      url: createFinalURL(template, {
        baseUrl: baseUrl ? removeTrailingSlash(baseUrl) : config.connection.baseUrl,
        params,
        querySerializer: querySerializerOf(querySerializer),
        pathSerializer,
      }),
      headers: callHeaders,
      body: serialized as BodyInit | null,
      init: hasKeys(requestInit) ? requestInit : undefined,
      parseAs: withMiddleware ? "buffer" : parseAs,
      fetch: fetch as ThredfiFetch | undefined,
      options,
      idempotencyKey:
        idempotencyKey !== undefined || !takesIdempotencyKey(method)
          ? idempotencyKey
          : keyOfCaller(idempotencyKeyIn(headers), idempotencyKeyIn(header)),
    });
    if (!withMiddleware) return pipeline.send(call);
    return sendThroughMiddleware(core, call, {
      middleware: [...middlewares, ...((middleware as Middleware[] | undefined) ?? [])],
      parseAs: parseAs as Exclude<ParseAs, "buffer">,
      schemaPath: template,
      params: params as Record<string, unknown>,
      querySerializer: querySerializerOf(querySerializer),
      bodySerializer: bodySerializer as BodySerializer,
      pathSerializer: pathSerializer as typeof defaultPathSerializer,
    });
  }

  const method =
    (name: string) =>
    (template: string, init?: Init): Promise<CallResult> =>
      request(name, template, init);
  return {
    request: (name, template, init) => request(String(name).toUpperCase(), template, init),
    GET: method("GET"),
    PUT: method("PUT"),
    POST: method("POST"),
    DELETE: method("DELETE"),
    OPTIONS: method("OPTIONS"),
    HEAD: method("HEAD"),
    PATCH: method("PATCH"),
    TRACE: method("TRACE"),
    use(...added) {
      for (const m of added) {
        if (!m) continue;
        if (typeof m !== "object" || !("onRequest" in m || "onResponse" in m || "onError" in m)) {
          throw new TypeError(
            "Middleware must be an object with one of `onRequest()`, `onResponse() or `onError()`",
          );
        }
        middlewares.push(m);
      }
    },
    eject(...removed) {
      for (const m of removed) {
        const index = middlewares.indexOf(m);
        if (index !== -1) middlewares.splice(index, 1);
      }
    },
  };
}

/** `result`, or its `ThredfiApiError` thrown when the answer was not a 2xx. */
export function throwIfError<R extends CallResult>(result: R): R {
  if (!result.response.ok) throw apiErrorOf(result);
  return result;
}

function querySerializerOf(option: unknown): (query: Record<string, unknown>) => string {
  if (option === undefined) return defaultQuerySerializer;
  return typeof option === "function"
    ? (option as (query: Record<string, unknown>) => string)
    : createQuerySerializer(option as Parameters<typeof createQuerySerializer>[0]);
}

function hasKeys(object: object): boolean {
  for (const _ in object) return true;
  return false;
}

/** The path template without any query a caller wrote into it. */
function pathOnly(template: string): string {
  const query = template.indexOf("?");
  return query === -1 ? template : template.slice(0, query);
}

/** The caller's `Idempotency-Key` from `headers`, else from `params.header` (`null`: removed). */
function keyOfCaller(
  inHeaders: string | null | undefined,
  inParams: string | null | undefined,
): string | null | undefined {
  return inHeaders !== undefined ? inHeaders : inParams;
}
