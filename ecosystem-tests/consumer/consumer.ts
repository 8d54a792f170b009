// A partner's backend as a user writes it; type-checked against the installed tarballs, not run.
import {
  createThredfiClient,
  type PartnerToken,
  paginate,
  ThredfiAuthError,
  unwrap,
} from "@thredfi/client";
import { type MockServer, startMock } from "@thredfi/mock";
import type { Business, OAuth2TokenResponse } from "@thredfi/types";

/** Lists the businesses of a partner through a started mock. */
export async function listBusinesses(): Promise<Business[] | undefined> {
  const mock: MockServer = await startMock({ port: 0 });
  try {
    const thredfi = createThredfiClient({
      partnerId: "a1b2c3d4-5678-90ab-cdef-1234567890ab",
      apiKey: "pack-test-api-key",
      baseUrl: mock.url,
    });
    const token: PartnerToken = await thredfi.tokens.partner();
    const expiresAt: number = token.expires_at;
    const accessToken: OAuth2TokenResponse["access_token"] = token.access_token;
    // @ts-expect-error `expires_in` is a number of seconds
    const wrongExpiry: string = token.expires_in;
    // @ts-expect-error not a path of the Thredfi API
    await thredfi.partner.GET("/v1/platform/not-a-path/");
    const { data } = await thredfi.partner.GET("/v1/platform/businesses/");
    const firstPage = await unwrap(thredfi.partner.GET("/v1/platform/businesses/"));
    const count: number = firstPage.count;
    for await (const business of paginate(thredfi.partner, "/v1/platform/businesses/")) {
      const legalName: string = business.legal_name;
      void legalName;
    }
    void count;
    void [expiresAt, accessToken, wrongExpiry];
    return data?.results;
  } catch (error) {
    if (error instanceof ThredfiAuthError) {
      const status: number | undefined = error.status;
      throw new Error(`token request failed: ${error.code} (${String(status)})`);
    }
    throw error;
  } finally {
    await mock.close();
  }
}
