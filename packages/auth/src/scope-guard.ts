import { ThredfiAuthError } from "./errors.js";

/**
 * Decides per request URL whether a token may be attached: `true` to attach it, `false` for
 * another origin (sent without credentials). Throws `business_mismatch` for a URL the token
 * must not reach.
 */
export type RequestGuard = (url: string) => boolean;

/** The partner token may go anywhere on the configured origin. */
export function originGuard(originPrefix: string): RequestGuard {
  return (url) => url.startsWith(originPrefix);
}

/**
 * A business token may only go to `{baseUrl}/v1/platform/businesses/{businessId}` and below,
 * with the id spelled as given. Everything else on the origin throws, including
 * `/v1/platform/{businessId}/oauth2/token/`: minting tokens needs the partner token, which a
 * business client never has.
 */
export function businessGuard(
  baseUrl: string,
  originPrefix: string,
  businessId: string,
): RequestGuard {
  const scope = `${baseUrl}/v1/platform/businesses/${businessId}`;
  return (url) => {
    if (!url.startsWith(originPrefix)) return false;
    // End of URL, "/", "?" or "#" after the id: the id is a whole path segment.
    if (url.startsWith(scope) && "/?#".includes(url[scope.length] ?? "/")) return true;
    throw new ThredfiAuthError(
      "business_mismatch",
      `URL outside /v1/platform/businesses/${businessId}`,
    );
  };
}
