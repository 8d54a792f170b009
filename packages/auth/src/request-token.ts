import { ThredfiAuthError } from "./errors.js";
import { redact } from "./redact.js";
import { type CachedToken, readTokenGrant } from "./token-cache.js";
import type { ThredfiFetch } from "./types.js";

/** What a token request needs to know about its client. */
export interface TokenEndpoint {
  readonly baseUrl: string;
  readonly fetch: ThredfiFetch;
  readonly now: () => number;
  readonly refreshMarginMs: number;
  readonly timeoutMs: number;
  /** Strings that must never reach an error (the API key), besides the credentials sent. */
  readonly secrets: readonly string[];
}

/**
 * Asks for a token: the partner token with `POST /v1/platform/oauth2/token/`, HTTP Basic
 * `partnerId:apiKey` and the form body `grant_type=client_credentials&client_id=<partnerId>`;
 * a business token with `POST /v1/platform/{businessId}/oauth2/token/`, the partner Bearer
 * token and no body. A business token naming another business is rejected.
 */
export async function requestToken(
  endpoint: TokenEndpoint,
  authorization: string,
  form: string | null,
  businessId?: string,
): Promise<CachedToken> {
  const { fetch, timeoutMs } = endpoint;
  // The credentials just sent (Basic base64 or Bearer token) must not come back in an error.
  const secrets = [...endpoint.secrets, authorization.slice(authorization.indexOf(" ") + 1)];
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(
      new Request(
        `${endpoint.baseUrl}/v1/platform/${businessId ? `${businessId}/` : ""}oauth2/token/`,
        {
          method: "POST",
          headers: form
            ? { Authorization: authorization, "Content-Type": "application/x-www-form-urlencoded" }
            : { Authorization: authorization },
          body: form,
          signal,
        },
      ),
    );
    body = await response.text();
  } catch (cause) {
    throw signal.aborted
      ? new ThredfiAuthError("timeout", `no answer within ${timeoutMs} ms`, undefined, cause)
      : new ThredfiAuthError("network_error", "token request failed", undefined, cause);
  }
  try {
    body = JSON.parse(body as string);
  } catch {}
  const { status } = response;
  if (!response.ok) throw errorFromBody(status, body, secrets);
  const token = readTokenGrant(body, endpoint.now(), endpoint.refreshMarginMs);
  const named = (body as { business_id?: unknown } | null)?.business_id;
  if (!token || (businessId && named !== undefined && String(named).toLowerCase() !== businessId)) {
    throw new ThredfiAuthError("invalid_token_response", "unusable token response", status);
  }
  return token;
}

/** `Basic base64(utf8(user:password))`, without Node-only APIs. */
export function basicAuthorization(user: string, password: string): string {
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`)))}`;
}

// OAuth2 error bodies carry a code in `error`; Thredfi bodies a code in `error_code` and a
// sentence in `error`. A sentence in `error` without `error_code` is not taken for a code.
function errorFromBody(
  status: number,
  body: unknown,
  secrets: readonly string[],
): ThredfiAuthError {
  const { error, error_code, error_description } = (body ?? {}) as Record<string, unknown>;
  const code =
    typeof error_code === "string"
      ? error_code
      : typeof error === "string" && /^[\w.-]+$/.test(error)
        ? error
        : "http_error";
  const description = code === error ? error_description : error;
  return new ThredfiAuthError(
    redact(code, secrets),
    redact(typeof description === "string" ? description : `HTTP ${status}`, secrets),
    status,
  );
}
