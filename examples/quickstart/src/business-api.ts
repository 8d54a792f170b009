import type { createThredfiClient } from "./thredfi-client.js";

/** The client of one business: `thredfi.business(businessId)`, sending that business's token. */
export type BusinessApi = ReturnType<ReturnType<typeof createThredfiClient>["business"]>;

/** An error naming what failed and what Thredfi answered (the body, never a token). */
export function apiError(what: string, response: Response, body: unknown): Error {
  return new Error(`Thredfi answered ${response.status} when ${what}: ${JSON.stringify(body)}`);
}
