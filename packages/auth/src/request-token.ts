import { readErrorBody } from "./error-body.js";
import {
  inheritBrands,
  ThredfiAuthError,
  ThredfiConnectionError,
  ThredfiTimeoutError,
} from "./errors.js";
import { safeText } from "./safe-text.js";
import { readTokenGrant } from "./token-grant.js";
import type { StoredToken } from "./types.js";

/** One token request, as the token layer hands it to whatever sends it. */
export interface TokenRequest {
  readonly url: string;
  /** The path template, for log lines: `/v1/platform/{business_id}/oauth2/token/` or the partner one. */
  readonly template: string;
  /** `Basic …` (partner token) or `Bearer <partner token>` (business token). */
  readonly authorization: string;
  /** The form body of a partner token request, else `null`. */
  readonly form: URLSearchParams | null;
  /** The API key and the credentials sent: never to appear in an error. */
  readonly secrets: readonly string[];
}

/**
 * What sending a token request answered: the response, with its body as text (2xx) or parsed
 * (anything else). Rejects with a `ThredfiError` when no answer came (network, timeout).
 */
export interface TokenAnswer {
  readonly response: Response;
  readonly data?: unknown;
  readonly error?: unknown;
}

/** Sends a token request, without following redirects, and reads its answer. */
export type SendTokenRequest = (request: TokenRequest) => Promise<TokenAnswer>;

/** What a token request needs to know about its client. */
export interface TokenEndpoint {
  readonly baseUrl: string;
  readonly now: () => number;
  readonly send: SendTokenRequest;
  /** Strings that must never reach an error (the API key), besides the credentials sent. */
  readonly secrets: readonly string[];
}

/**
 * Asks for a token: the partner token with `POST /v1/platform/oauth2/token/`, HTTP Basic
 * `partnerId:apiKey` and the form body `grant_type=client_credentials&client_id=<partnerId>`;
 * a business token with `POST /v1/platform/{businessId}/oauth2/token/`, the partner Bearer
 * token and no body. A business token naming another business is rejected, so is a redirect
 * (`unexpected_redirect`, never followed). A failure to send becomes `network_error` or
 * `timeout`, which are also `instanceof` the sender's error class (a connection error).
 */
export async function requestToken(
  endpoint: TokenEndpoint,
  authorization: string,
  form: URLSearchParams | null,
  businessId?: string,
): Promise<StoredToken> {
  // The credentials just sent (Basic base64 or Bearer token) must not come back in an error.
  const secrets = [...endpoint.secrets, authorization.slice(authorization.indexOf(" ") + 1)];
  const scope = businessId ? "{business_id}/" : "";
  let answer: TokenAnswer;
  try {
    answer = await endpoint.send({
      url: `${endpoint.baseUrl}/v1/platform/${businessId ? `${businessId}/` : ""}oauth2/token/`,
      template: `/v1/platform/${scope}oauth2/token/`,
      authorization,
      form,
      secrets,
    });
  } catch (error) {
    throw networkFailure(error);
  }
  const { response } = answer;
  const { status } = response;
  const requestId = requestIdOf(response.headers);
  // A 3xx, or the opaque response of status 0 (type "opaqueredirect") browsers answer
  // `redirect: "manual"` with; a custom fetch may follow the redirect anyway.
  if (response.redirected || (!response.ok && status < 400)) {
    throw new ThredfiAuthError("unexpected_redirect", "token request redirected", {
      status: status || undefined,
      requestId,
    });
  }
  if (!response.ok) {
    const { code, words } = readErrorBody(status, answer.error);
    throw new ThredfiAuthError(safeText(code ?? "http_error", secrets), safeText(words, secrets), {
      status,
      requestId,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.data as string);
  } catch {}
  // At least 2 s, so a token handed out by `tokens` always has a whole second left.
  const token = readTokenGrant(body, endpoint.now(), 2);
  const named = (body as { business_id?: unknown } | null)?.business_id;
  if (!token) {
    throw new ThredfiAuthError("invalid_token_response", "unusable token response", {
      status,
      requestId,
    });
  }
  if (businessId && named !== undefined && String(named).toLowerCase() !== businessId) {
    throw new ThredfiAuthError(
      "invalid_token_response",
      `token for business ${safeText(String(named), secrets).slice(0, 64)}, asked for ${businessId}`,
      { status, requestId },
    );
  }
  return token;
}

/** The request id a Thredfi answer carries, escaped, or `undefined`. */
export function requestIdOf(headers: Headers): string | undefined {
  const id = headers.get("x-request-id") ?? headers.get("request-id");
  return id === null ? undefined : safeText(id);
}

/** `Basic base64(utf8(user:password))`, without Node-only APIs. */
export function basicAuthorization(user: string, password: string): string {
  // Spread as arguments: fine for the few KiB an id and a key of at most 1024 characters make.
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`)))}`;
}

/**
 * A token request that got no answer: `timeout` when it timed out, else `network_error`; either
 * way also `instanceof` the connection error it carries as its cause. A `ThredfiAuthError`
 * passes through.
 */
function networkFailure(error: unknown): ThredfiAuthError {
  if (error instanceof ThredfiAuthError) return error;
  const cause =
    error instanceof ThredfiConnectionError
      ? error
      : new ThredfiConnectionError("token request failed", { cause: error });
  const timedOut = cause instanceof ThredfiTimeoutError;
  const failure = new ThredfiAuthError(timedOut ? "timeout" : "network_error", cause.message, {
    attempts: cause.attempts,
    cause,
  });
  inheritBrands(failure, cause);
  return failure;
}
