import type { paths } from "@thredfi/types";
import openapiFetch from "openapi-fetch";
import { createAuthorize } from "./authorize.js";
import type { ConnectionConfig } from "./config.js";
import type { ScopedTokens } from "./partner-tokens.js";
import type { ThredfiApiClient } from "./types.js";

// openapi-fetch 0.17 exports createClient only as `default`. A CJS build of this import gets
// the whole `module.exports` (whose `default` is the function); an ESM build gets the function.
const createClient: typeof openapiFetch =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

/**
 * An openapi-fetch client sending the partner token (no `businessId`) or the token of
 * `businessId` through {@link createAuthorize}, and answering a 401 to an authorized request
 * with its one replay. The header is set in the client's `fetch`, not baked into its default
 * headers, so a request that bypasses that `fetch` carries no token at all.
 */
export function createApiClient(
  connection: ConnectionConfig,
  tokens: ScopedTokens,
  businessId?: string,
): ThredfiApiClient {
  const { fetch } = connection;
  const authorize = createAuthorize(connection, tokens, businessId);
  return createClient<paths>({
    baseUrl: connection.baseUrl,
    async fetch(request: Request) {
      const replay = await authorize(request);
      const response = await fetch(request);
      return replay && response.status === 401 ? replay(response, fetch) : response;
    },
  });
}
