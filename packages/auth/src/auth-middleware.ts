import type { Middleware } from "openapi-fetch";
import { createAuthorize, type Replay } from "./authorize.js";
import type { ConnectionConfig } from "./config.js";
import type { ScopedTokens } from "./partner-tokens.js";

/**
 * openapi-fetch middleware with the behaviour of the SDK's own clients: every request goes
 * through {@link createAuthorize}, and a 401 to an authorized request gets its one replay
 * through the client's `fetch`.
 */
export function createAuthMiddleware(
  connection: ConnectionConfig,
  tokens: ScopedTokens,
  businessId?: string,
): Middleware {
  const authorize = createAuthorize(connection, tokens, businessId);
  const replays = new WeakMap<Request, Replay>();
  return {
    async onRequest({ request }) {
      const replay = await authorize(request);
      if (replay) replays.set(request, replay);
    },
    onResponse({ request, response, options }) {
      if (response.status === 401) return replays.get(request)?.(response, options.fetch);
    },
  };
}
