import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import { API_KEY, BUSINESS_ID, clientFor, PARTNER_ID, rejectionOf } from "./support/fixtures.js";

const server = useTestServer();

const BUSINESS_TOKEN_PATH = `/v1/platform/${BUSINESS_ID}/oauth2/token/`;

describe("partner token request", () => {
  it("posts Basic partnerId:apiKey (UTF-8) with the client_credentials form body", async () => {
    await clientFor(server).tokens.partner();
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(PARTNER_TOKEN_PATH);
    const expected = Buffer.from(`${PARTNER_ID}:${API_KEY}`, "utf8").toString("base64");
    expect(request?.headers.authorization).toBe(`Basic ${expected}`);
    expect(request?.headers["content-type"]?.split(";")[0]).toBe(
      "application/x-www-form-urlencoded",
    );
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: "client_credentials",
      client_id: PARTNER_ID,
    });
  });

  it("encodes the longest API key allowed, 1024 characters, in UTF-8", async () => {
    const apiKey = `é${"🔑".repeat(511)}x`;
    expect(apiKey).toHaveLength(1024);
    await clientFor(server, { apiKey }).tokens.partner();
    const expected = Buffer.from(`${PARTNER_ID}:${apiKey}`, "utf8").toString("base64");
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${expected}`);
  });

  it("hands out access_token, token_type, expires_in in whole seconds and expires_at in ms", async () => {
    let clock = 1_700_000_000_000;
    const thredfi = clientFor(server, { now: () => clock });
    const first = await thredfi.tokens.partner();
    expect(first).toEqual({
      access_token: server.issuedTokens[0],
      token_type: "Bearer",
      expires_in: 3600,
      expires_at: 1_700_000_000_000 + 3_600_000,
    });
    clock += 1_500;
    const later = await thredfi.tokens.partner();
    expect(later.expires_in).toBe(3598);
    expect(later.expires_at).toBe(first.expires_at);
  });
});

describe("business token request", () => {
  it("posts to /v1/platform/{id}/oauth2/token/ with the partner Bearer and no body", async () => {
    const thredfi = clientFor(server);
    await thredfi.tokens.business(BUSINESS_ID);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    const request = server.requests.find((r) => r.path === BUSINESS_TOKEN_PATH);
    expect(request?.method).toBe("POST");
    expect(request?.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(request?.body).toBe("");
    expect(request?.headers["content-type"]).toBeUndefined();
  });

  it("hands out scope and business_id along with the token fields", async () => {
    const token = await clientFor(server).tokens.business(BUSINESS_ID);
    expect(token).toMatchObject({
      access_token: server.issuedTokens[1],
      token_type: "Bearer",
      scope: "business_access",
      business_id: BUSINESS_ID,
    });
    // Whole seconds left at the moment of the call: 3599 once a millisecond has passed.
    expect(token.expires_in).toBeGreaterThanOrEqual(3599);
    expect(token.expires_in).toBeLessThanOrEqual(3600);
  });

  it("accepts an upper-case business id and asks for it in lower case", async () => {
    const token = await clientFor(server).tokens.business(BUSINESS_ID.toUpperCase());
    expect(token.business_id).toBe(BUSINESS_ID);
    expect(server.count("POST", BUSINESS_TOKEN_PATH)).toBe(1);
  });

  it("accepts a response without business_id (older API versions)", async () => {
    server.queue("POST", BUSINESS_TOKEN_PATH, {
      json: { access_token: "old-style", expires_in: 60 },
    });
    const token = await clientFor(server).tokens.business(BUSINESS_ID);
    expect(token).toMatchObject({ access_token: "old-style", business_id: BUSINESS_ID });
    expect(token.scope).toBeUndefined();
  });

  it("rejects a token whose business_id is another business", async () => {
    server.queue("POST", BUSINESS_TOKEN_PATH, {
      json: {
        access_token: "x",
        expires_in: 60,
        business_id: "99999999-2222-3333-4444-555555555555",
      },
    });
    const error = await rejectionOf(clientFor(server).tokens.business(BUSINESS_ID));
    expect(error).toMatchObject({ code: "invalid_token_response" });
  });
});

describe("API requests", () => {
  it("carry the partner Bearer on the partner client", async () => {
    const thredfi = clientFor(server);
    const { data } = await thredfi.partner.GET("/v1/platform/businesses/");
    expect(data).toEqual({ ok: true });
    const apiCall = server.requests.find((r) => r.path === "/v1/platform/businesses/");
    expect(apiCall?.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
  });

  it("carry the business Bearer on a business client", async () => {
    const thredfi = clientFor(server);
    await thredfi.business(BUSINESS_ID).GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
    });
    const apiCall = server.requests.find(
      (r) => r.path === `/v1/platform/businesses/${BUSINESS_ID}/`,
    );
    expect(apiCall?.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
  });
});
