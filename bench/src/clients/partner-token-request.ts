import { apiKey, partnerId } from "../support/fixtures.js";

/** Token response fields the hand-rolled baselines read. */
export interface PartnerTokenBody {
  access_token: string;
  expires_in: number;
}

/** Basic credentials of the benchmark partner, as a header value. */
export const partnerBasicAuthorization = `Basic ${btoa(`${partnerId}:${apiKey}`)}`;

/** Form body of a partner-token request. */
export const partnerTokenForm = `grant_type=client_credentials&client_id=${partnerId}`;

/** Requests a partner token with `fetch`, the way a hand-rolled integration does. */
export async function requestPartnerTokenWithFetch(
  baseUrl: string,
  fetch: typeof globalThis.fetch,
): Promise<PartnerTokenBody> {
  const response = await fetch(`${baseUrl}/v1/platform/oauth2/token/`, {
    method: "POST",
    headers: {
      Authorization: partnerBasicAuthorization,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: partnerTokenForm,
  });
  if (!response.ok) throw new Error(`partner token request failed with ${response.status}`);
  return (await response.json()) as PartnerTokenBody;
}
