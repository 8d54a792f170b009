import { listBusinessesPath } from "../support/fixtures.js";

/** Where a compared client sends its requests. `fetch` is the global one when left out. */
export interface ClientTarget {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
}

/** One way of making the hot-path request: `GET /v1/platform/businesses/`. */
export type HotPathRequest = () => Promise<void>;

/** What every compared client offers: openapi-fetch's `GET` of the list-businesses path. */
export interface ListingClient {
  GET(path: typeof listBusinessesPath): Promise<{ response: Response }>;
}

/** Wraps a typed client as a hot-path request that fails loudly on any non-2xx answer. */
export function listBusinesses(client: ListingClient): HotPathRequest {
  return async () => {
    const { response } = await client.GET(listBusinessesPath);
    if (!response.ok) throw new Error(`hot-path request failed with ${response.status}`);
  };
}
