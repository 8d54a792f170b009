import { ThredfiAuthError, ThredfiError } from "@thredfi/auth";
import type { paths } from "@thredfi/types";
import type { Client } from "openapi-fetch";
import {
  type CallContext,
  type CallRegistry,
  callMarker,
  forgetCall,
  sendingCall,
} from "./call-context.js";
import type { ClientConfig } from "./config.js";
import { ThredfiConnectionError, ThredfiTimeoutError } from "./errors.js";
import { takesIdempotencyKey, withIdempotencyKey } from "./idempotency-key.js";
import { apiErrorOf, type CallResult } from "./unwrap.js";

type Init = Record<string, unknown> | undefined;
type Request = (method: string, template: string, init: Init) => Promise<CallResult>;

/**
 * Wraps an openapi-fetch client so each call carries its {@link CallContext} (path template,
 * caller's signal, attempts) and an `Idempotency-Key` when it is a POST or PATCH, and so
 * nothing but a `ThredfiError` or the caller's abort reason is ever thrown. With
 * `throwOnError`, a non-2xx answer throws its `ThredfiApiError`.
 */
export function wrapApiClient(
  inner: Client<paths>,
  config: ClientConfig,
  registry: CallRegistry,
): Client<paths> {
  const { byIdempotencyKey } = registry;
  // Each wrapped client is a fresh one, so the marker is added once.
  inner.use(callMarker);

  function call(method: string, template: string, init: Init): Promise<CallResult> {
    const signal = (init?.signal ?? undefined) as AbortSignal | undefined;
    const context: CallContext = {
      method,
      template: pathOnly(String(template)),
      signal,
      attempts: 0,
    };
    let sent = init;
    let key: string | null = null;
    if (takesIdempotencyKey(method)) {
      ({ init: sent, key } = withIdempotencyKey({ ...init }));
      if (key !== null) byIdempotencyKey.set(key, context);
    }
    // One promise per call, settled by the answer, the caller's abort or a timeout while the
    // body is read (`context.expire`, set before the request starts), also when `fetch`
    // ignores its signal.
    return new Promise<CallResult>((resolve, reject) => {
      const fail = (error: unknown) => {
        // The last attempt's timer runs on while the body is read: a TypeError now is the
        // body's stream breaking off (the connection dropped), not a bug of the caller's.
        const dropped = context.settle !== undefined && error instanceof TypeError;
        finish();
        reject(thrownBy(dropped ? droppedBody(error, context) : error, context));
      };
      const onAbort = () => fail(signal?.reason);
      function finish() {
        context.settle?.();
        signal?.removeEventListener("abort", onAbort);
        forgetCall(context, key, registry);
      }
      context.expire = fail;
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
      let pending: Promise<CallResult>;
      try {
        pending = sendingCall(context, () =>
          (inner.request as unknown as Request)(method, template, sent),
        );
      } catch (error) {
        return fail(error);
      }
      pending.then((result) => {
        finish();
        if (config.throwOnError && !result.response.ok) reject(apiErrorOf(result));
        else resolve(result);
      }, fail);
    });
  }

  const method =
    (name: string) =>
    (template: string, init?: Init): Promise<CallResult> =>
      call(name, template, init);
  return {
    request: (name: string, template: string, init?: Init) =>
      call(String(name).toUpperCase(), template, init),
    GET: method("GET"),
    PUT: method("PUT"),
    POST: method("POST"),
    DELETE: method("DELETE"),
    OPTIONS: method("OPTIONS"),
    HEAD: method("HEAD"),
    PATCH: method("PATCH"),
    TRACE: method("TRACE"),
    use: (...middleware) => inner.use(...middleware),
    eject: (...middleware) => inner.eject(...middleware),
  } as Client<paths>;
}

/**
 * What a call throws for `error`: the caller's abort reason, a `ThredfiError` as it is (a token
 * request that timed out as `timeout`), anything else wrapped in a `ThredfiError`.
 */
export function thrownBy(
  error: unknown,
  context: Pick<CallContext, "method" | "template" | "signal">,
): unknown {
  if (context.signal?.aborted) return context.signal.reason;
  if (
    error instanceof ThredfiAuthError &&
    error.code === "network_error" &&
    error.cause instanceof ThredfiTimeoutError
  ) {
    return new ThredfiAuthError("timeout", error.cause.message, undefined, error.cause);
  }
  if (error instanceof ThredfiError) return error;
  const name = error instanceof Error ? error.name : typeof error;
  return new ThredfiError(`${context.method} ${context.template} failed: ${name}`, {
    cause: error,
  });
}

function droppedBody(cause: TypeError, context: CallContext): ThredfiConnectionError {
  return new ThredfiConnectionError(
    `${context.method} ${context.template}: the connection failed while reading the answer`,
    { cause, attempts: context.attempts },
  );
}

/** The path template without any query a caller wrote into it. */
function pathOnly(template: string): string {
  const query = template.indexOf("?");
  return query === -1 ? template : template.slice(0, query);
}
