import type { paths } from "@thredfi/types";
import openapiFetch from "openapi-fetch";
import { createAuthFetch } from "./auth-fetch.js";
import type { Log } from "./config.js";
import type { RequestGuard } from "./scope-guard.js";
import type { TokenStore } from "./token-cache.js";
import type { ThredfiApiClient, ThredfiFetch } from "./types.js";

// openapi-fetch 0.17 exports createClient only as `default`. A CJS build of this import gets
// the whole `module.exports` (whose `default` is the function); an ESM build gets the function.
const createClient: typeof openapiFetch =
  (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

/** An openapi-fetch client whose requests carry the token cached for `key` where `guard` allows. */
export function createApiClient<K>(
  baseUrl: string,
  fetch: ThredfiFetch,
  guard: RequestGuard,
  tokens: TokenStore<K>,
  key: K,
  log: Log,
): ThredfiApiClient {
  return createClient<paths>({ baseUrl, fetch: createAuthFetch(fetch, guard, tokens, key, log) });
}
