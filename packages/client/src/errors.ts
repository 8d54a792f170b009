import { ThredfiError } from "@thredfi/auth";
import { brand, readErrorBody, requestIdOf, safeText } from "@thredfi/auth/internal";

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
  /** The error body (JSON, else text), secrets redacted. */
  readonly body: unknown;
  /** How many attempts were made, retries, redirects and the 401 replay included. */
  readonly attempts: number;

  /**
   * @internal Built by the SDK from an answer whose `body` is already free of secrets; callers
   * only read the fields.
   */
  constructor(status: number, body: unknown, headers: Headers, attempts: number) {
    const { code, words } = readErrorBody(status, body);
    const requestId = requestIdOf(headers);
    const safeCode = safeText(code ?? `http_${status}`);
    super(
      `${status} ${safeCode}: ${safeText(words)}${requestId ? ` (request ${safeText(requestId)})` : ""}`,
    );
    this.status = status;
    this.code = safeCode;
    this.details = readDetails(body);
    this.requestId = requestId;
    this.headers = headers;
    this.body = body;
    this.attempts = attempts;
  }
}
brand(ThredfiApiError, "ThredfiApiError");

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

/**
 * A redirect the SDK would not follow: to another origin, out of a business token's scope, more
 * than 5 hops, or one a stream body cannot be sent again for. `status` is the redirect's status
 * and `location` its target's origin (never its path or query).
 */
export class ThredfiRedirectError extends ThredfiError {
  override readonly name: string = "ThredfiRedirectError";

  /** @internal Built by the SDK; callers only read the fields. */
  constructor(
    message: string,
    /** HTTP status of the redirect (0 for a browser's opaque redirect). */
    readonly status: number,
    /** The origin the redirect pointed to, when known. */
    readonly location: string | undefined,
    /** How many attempts were made before it. */
    readonly attempts: number,
  ) {
    super(message);
  }
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
for (const [name, type] of Object.entries({
  ThredfiBadRequestError,
  ThredfiAuthenticationError,
  ThredfiPermissionDeniedError,
  ThredfiNotFoundError,
  ThredfiConflictError,
  ThredfiUnprocessableEntityError,
  ThredfiRateLimitError,
  ThredfiInternalServerError,
  ThredfiRedirectError,
})) {
  brand(type, name);
}

/** The {@link ThredfiApiError} subclass for `status` (the base class for other statuses). */
export function apiErrorClassOf(status: number): typeof ThredfiApiError {
  return status >= 500 ? ThredfiInternalServerError : (byStatus[status] ?? ThredfiApiError);
}

function readDetails(body: unknown): Record<string, string[]> | undefined {
  const details = (body as { details?: unknown } | null)?.details;
  if (details === null || typeof details !== "object" || Array.isArray(details)) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(details)) {
    fields[field] = (Array.isArray(messages) ? messages : [messages]).map((item) =>
      typeof item === "string" ? item : String(item),
    );
  }
  return fields;
}
