import type { ClientTarget, HotPathRequest } from "./hot-path.js";
import { createBenchThredfiClient } from "./thredfi.js";

/** Name of the resource-style hot-path request in the comparisons. */
export const resourceClientName = "thredfi.businesses.list() (resource method, first page)";

/**
 * The measured client's resource method for the hot-path request: `thredfi.businesses.list()`
 * awaited as its first page, which knows its method and path before the call.
 */
export function resourceClient(target: ClientTarget): HotPathRequest {
  const thredfi = createBenchThredfiClient(target);
  // A non-2xx answer rejects with its ThredfiApiError: it fails as loudly as the others.
  return async () => {
    await thredfi.businesses.list();
  };
}
