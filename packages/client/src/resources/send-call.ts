import { ThredfiError } from "@thredfi/auth";
import { createQuerySerializer, defaultBodySerializer, mergeHeaders } from "openapi-fetch";
import { type CallResult, type CallScope, startCall } from "../call.js";
import { checkCallOptions } from "../config.js";
import { idempotencyKeyIn, takesIdempotencyKey } from "../idempotency-key.js";
import type { ClientCore } from "../path-client.js";
import { apiErrorOf } from "../read-answer.js";
import type { RequestOptions } from "./types.js";

/** Where a tree of resources sends its calls: the client's core, the token scope, the base URL. */
export interface ResourceContext {
  readonly core: ClientCore;
  readonly scope: CallScope;
  /** The URL of the tree's prefix, e.g. `https://api.thredfi.com/v1/platform/businesses/<id>/`. */
  readonly base: string;
}

/** One method of the table: what it sends, known before any call. */
export interface MethodSpec {
  /** Dotted, e.g. `invoices.payments.create`: for messages. */
  readonly name: string;
  /** Upper case. */
  readonly method: string;
  /** The full path template: for log lines and errors. */
  readonly template: string;
  /** The path below the prefix cut at its parameters: one more piece than there are ids. */
  readonly pieces: readonly string[];
  /** The names of the path parameters, in order. */
  readonly ids: readonly string[];
  /** `b` a body argument, `q` a query argument, `` neither. */
  readonly input: "b" | "q" | "";
  /** A body method that also takes a query, in its options' `query`. */
  readonly queryInOptions: boolean;
  /** It answers a page of results. */
  readonly paged: boolean;
}

const serializeQuery = createQuerySerializer();

/**
 * Starts the call of `spec` with the given path ids, body, query and options, and sends it
 * through the client's pipeline: the same `Call` and the same steps as a path-style call.
 * Throws a `ThredfiError` (before anything is sent) for a missing id or invalid options.
 */
export function sendResourceCall(
  context: ResourceContext,
  spec: MethodSpec,
  ids: readonly unknown[],
  body: unknown,
  query: Record<string, unknown> | undefined,
  options: RequestOptions | undefined,
): Promise<CallResult> {
  const { pieces } = spec;
  let url = context.base + pieces[0];
  for (let index = 0; index < spec.ids.length; index++) {
    url += encodeId(spec, index, ids[index]) + pieces[index + 1];
  }
  if (query != null) {
    const search = serializeQuery(query);
    if (search) url += `?${search}`;
  }
  let idempotencyKey: string | null | undefined;
  let headers: Headers;
  if (options === undefined) {
    headers = new Headers();
  } else {
    if (options === null || typeof options !== "object") {
      throw new ThredfiError(`${spec.name}: options must be an object`);
    }
    checkCallOptions(options);
    headers =
      options.headers == null
        ? new Headers()
        : Array.isArray(options.headers)
          ? new Headers(options.headers)
          : mergeHeaders(options.headers as never);
    idempotencyKey = options.idempotencyKey;
    if (idempotencyKey === undefined && takesIdempotencyKey(spec.method)) {
      idempotencyKey = idempotencyKeyIn(options.headers);
    }
  }
  let serialized: BodyInit | null = null;
  if (body !== undefined) {
    serialized = (defaultBodySerializer as (body: unknown, headers: Headers) => BodyInit)(
      body,
      headers,
    );
    if (!(serialized instanceof FormData) && !headers.has("content-type")) {
      headers.set("Content-Type", "application/json");
    }
  }
  const { config, pipeline } = context.core;
  return pipeline.send(
    startCall(config, context.scope, {
      method: spec.method,
      template: spec.template,
      url,
      headers,
      body: serialized,
      parseAs: "json",
      options,
      idempotencyKey,
    }),
  );
}

/** The data of a 2xx result; the `ThredfiApiError` of any other, thrown. */
export function dataOf(result: CallResult): unknown {
  if (!result.response.ok) throw apiErrorOf(result);
  return result.data;
}

function encodeId(spec: MethodSpec, index: number, id: unknown): string {
  if ((typeof id === "string" && id !== "") || (typeof id === "number" && Number.isFinite(id))) {
    return encodeURIComponent(id);
  }
  throw new ThredfiError(
    `${spec.name}: {${spec.ids[index]}} (argument ${index + 1}) must be a non-empty string`,
  );
}
