// A frontend as a user writes it, with the DOM library and no Node types; type-checked, not run.
import { createBusinessClient } from "@thredfi/client";
import type { Business } from "@thredfi/types";

const businessId = "a1b2c3d4-5678-90ab-cdef-1234567890ab";

/** Reads one business with a token minted by the partner's backend. */
export async function loadBusiness(): Promise<Business | undefined> {
  const client = createBusinessClient({
    businessId,
    getToken: async () => {
      const response = await fetch(`/api/thredfi-token/${businessId}`);
      return (await response.json()) as { access_token: string; expires_in: number };
    },
  });
  const { data } = await client.GET("/v1/platform/businesses/{business_id}/", {
    params: { path: { business_id: businessId } },
  });
  // @ts-expect-error the path parameter is required
  await client.GET("/v1/platform/businesses/{business_id}/");
  return data;
}
