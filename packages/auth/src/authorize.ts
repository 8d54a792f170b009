import type { ConnectionConfig } from "./config.js";
import { discardBody } from "./discard-body.js";
import { ThredfiAuthError } from "./errors.js";
import type { TokenStore } from "./token-cache.js";
import type { ThredfiFetch } from "./types.js";

/** Answers the 401 `refused` to an authorized request by sending it once more through `fetch`. */
export type Replay = (
  refused: Response,
  fetch: ThredfiFetch,
  init?: RequestInit,
) => Promise<Response>;

/**
 * Puts the Bearer token on a request within its scope and returns how to replay it after a 401;
 * returns nothing for a request to another origin, which goes out without credentials. Throws
 * `business_mismatch` for a URL on the origin that the token must not reach.
 */
export type Authorize = (request: Request) => Promise<Replay | undefined>;

/** Tokens keyed by lower-case business id, or by `undefined` for the partner token. */
export type ScopedTokens = TokenStore<string | undefined>;

/**
 * Creates the {@link Authorize} step of the SDK's clients and middleware. The partner token (no
 * `businessId`) may go anywhere on the configured origin. A business token may only go to
 * `{baseUrl}/v1/platform/businesses/{businessId}` and below, with the id spelled as given;
 * everything else on the origin throws, including `/v1/platform/{businessId}/oauth2/token/`:
 * minting tokens needs the partner token, which a business client never has.
 *
 * A request waiting for a token gives up as soon as its signal aborts. The replay discards the
 * 401, drops the rejected token, gets a fresh one and sends the request once more (body intact);
 * whatever that answers, a second 401 included, is final.
 *
 * Callers check `businessId` with `requireId` first: a missing or empty one here means the
 * partner's scope.
 */
export function createAuthorize(
  connection: ConnectionConfig,
  tokens: ScopedTokens,
  businessId?: string,
): Authorize {
  const key = businessId?.toLowerCase();
  const scope = `${connection.baseUrl}/v1/platform/businesses/${businessId}`;
  return async (request) => {
    const { url } = request;
    if (!url.startsWith(connection.originPrefix)) return;
    // End of URL, "/", "?" or "#" after the id: the id is a whole path segment.
    if (businessId && !(url.startsWith(scope) && "/?#".includes(url[scope.length] ?? "/"))) {
      throw new ThredfiAuthError(
        "business_mismatch",
        `URL outside /v1/platform/businesses/${businessId}`,
      );
    }
    const token = await tokens.get(key, request.signal);
    // Only a request with a body needs a copy for the replay; a bodyless one can be resent.
    const copy = request.body ? request.clone() : request;
    request.headers.set("Authorization", token.authorization);
    return async (refused, fetch, init) => {
      connection.log("debug", "401; replaying with a fresh token");
      // Drained alongside the replay: an unread body would strand its connection.
      void discardBody(refused);
      tokens.invalidate(key, token);
      const fresh = await tokens.get(key, copy.signal);
      copy.headers.set("Authorization", fresh.authorization);
      return fetch(copy, init);
    };
  };
}
