/**
 * What went wrong while getting or using a token. Besides the codes below, `code` can be the
 * `error` of an OAuth2 error body or the `error_code` of a Thredfi error body.
 */
export type ThredfiAuthErrorCode =
  | "http_error"
  | "network_error"
  | "timeout"
  | "unexpected_redirect"
  | "invalid_token_response"
  | "business_mismatch"
  | "invalid_config"
  | "token_provider_error"
  | (string & {});

// Global symbols: the ESM and CommonJS builds of a package (loaded side by side in one process)
// then agree on what an error is, so `instanceof` holds across them.
const BRANDS = Symbol.for("thredfi.error.brands");
const BRAND = Symbol.for("thredfi.error.brand");
type Branded = { [BRANDS]?: readonly string[] };
type Branding = { [BRAND]: string };

/**
 * The base of every error the Thredfi SDK throws: `instanceof ThredfiError` catches them all,
 * also an error thrown by the CommonJS build of a package when the class came from its ES module
 * build. Messages never contain the API key or a token, and `util.inspect` shows the stack, never
 * the `cause` (which is not enumerable, so `JSON.stringify` leaves it out too).
 */
export class ThredfiError extends Error {
  override readonly name: string = "ThredfiError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const brands: string[] = [];
    for (let type: unknown = new.target; type !== Error; type = Object.getPrototypeOf(type)) {
      if (Object.hasOwn(type as object, BRAND)) brands.push((type as Branding)[BRAND]);
    }
    Object.defineProperty(this, BRANDS, { value: brands, writable: true });
  }

  /** Whether `value` is an error of this class, from whichever build of the package made it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class checked against.
    return isOfClass(value, this);
  }

  /** `util.inspect` prints the stack (name and message), never the cause. */
  [Symbol.for("nodejs.util.inspect.custom")](): string | undefined {
    return this.stack;
  }
}

brand(ThredfiError, "ThredfiError");

/** Whether `value` is an error of `type` (by brand), or of a caller's own unbranded subclass. */
function isOfClass(value: unknown, type: object): boolean {
  if (!Object.hasOwn(type, BRAND)) return Function.prototype[Symbol.hasInstance].call(type, value);
  const brands = (value as Branded | null)?.[BRANDS];
  return Array.isArray(brands) && brands.includes((type as Branding)[BRAND]);
}

/** Gives `Class` its own brand, the name `instanceof` recognises across builds. */
export function brand(Class: abstract new (...args: never[]) => ThredfiError, name: string): void {
  Object.defineProperty(Class, BRAND, { value: name });
}

/**
 * Makes `error` also `instanceof` every class that `cause` is (a token request that failed on
 * the network is then also a connection error, for one check wherever the network failed).
 */
export function inheritBrands(error: ThredfiError, cause: unknown): void {
  const extra = (cause as Branded | null)?.[BRANDS];
  const own = (error as Branded)[BRANDS] ?? [];
  if (Array.isArray(extra))
    (error as unknown as { [BRANDS]: readonly string[] })[BRANDS] = [...own, ...extra];
}

/** What a {@link ThredfiAuthError} knows besides its code and description. */
export interface ThredfiAuthErrorDetails {
  /** HTTP status of the answer that failed. */
  status?: number | undefined;
  /** The request id of that answer (`x-request-id` or `request-id`). */
  requestId?: string | undefined;
  /** Attempts sent, retries included, when the failure came from sending. */
  attempts?: number | undefined;
  cause?: unknown;
}

/**
 * Every failure to get or use a token. `JSON.stringify` shows `code`, `description`, `status`,
 * `requestId` and `attempts`, never the cause.
 */
export class ThredfiAuthError extends ThredfiError {
  override readonly name: string = "ThredfiAuthError";
  /** HTTP status of the answer that failed, or `undefined` when there was none. */
  readonly status: number | undefined;
  /** The request id of the answer that failed, when Thredfi sent one. */
  readonly requestId: string | undefined;
  /** Attempts sent before the failure (token requests are retried like any other). */
  readonly attempts: number | undefined;

  /**
   * @internal Built by the SDK; callers only read the fields.
   * @param code Machine-readable reason, e.g. `invalid_client`, `timeout`, `business_mismatch`.
   * @param description Human-readable explanation, free of secrets.
   */
  constructor(
    readonly code: ThredfiAuthErrorCode,
    readonly description: string,
    details: ThredfiAuthErrorDetails = {},
  ) {
    const { status, requestId } = details;
    super(
      `${code}: ${description}${status ? ` (HTTP ${status})` : ""}${requestId ? ` (request ${requestId})` : ""}`,
      { cause: details.cause },
    );
    this.status = status;
    this.requestId = requestId;
    this.attempts = details.attempts;
  }
}
brand(ThredfiAuthError, "ThredfiAuthError");

/**
 * The network failed before an answer arrived; `cause` holds the underlying error. A token
 * request that failed this way throws a `ThredfiAuthError` (`network_error` or `timeout`) that is
 * `instanceof` this class too, so one check catches a network failure wherever it happened.
 */
export class ThredfiConnectionError extends ThredfiError {
  override readonly name: string = "ThredfiConnectionError";
  /** How many attempts were made, retries included. */
  readonly attempts: number;

  /** @internal Built by the SDK; callers only read the fields. */
  constructor(message: string, options: { cause?: unknown; attempts?: number | undefined } = {}) {
    super(message, { cause: options.cause });
    this.attempts = options.attempts ?? 1;
  }
}
brand(ThredfiConnectionError, "ThredfiConnectionError");

/** An attempt got no answer within `timeoutMs`. */
export class ThredfiTimeoutError extends ThredfiConnectionError {
  override readonly name: string = "ThredfiTimeoutError";
}
brand(ThredfiTimeoutError, "ThredfiTimeoutError");
