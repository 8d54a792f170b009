import { useTestServer } from "@thredfi/test-support";
import type { paths } from "@thredfi/types";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { BUSINESS_ID, clientFor, OTHER_BUSINESS_ID, rejectionOf } from "./support/fixtures.js";

const server = useTestServer();
const elsewhere = useTestServer();

const LIST = "/v1/platform/businesses/";
const ONE = "/v1/platform/businesses/{business_id}/";
const ownPath = `/v1/platform/businesses/${BUSINESS_ID}/`;

describe("origin guard", () => {
  it("sends no Authorization to a per-request baseUrl on another origin", async () => {
    const thredfi = clientFor(server);
    const { response } = await thredfi.partner.GET(LIST, { baseUrl: elsewhere.url });
    expect(response.status).toBe(200);
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });

  it("takes a warm token back off a request to another origin", async () => {
    const thredfi = clientFor(server);
    await thredfi.partner.GET(LIST);
    await thredfi.partner.GET(LIST, { baseUrl: elsewhere.url });
    expect(server.requests.find((r) => r.path === LIST)?.headers.authorization).toMatch(/^Bearer /);
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("sends no token when a per-request fetch bypasses the SDK", async () => {
    const thredfi = clientFor(server);
    await thredfi.partner.GET(LIST);
    await thredfi.partner.GET(LIST, { baseUrl: elsewhere.url, fetch: (request) => fetch(request) });
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("leaves a caller's own Authorization header for another origin alone", async () => {
    const thredfi = clientFor(server);
    await thredfi.partner.GET(LIST);
    await thredfi.partner.GET(LIST, {
      baseUrl: elsewhere.url,
      headers: { Authorization: "Basic b3RoZXI6c2VydmljZQ==" },
    });
    expect(elsewhere.requests[0]?.headers.authorization).toBe("Basic b3RoZXI6c2VydmljZQ==");
  });

  it("treats another port of the same host as another origin", async () => {
    const thredfi = clientFor(server);
    await thredfi.business(BUSINESS_ID).GET(ONE, {
      baseUrl: elsewhere.url,
      params: { path: { business_id: BUSINESS_ID } },
    });
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });

  it("authorises a per-request baseUrl on the configured origin", async () => {
    const thredfi = clientFor(server);
    await thredfi.partner.GET(LIST, { baseUrl: `${server.url}/` });
    const apiCall = server.requests.find((r) => r.path === LIST);
    expect(apiCall?.headers.authorization).toMatch(/^Bearer /);
  });

  it("keeps the partner middleware's token off other origins", async () => {
    const thredfi = clientFor(server);
    const own = createClient<paths>({ baseUrl: elsewhere.url });
    own.use(thredfi.middleware.partner);
    await own.GET(LIST);
    expect(elsewhere.requests).toHaveLength(1);
    expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });
});

describe("business scope guard", () => {
  it("sends the business token to its own business's paths", async () => {
    const thredfi = clientFor(server);
    const { response } = await thredfi.business(BUSINESS_ID).GET(ONE, {
      params: { path: { business_id: BUSINESS_ID } },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ["another business's path", `/v1/platform/businesses/${OTHER_BUSINESS_ID}/`],
    ["a partner-level path", LIST],
    ["the business-token endpoint", `/v1/platform/${BUSINESS_ID}/oauth2/token/`],
    ["the partner-token endpoint", "/v1/platform/oauth2/token/"],
    ["an id that only starts with its id", `/v1/platform/businesses/${BUSINESS_ID}0/`],
    [
      "a dot segment escaping its id",
      `/v1/platform/businesses/${BUSINESS_ID}/../${OTHER_BUSINESS_ID}/`,
    ],
  ])("throws business_mismatch before sending for %s", async (_, path) => {
    const thredfi = clientFor(server);
    const client = thredfi.business(BUSINESS_ID);
    const error = await rejectionOf(client.GET(path as typeof LIST));
    expect(error).toMatchObject({ code: "business_mismatch" });
    expect((error as Error).message).toContain(BUSINESS_ID);
    expect(server.requests).toHaveLength(0);
  });

  it("accepts its path without a trailing slash and with a query", async () => {
    const thredfi = clientFor(server);
    const client = thredfi.business(BUSINESS_ID);
    for (const path of [
      `/v1/platform/businesses/${BUSINESS_ID}`,
      `/v1/platform/businesses/${BUSINESS_ID}?expand=all`,
      `/v1/platform/businesses/${BUSINESS_ID}/invoices/`,
    ]) {
      const { response } = await client.GET(path as typeof LIST);
      expect(response.status).toBe(200);
    }
    const apiCalls = server.requests.filter((r) => r.method === "GET");
    expect(apiCalls).toHaveLength(3);
    expect(apiCalls.every((r) => r.headers.authorization?.startsWith("Bearer business-"))).toBe(
      true,
    );
  });

  it("matches the id as spelled when the client was made, and shares the token across spellings", async () => {
    const thredfi = clientFor(server);
    const upper = BUSINESS_ID.toUpperCase();
    const { response } = await thredfi.business(upper).GET(ONE, {
      params: { path: { business_id: upper } },
    });
    expect(response.status).toBe(200);
    await thredfi
      .business(BUSINESS_ID)
      .GET(ONE, { params: { path: { business_id: BUSINESS_ID } } });
    expect(server.count("POST", `/v1/platform/${BUSINESS_ID}/oauth2/token/`)).toBe(1);
    const error = await rejectionOf(
      thredfi.business(BUSINESS_ID).GET(ONE, { params: { path: { business_id: upper } } }),
    );
    expect(error).toMatchObject({ code: "business_mismatch" });
  });

  it("never sends the partner token from a business client", async () => {
    const thredfi = clientFor(server);
    await thredfi
      .business(BUSINESS_ID)
      .GET(ONE, { params: { path: { business_id: BUSINESS_ID } } });
    const apiCall = server.requests.find((r) => r.path === ownPath);
    const [partnerToken, businessToken] = server.issuedTokens;
    expect(partnerToken).toMatch(/^partner-token-/);
    expect(apiCall?.headers.authorization).toBe(`Bearer ${businessToken}`);
  });

  it("lets the partner client call business paths with the partner token", async () => {
    const thredfi = clientFor(server);
    await thredfi.partner.GET(ONE, { params: { path: { business_id: BUSINESS_ID } } });
    const apiCall = server.requests.find((r) => r.path === ownPath);
    expect(apiCall?.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
  });

  it("applies to the business middleware on a user's own client", async () => {
    const thredfi = clientFor(server);
    const own = createClient<paths>({ baseUrl: server.url });
    own.use(thredfi.middleware.business(BUSINESS_ID));
    await own.GET(ONE, { params: { path: { business_id: BUSINESS_ID } } });
    const apiCall = server.requests.find((r) => r.path === ownPath);
    expect(apiCall?.headers.authorization).toMatch(/^Bearer business-/);
    const error = await rejectionOf(own.GET(LIST));
    expect(error).toMatchObject({ code: "business_mismatch" });
    expect(server.count("GET", LIST)).toBe(0);
  });
});
