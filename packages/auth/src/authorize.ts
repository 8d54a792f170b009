import type { ConnectionConfig } from "./config.js";
import { discardBody } from "./discard-body.js";
import type { ScopedTokens } from "./partner-tokens.js";
import { carriesToken } from "./scope.js";
import type { ThredfiFetch } from "./types.js";

/** Answers the 401 `refused` to an authorized request by sending it once more through `fetch`. */
export type Replay = (refused: Response, fetch: ThredfiFetch) => Promise<Response>;

/**
 * Puts the Bearer token on a request within its scope ({@link carriesToken}) and returns how to
 * replay it after a 401; returns nothing for a request to another origin, which goes out without
 * credentials. A request waiting for a token gives up as soon as its signal aborts. The replay
 * discards the 401, drops the refused token, gets a fresh one and sends the request once more
 * (body intact); whatever that answers, a second 401 included, is final.
 */
export function createAuthorize(
  connection: ConnectionConfig,
  tokens: ScopedTokens,
  businessId?: string,
): (request: Request) => Promise<Replay | undefined> {
  const key = businessId?.toLowerCase();
  return async (request) => {
    if (!carriesToken(connection, businessId, request.url)) return;
    const token = await tokens.get(key, request.signal);
    // Only a request with a body needs a copy for the replay; a bodyless one can be resent.
    const copy = request.body ? request.clone() : request;
    request.headers.set("Authorization", token.authorization);
    return async (refused, fetch) => {
      connection.log("debug", "401; replaying with a fresh token");
      // Drained alongside the replay: an unread body would strand its connection.
      void discardBody(refused);
      tokens.refused(key, token);
      const fresh = await tokens.get(key, copy.signal);
      copy.headers.set("Authorization", fresh.authorization);
      return fetch(copy);
    };
  };
}
