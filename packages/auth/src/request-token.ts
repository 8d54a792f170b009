import { attempt } from "./attempt.js";
import { ThredfiAuthError } from "./errors.js";
import { redact } from "./redact.js";
import { type CachedToken, readTokenGrant } from "./token-cache.js";
import type { ThredfiFetch } from "./types.js";
import { withTimeout } from "./with-timeout.js";

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
 * token and no body. A business token naming another business is rejected, so is a redirect
 * (`unexpected_redirect`, never followed) and an answer later than `timeoutMs` (`timeout`).
 */
export async function requestToken(
  endpoint: TokenEndpoint,
  authorization: string,
  form: string | null,
  businessId?: string,
): Promise<CachedToken> {
  // The credentials just sent (Basic base64 or Bearer token) must not come back in an error.
  const secrets = [...endpoint.secrets, authorization.split(" ")[1] as string];
  const [response, text] = await withTimeout(endpoint.timeoutMs, async (signal) => {
    const response = await endpoint.fetch(
      new Request(
        `${endpoint.baseUrl}/v1/platform/${businessId ? `${businessId}/` : ""}oauth2/token/`,
        {
          method: "POST",
          headers: { Authorization: authorization },
          // A form body: fetch sends it as application/x-www-form-urlencoded;charset=UTF-8.
          body: form && new URLSearchParams(form),
          signal,
          // A token from wherever a redirect points is not a Thredfi token.
          redirect: "manual",
        },
      ),
    );
    return [response, await response.text()] as const;
  });
  const { status } = response;
  // A 3xx, or the opaque response of status 0 (type "opaqueredirect") browsers answer
  // `redirect: "manual"` with; a custom fetch may follow the redirect anyway.
  if (response.redirected || (!response.ok && status < 400)) {
    throw new ThredfiAuthError(
      "unexpected_redirect",
      "token request redirected",
      status || undefined,
    );
  }
  const body: unknown = attempt(() => JSON.parse(text));
  if (!response.ok) throw errorFromBody(status, body, secrets);
  // At least 2 s, so a token handed out by `tokens` always has a whole second left.
  const token = readTokenGrant(body, endpoint.now(), endpoint.refreshMarginMs, 2);
  const named = (body as { business_id?: unknown } | null)?.business_id;
  if (!token || (businessId && named !== undefined && String(named).toLowerCase() !== businessId)) {
    throw new ThredfiAuthError("invalid_token_response", "unusable token response", status);
  }
  return token;
}

/** `Basic base64(utf8(user:password))`, without Node-only APIs. */
export function basicAuthorization(user: string, password: string): string {
  // Spread as arguments: fine for the few KiB an id and a key of at most 1024 characters make.
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
