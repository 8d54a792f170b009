import { describe, expect, it } from "vitest";
import { createAuthClient, createBusinessAuthClient } from "../src/index.js";
import { API_KEY, BUSINESS_ID, PARTNER_ID } from "./support/fixtures.js";

// A fetch that records where the SDK would go and answers at once, without any network.
function recordingFetch() {
  const urls: string[] = [];
  const fetch = async (request: Request) => {
    urls.push(request.url);
    return Response.json({ access_token: "t", expires_in: 3600 });
  };
  return { urls, fetch };
}

describe("environments", () => {
  it.each([
    [undefined, "https://api.thredfi.com/v1/platform/oauth2/token/"],
    ["production", "https://api.thredfi.com/v1/platform/oauth2/token/"],
    ["sandbox", "https://sandbox.thredfi.com/v1/platform/oauth2/token/"],
  ] as const)("%s sends token requests to %s", async (environment, url) => {
    const { urls, fetch } = recordingFetch();
    const thredfi = createAuthClient({
      partnerId: PARTNER_ID,
      apiKey: API_KEY,
      fetch,
      ...(environment ? { environment } : {}),
    });
    await thredfi.tokens.partner();
    expect(urls).toEqual([url]);
  });

  it("lets baseUrl override the environment and keeps its path", async () => {
    const { urls, fetch } = recordingFetch();
    const thredfi = createAuthClient({
      partnerId: PARTNER_ID,
      apiKey: API_KEY,
      environment: "sandbox",
      baseUrl: "https://proxy.example.com/thredfi/",
      fetch,
    });
    await thredfi.partner.GET("/v1/platform/businesses/");
    expect(urls).toEqual([
      "https://proxy.example.com/thredfi/v1/platform/oauth2/token/",
      "https://proxy.example.com/thredfi/v1/platform/businesses/",
    ]);
  });

  it("uses the custom fetch for the business client's API requests", async () => {
    const { urls, fetch } = recordingFetch();
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      getToken: () => ({ access_token: "t", expires_in: 60 }),
      environment: "sandbox",
      fetch,
    });
    await biz.GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
    });
    expect(urls).toEqual([`https://sandbox.thredfi.com/v1/platform/businesses/${BUSINESS_ID}/`]);
  });
});
