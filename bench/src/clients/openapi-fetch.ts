import type { paths } from "@thredfi/types";
import createClient from "openapi-fetch";
import { staticToken } from "../support/fixtures.js";
import { createHandRolledTokenGetter } from "./hand-rolled-token.js";
import { type ClientTarget, type HotPathRequest, listBusinesses } from "./hot-path.js";
import { requestPartnerTokenWithFetch } from "./partner-token-request.js";

/** A bare openapi-fetch client with a static `Authorization` header: the baseline. */
export function bareClient(target: ClientTarget): HotPathRequest {
  return listBusinesses(
    createClient<paths>({
      ...target,
      headers: { Authorization: `Bearer ${staticToken}` },
    }),
  );
}

/** A bare openapi-fetch client sending no `Authorization` at all: the floor of any auth scheme. */
export function headerlessClient(target: ClientTarget): HotPathRequest {
  return listBusinesses(createClient<paths>(target));
}

/** The thinnest dynamic header: a `fetch` wrapper that sets `Authorization` on each request. */
export function fetchWrapperClient(target: ClientTarget): HotPathRequest {
  const innerFetch = target.fetch ?? globalThis.fetch;
  const authorization = `Bearer ${staticToken}`;
  const fetch = (input: Request, init?: RequestInit): Promise<Response> => {
    input.headers.set("Authorization", authorization);
    return innerFetch(input, init);
  };
  return listBusinesses(createClient<paths>({ baseUrl: target.baseUrl, fetch }));
}

/** A plain async middleware that sets a header already held in memory. */
export function asyncMiddlewareClient(target: ClientTarget): HotPathRequest {
  const client = createClient<paths>(target);
  const authorization = `Bearer ${staticToken}`;
  client.use({
    async onRequest({ request }) {
      request.headers.set("Authorization", authorization);
      return request;
    },
  });
  return listBusinesses(client);
}

/** A naive middleware that awaits a hand-rolled token getter on every request. */
export function naiveTokenMiddlewareClient(target: ClientTarget): HotPathRequest {
  const client = createClient<paths>(target);
  const tokens = createHandRolledTokenGetter(() =>
    requestPartnerTokenWithFetch(target.baseUrl, target.fetch ?? globalThis.fetch),
  );
  client.use({
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await tokens.getToken()}`);
      return request;
    },
  });
  return listBusinesses(client);
}
