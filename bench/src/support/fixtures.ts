/** Credentials and payloads shared by every benchmark; none of them is a real secret. */

/** Partner id in the 8-4-4-4-12 form the SDK validates (the docs' own example). */
export const partnerId = "a1b2c3d4-5678-90ab-cdef-1234567890ab";

/** API key of the benchmark partner. */
export const apiKey = "bench-api-key-not-a-secret";

/** Static bearer the baseline clients send. */
export const staticToken = "bench-static-token";

/** Lifetime of every token the benchmark servers mint, in seconds. */
export const tokenLifetimeSeconds = 3600;

/** The partner-level path every hot-path request goes to. */
export const listBusinessesPath = "/v1/platform/businesses/";

/** Body of a successful `GET /v1/platform/businesses/`. */
export const businessListBody = JSON.stringify({
  count: 0,
  next: null,
  previous: null,
  results: [],
});

/** The n-th synthetic business id, a valid 8-4-4-4-12 hex id. */
export function businessId(n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `b0000000-0000-4000-8000-${hex}`;
}

/** Body of a successful partner-token response. */
export function partnerTokenBody(serial: number): string {
  return JSON.stringify({
    access_token: `partner-token-${serial}`,
    token_type: "Bearer",
    expires_in: tokenLifetimeSeconds,
  });
}

/** Body of a successful business-token response for `id`. */
export function businessTokenBody(id: string, serial: number): string {
  return JSON.stringify({
    access_token: `business-token-${serial}`,
    token_type: "Bearer",
    expires_in: tokenLifetimeSeconds,
    scope: "business_access",
    business_id: id,
  });
}
