import { ThredfiAuthError, ThredfiError } from "@thredfi/auth";
import { redactDeep, safeText } from "./text.js";

/** What a {@link ThredfiApiError} is built from: one non-2xx answer of the Thredfi API. */
export interface ApiErrorInit {
  /** HTTP status of the answer. */
  status: number;
  /** The parsed error body (JSON, else text), or `undefined` when there was none. */
  body: unknown;
  /** Headers of the answer. */
  headers: Headers;
  /** How many attempts were made, retries and the 401 replay included. Default 1. */
  attempts?: number | undefined;
  /** Strings to redact from the message and the body (API key, tokens). */
  secrets?: readonly string[] | undefined;
}

/**
 * A non-2xx answer of the Thredfi API. `code` is Thredfi's `error_code`, else the OAuth2
 * `error`, else `http_<status>`; `message` carries the server's words, escaped, with any
 * credential the server echoed replaced by `[redacted]`. Subclasses name the common statuses.
 */
export class ThredfiApiError extends ThredfiError {
  override readonly name: string = "ThredfiApiError";
  /** HTTP status of the answer. */
  readonly status: number;
  /** Machine-readable reason, e.g. `business_not_found`, `invalid_client` or `http_502`. */
  readonly code: string;
  /** Field → messages, when the body carried `details`. */
  readonly details: Record<string, string[]> | undefined;
  /** The `x-request-id` (or `request-id`) header of the answer, when present. */
  readonly requestId: string | undefined;
  /** Headers of the answer. */
  readonly headers: Headers;
  /** The parsed error body (JSON, else text), secrets redacted. */
  readonly body: unknown;
  /** How many attempts were made, retries and the 401 replay included. */
  readonly attempts: number;

  /** Prefer {@link apiErrorFor}, which picks the subclass matching the status. */
  constructor(init: ApiErrorInit) {
    const secrets = init.secrets ?? [];
    const body = redactDeep(init.body, secrets);
    const { words, ...read } = readErrorBody(init.status, body);
    const code = safeText(read.code, secrets);
    const requestId = init.headers.get("x-request-id") ?? init.headers.get("request-id");
    super(
      `${init.status} ${code}: ${safeText(words, secrets)}${requestId ? ` (request ${safeText(requestId)})` : ""}`,
    );
    this.status = init.status;
    this.code = code;
    this.details = readDetails(body);
    this.requestId = requestId ?? undefined;
    this.headers = init.headers;
    this.body = body;
    this.attempts = init.attempts ?? 1;
  }
}

/** HTTP 400: the request was invalid (`validation_error`, with `details` per field). */
export class ThredfiBadRequestError extends ThredfiApiError {
  override readonly name: string = "ThredfiBadRequestError";
}
/** HTTP 401: the token was missing, expired or revoked, even after one fresh token. */
export class ThredfiAuthenticationError extends ThredfiApiError {
  override readonly name: string = "ThredfiAuthenticationError";
}
/** HTTP 403: the token may not do this, e.g. a business token for another business. */
export class ThredfiPermissionDeniedError extends ThredfiApiError {
  override readonly name: string = "ThredfiPermissionDeniedError";
}
/** HTTP 404: no such resource, or not one of the partner's. */
export class ThredfiNotFoundError extends ThredfiApiError {
  override readonly name: string = "ThredfiNotFoundError";
}
/** HTTP 409: a duplicate or a state conflict. */
export class ThredfiConflictError extends ThredfiApiError {
  override readonly name: string = "ThredfiConflictError";
}
/** HTTP 422: the request was well-formed but could not be processed. */
export class ThredfiUnprocessableEntityError extends ThredfiApiError {
  override readonly name: string = "ThredfiUnprocessableEntityError";
}
/** HTTP 429: too many requests (retried first, honouring `Retry-After`). */
export class ThredfiRateLimitError extends ThredfiApiError {
  override readonly name: string = "ThredfiRateLimitError";
}
/** HTTP 500 and above: a server-side failure (retried first). */
export class ThredfiInternalServerError extends ThredfiApiError {
  override readonly name: string = "ThredfiInternalServerError";
}

const byStatus: Record<number, typeof ThredfiApiError> = {
  400: ThredfiBadRequestError,
  401: ThredfiAuthenticationError,
  403: ThredfiPermissionDeniedError,
  404: ThredfiNotFoundError,
  409: ThredfiConflictError,
  422: ThredfiUnprocessableEntityError,
  429: ThredfiRateLimitError,
};

/** The {@link ThredfiApiError} subclass for `init.status` (the base class for other statuses). */
export function apiErrorFor(init: ApiErrorInit): ThredfiApiError {
  const ErrorClass =
    init.status >= 500 ? ThredfiInternalServerError : (byStatus[init.status] ?? ThredfiApiError);
  return new ErrorClass(init);
}

/**
 * The network failed before an answer arrived; `cause` holds the underlying error. A token
 * request that failed this way throws a `ThredfiAuthError` (`network_error` or `timeout`) whose
 * `cause` is one of these, and that error is `instanceof` this class too, so one check catches
 * a network failure wherever it happened.
 */
export class ThredfiConnectionError extends ThredfiError {
  override readonly name: string = "ThredfiConnectionError";
  /** How many attempts were made. */
  readonly attempts: number;

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass checked against, e.g. ThredfiTimeoutError.
    const is = (candidate: unknown) => Function.prototype[Symbol.hasInstance].call(this, candidate);
    return is(value) || (value instanceof ThredfiAuthError && is(value.cause));
  }

  /** @internal Built by the SDK; callers only read the fields. */
  constructor(message: string, options: { cause?: unknown; attempts?: number } = {}) {
    super(message, { cause: options.cause });
    this.attempts = options.attempts ?? 1;
  }
}

/** An attempt got no answer within `timeoutMs`. */
export class ThredfiTimeoutError extends ThredfiConnectionError {
  override readonly name: string = "ThredfiTimeoutError";
}

// OAuth2 bodies carry a code in `error` and words in `error_description`; Thredfi bodies a code
// in `error_code` and words in `error`; Django's default bodies words in `detail`.
function readErrorBody(status: number, body: unknown): { code: string; words: string } {
  const fields = (body !== null && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const { error, error_code, error_description, detail, message } = fields;
  const oauthCode = typeof error === "string" && /^[a-z][a-z0-9_.-]*$/i.test(error);
  const code =
    typeof error_code === "string" && error_code
      ? error_code
      : oauthCode
        ? (error as string)
        : `http_${status}`;
  const words = [
    code === error ? error_description : error,
    error_description,
    detail,
    message,
    typeof body === "string" ? body.trim() : undefined,
  ].find((candidate): candidate is string => typeof candidate === "string" && candidate !== "");
  return { code, words: words ?? `HTTP ${status}` };
}

function readDetails(body: unknown): Record<string, string[]> | undefined {
  const details = (body as { details?: unknown } | null)?.details;
  if (details === null || typeof details !== "object" || Array.isArray(details)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(details)) {
    fields[field] = (Array.isArray(messages) ? messages : [messages]).map(String);
  }
  return fields;
}
