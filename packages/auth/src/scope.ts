import type { ConnectionConfig } from "./config.js";
import { ThredfiAuthError } from "./errors.js";

/**
 * Whether a request to `url` gets the token of `businessId` (the partner token without one):
 * `true` on the configured origin, `false` on any other origin (sent without credentials).
 * A business token may only go to `{baseUrl}/v1/platform/businesses/{businessId}` and below,
 * with the id spelled as given; any other URL on the origin throws `business_mismatch`,
 * including `/v1/platform/{businessId}/oauth2/token/`: minting needs the partner token.
 */
export function carriesToken(
  connection: ConnectionConfig,
  businessId: string | undefined,
  url: string,
): boolean {
  if (!url.startsWith(connection.originPrefix)) return false;
  if (businessId === undefined) return true;
  const scope = `${connection.baseUrl}/v1/platform/businesses/${businessId}`;
  // End of URL, "/", "?" or "#" after the id: the id is a whole path segment.
  if (url.startsWith(scope) && "/?#".includes(url[scope.length] ?? "/")) return true;
  throw new ThredfiAuthError(
    "business_mismatch",
    `URL outside /v1/platform/businesses/${businessId}`,
  );
}
