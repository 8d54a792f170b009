import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import { ThredfiAuthError } from "../src/index.js";
import {
  BUSINESS_ID,
  businessId,
  clientFor,
  fetchWithLimit,
  rejectionOf,
} from "./support/fixtures.js";

const server = useTestServer();

const businessTokenPath = (id: string) => `/v1/platform/${id}/oauth2/token/`;
const apiPath = (id: string) => `/v1/platform/businesses/${id}/`;

describe("single flight", () => {
  it("1,000 concurrent first calls make exactly 1 partner-token request", async () => {
    const thredfi = clientFor(server, { fetch: fetchWithLimit(32) });
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => thredfi.partner.GET("/v1/platform/businesses/")),
    );
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    expect(server.count("GET", "/v1/platform/businesses/")).toBe(1000);
    const bearer = `Bearer ${server.issuedTokens[0]}`;
    const apiCalls = server.requests.filter((r) => r.method === "GET");
    expect(apiCalls.every((r) => r.headers.authorization === bearer)).toBe(true);
  });

  it("100 businesses × 10 concurrent calls make 100 business-token requests and 1 partner-token request", async () => {
    const thredfi = clientFor(server, { fetch: fetchWithLimit(32) });
    const ids = Array.from({ length: 100 }, (_, n) => businessId(n));
    const calls = ids.flatMap((id) =>
      Array.from({ length: 10 }, () =>
        thredfi.business(id).GET("/v1/platform/businesses/{business_id}/", {
          params: { path: { business_id: id } },
        }),
      ),
    );
    const results = await Promise.all(calls);
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    for (const id of ids) {
      expect(server.count("POST", businessTokenPath(id))).toBe(1);
      expect(server.count("GET", apiPath(id))).toBe(10);
    }
  });

  it("a failed token request rejects every waiter with the same error and caches nothing", async () => {
    const thredfi = clientFor(server);
    server.queue("POST", PARTNER_TOKEN_PATH, {
      status: 500,
      json: { error: "server_error", error_description: "try again" },
      delayMs: 20,
    });
    const waiters = Array.from({ length: 20 }, () => rejectionOf(thredfi.tokens.partner()));
    const errors = await Promise.all(waiters);
    expect(errors[0]).toBeInstanceOf(ThredfiAuthError);
    expect(errors[0]).toMatchObject({ code: "server_error", status: 500 });
    expect(errors.every((e) => e === errors[0])).toBe(true);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);

    const token = await thredfi.tokens.partner();
    expect(token.access_token).toBe(server.issuedTokens[0]);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("a failed business-token request is not cached either", async () => {
    const thredfi = clientFor(server);
    server.queue("POST", businessTokenPath(BUSINESS_ID), { status: 503, text: "unavailable" });
    const error = await rejectionOf(thredfi.tokens.business(BUSINESS_ID));
    expect(error).toMatchObject({ code: "http_error", status: 503 });
    await thredfi.tokens.business(BUSINESS_ID);
    expect(server.count("POST", businessTokenPath(BUSINESS_ID))).toBe(2);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
  });
});

describe("clear()", () => {
  it("drops cached tokens so the next call fetches new ones", async () => {
    const thredfi = clientFor(server);
    const before = await thredfi.tokens.business(BUSINESS_ID);
    thredfi.tokens.clear();
    const after = await thredfi.tokens.business(BUSINESS_ID);
    expect(after.access_token).not.toBe(before.access_token);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("keeps a token request started before clear() out of the cache", async () => {
    const thredfi = clientFor(server);
    server.queue("POST", PARTNER_TOKEN_PATH, {
      delayMs: 50,
      json: { access_token: "from-before-clear", expires_in: 3600 },
    });
    const early = thredfi.tokens.partner();
    await new Promise((resolve) => setTimeout(resolve, 10));
    thredfi.tokens.clear();
    const late = thredfi.tokens.partner();
    expect((await early).access_token).toBe("from-before-clear");
    const lateToken = (await late).access_token;
    expect(lateToken).not.toBe("from-before-clear");
    expect((await thredfi.tokens.partner()).access_token).toBe(lateToken);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("keeps a business-token request started before clear() out of the cache", async () => {
    const thredfi = clientFor(server);
    await thredfi.tokens.partner();
    server.queue("POST", businessTokenPath(BUSINESS_ID), {
      delayMs: 50,
      json: { access_token: "business-before-clear", expires_in: 3600, business_id: BUSINESS_ID },
    });
    const early = thredfi.tokens.business(BUSINESS_ID);
    await new Promise((resolve) => setTimeout(resolve, 10));
    thredfi.tokens.clear();
    expect((await early).access_token).toBe("business-before-clear");
    const late = (await thredfi.tokens.business(BUSINESS_ID)).access_token;
    expect(late).not.toBe("business-before-clear");
    expect((await thredfi.tokens.business(BUSINESS_ID)).access_token).toBe(late);
    expect(server.count("POST", businessTokenPath(BUSINESS_ID))).toBe(2);
  });
});
