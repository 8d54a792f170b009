import { axiosInterceptorClient } from "./axios-client.js";
import {
  bareClient,
  type HotPathRequest,
  naiveTokenMiddlewareClient,
} from "./openapi-fetch-clients.js";
import { thredfiPartnerClient } from "./thredfi-clients.js";

/** The clients compared in requests/s, the baseline first. */
export const throughputClientNames = [
  "bare",
  "bare (second client, null comparison)",
  "thredfi.partner",
  "openapi-fetch + naive token middleware",
  "axios + token-refresh interceptor",
] as const;

/** Name of one client in the requests/s comparison. */
export type ThroughputClientName = (typeof throughputClientNames)[number];

/** Builds the named client against the server at `baseUrl`, over the global `fetch`. */
export function createThroughputClient(
  name: ThroughputClientName,
  baseUrl: string,
): HotPathRequest {
  switch (name) {
    case "bare":
    case "bare (second client, null comparison)":
      return bareClient({ baseUrl });
    case "thredfi.partner":
      return thredfiPartnerClient({ baseUrl });
    case "openapi-fetch + naive token middleware":
      return naiveTokenMiddlewareClient({ baseUrl });
    case "axios + token-refresh interceptor":
      return axiosInterceptorClient(baseUrl);
  }
}
