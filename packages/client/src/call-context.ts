import type { Middleware } from "openapi-fetch";

/** One API call as every layer sees it: what was called, by whom, and how often it was sent. */
export interface CallContext {
  /** Upper case, as on the wire. */
  readonly method: string;
  /** The path template, e.g. `/v1/platform/businesses/{business_id}/`: never a query value. */
  readonly template: string;
  /** The caller's signal: aborting it ends the call at once, with its reason. */
  readonly signal: AbortSignal | undefined;
  /** Attempts sent so far, retries and the 401 replay included. */
  attempts: number;
  /**
   * Set by the API client, which reads the body: the last attempt's timeout then keeps running
   * until the body is read, and a timeout after the headers rejects the call through here.
   */
  expire?: ((error: unknown) => void) | undefined;
  /** Stops the last attempt's timeout; set by the timeout layer while one is running. */
  settle?: (() => void) | undefined;
  /** Its key in {@link CallRegistry.byTarget}, once registered there. */
  target?: string | undefined;
}

/**
 * Where the transport finds the call a request belongs to. Each request an API client builds
 * is marked with its call ({@link callMarker}); a copy made for the
 * 401 replay loses that key but keeps its `Idempotency-Key` header, so POST and PATCH calls are
 * also found by their key, and other calls with a body (a PUT, say) by their method and URL.
 */
export interface CallRegistry {
  readonly byIdempotencyKey: Map<string, CallContext>;
  /**
   * Calls with a body but no `Idempotency-Key`, by `method url`, while they run; `call` is
   * `undefined` while several run at once, whose replays then cannot be told apart.
   */
  readonly byTarget: Map<string, { call: CallContext | undefined; running: number }>;
}

/** An empty {@link CallRegistry}, one per client. */
export function createCallRegistry(): CallRegistry {
  return { byIdempotencyKey: new Map(), byTarget: new Map() };
}

const KEY = "idempotency-key";
const BUSINESS_TOKEN_PATH = /^(\/v1\/platform\/)[^/]+(\/oauth2\/token\/)$/;

// The call being sent while openapi-fetch builds its Request, before it first awaits. The call
// travels out of band: any init object, even an empty one, makes openapi-fetch slower per call.
let sending: CallContext | undefined;
const OWN_CALL = Symbol("thredfi.call");

/** Runs `send` (an openapi-fetch call) with `call` as the call of the Request it builds. */
export function sendingCall<T>(call: CallContext, send: () => T): T {
  const outer = sending;
  sending = call;
  try {
    return send();
  } finally {
    sending = outer;
  }
}

/**
 * openapi-fetch middleware, first in its client, that marks each Request it is shown with the
 * call being sent through {@link sendingCall}.
 */
export const callMarker: Middleware = {
  onRequest({ request }) {
    if (sending) (request as unknown as Record<symbol, CallContext>)[OWN_CALL] = sending;
    sending = undefined;
  },
};

/** The call `request` belongs to: its own, or its key's; `undefined` outside any call. */
export function callOf(request: Request, registry: CallRegistry): CallContext | undefined {
  const own = (request as unknown as Record<symbol, CallContext | undefined>)[OWN_CALL];
  if (own) {
    // The replay's copy of a request with a body carries neither its mark nor, here, a key.
    if (request.body !== null && own.target === undefined && !request.headers.has(KEY)) {
      own.target = targetOf(request);
      const entry = registry.byTarget.get(own.target);
      if (entry) {
        entry.call = undefined;
        entry.running++;
      } else registry.byTarget.set(own.target, { call: own, running: 1 });
    }
    return own;
  }
  const key = request.headers.get(KEY);
  if (key !== null) return registry.byIdempotencyKey.get(key);
  return request.body === null ? undefined : registry.byTarget.get(targetOf(request))?.call;
}

/** Forgets `call` once it has settled. */
export function forgetCall(call: CallContext, key: string | null, registry: CallRegistry): void {
  if (key !== null && registry.byIdempotencyKey.get(key) === call) {
    registry.byIdempotencyKey.delete(key);
  }
  const entry = call.target === undefined ? undefined : registry.byTarget.get(call.target);
  if (entry && --entry.running === 0) registry.byTarget.delete(call.target as string);
}

function targetOf(request: Request): string {
  return `${request.method} ${request.url}`;
}

/**
 * A call of its own for a request sent outside any API call: a token request, whose signal
 * (the token layer's) is the one that may end it.
 */
export function standaloneCall(request: Request): CallContext {
  const path = new URL(request.url).pathname;
  return {
    method: request.method,
    template: path.replace(BUSINESS_TOKEN_PATH, "$1{business_id}$2"),
    signal: request.signal,
    attempts: 0,
  };
}
