import { PARTNER_TOKEN_PATH, startTestServer, useTestServer } from "@thredfi/test-support";
import type { paths } from "@thredfi/types";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { BUSINESS_ID, businessId, clientFor, recordingLogger } from "./support/fixtures.js";

const server = useTestServer();

const LIST = "/v1/platform/businesses/";
const BUSINESS_TOKEN_PATH = `/v1/platform/${BUSINESS_ID}/oauth2/token/`;
const UNAUTHORIZED = {
  status: 401,
  json: { error: "Invalid token", error_code: "invalid_token", details: {} },
};
const newBusiness = {
  external_id: "ext-1",
  legal_name: "Acme Ltd",
  entity_type: "company",
  email: "owner@acme.test",
};

describe("401 from an API call", () => {
  it("drops the token, gets a fresh one and replays a JSON body intact", async () => {
    const logger = recordingLogger();
    const thredfi = clientFor(server, { logger });
    await thredfi.tokens.partner();
    server.queue("POST", LIST, UNAUTHORIZED);
    const { data, response } = await thredfi.partner.POST(LIST, { body: newBusiness });
    expect(response.status).toBe(200);
    expect(data).toEqual({ ok: true });
    const [first, replay] = server.requests.filter((r) => r.path === LIST);
    expect(first?.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(replay?.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
    expect(JSON.parse(replay?.body ?? "")).toEqual(newBusiness);
    expect(replay?.headers["content-type"]).toBe("application/json");
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
    expect(logger.lines.some((line) => line.includes("replaying"))).toBe(true);
  });

  it("replays a form body intact", async () => {
    const thredfi = clientFor(server);
    await thredfi.tokens.partner();
    server.queue("POST", LIST, UNAUTHORIZED);
    const form = { external_id: "ext 2&=", legal_name: "Ünïcode GmbH" };
    await thredfi.partner.POST(LIST, {
      // biome-ignore lint/suspicious/noExplicitAny: the spec only declares a JSON body here
      body: form as any,
      bodySerializer: (body) => new URLSearchParams(body as unknown as Record<string, string>),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const [first, replay] = server.requests.filter((r) => r.path === LIST);
    expect(first?.body).toBe(replay?.body);
    expect(Object.fromEntries(new URLSearchParams(replay?.body))).toEqual(form);
    expect(replay?.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(replay?.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
  });

  it("returns a second 401 to the caller as is, without a third attempt", async () => {
    const thredfi = clientFor(server);
    server.always("GET", LIST, UNAUTHORIZED);
    const { error, response } = await thredfi.partner.GET(LIST);
    expect(response.status).toBe(401);
    expect(error).toEqual(UNAUTHORIZED.json);
    expect(server.count("GET", LIST)).toBe(2);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("shares one token refresh among concurrent requests rejected with the same token", async () => {
    const thredfi = clientFor(server);
    const stale = `Bearer ${(await thredfi.tokens.partner()).access_token}`;
    server.always("GET", LIST, (r) => (r.headers.authorization === stale ? UNAUTHORIZED : {}));
    const results = await Promise.all(Array.from({ length: 10 }, () => thredfi.partner.GET(LIST)));
    expect(results.every((r) => r.response.status === 200)).toBe(true);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("replays business-client requests with a fresh business token", async () => {
    const thredfi = clientFor(server);
    const path = `/v1/platform/businesses/${BUSINESS_ID}/`;
    server.queue("PATCH", path, UNAUTHORIZED);
    const { response } = await thredfi
      .business(BUSINESS_ID)
      .PATCH("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
        body: { legal_name: "Renamed" },
      });
    expect(response.status).toBe(200);
    const [, replay] = server.requests.filter((r) => r.path === path);
    expect(JSON.parse(replay?.body ?? "")).toEqual({ legal_name: "Renamed" });
    expect(server.count("POST", BUSINESS_TOKEN_PATH)).toBe(2);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
  });

  it("does the same through the middleware on a user's own client", async () => {
    const thredfi = clientFor(server);
    const own = createClient<paths>({ baseUrl: server.url });
    own.use(thredfi.middleware.partner);
    server.queue("POST", LIST, UNAUTHORIZED);
    const { response } = await own.POST(LIST, { body: newBusiness });
    expect(response.status).toBe(200);
    const [first, replay] = server.requests.filter((r) => r.path === LIST);
    expect(first?.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(replay?.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
    expect(JSON.parse(replay?.body ?? "")).toEqual(newBusiness);
  });

  it("replays a form body intact through the middleware", async () => {
    const thredfi = clientFor(server);
    const own = createClient<paths>({ baseUrl: server.url });
    own.use(thredfi.middleware.partner);
    server.queue("POST", LIST, UNAUTHORIZED);
    const form = { external_id: "ext 3&=", legal_name: "Ünïcode AG" };
    const { response } = await own.POST(LIST, {
      // biome-ignore lint/suspicious/noExplicitAny: the spec only declares a JSON body here
      body: form as any,
      bodySerializer: (body) => new URLSearchParams(body as unknown as Record<string, string>),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(200);
    const [first, replay] = server.requests.filter((r) => r.path === LIST);
    expect(replay?.body).toBe(first?.body);
    expect(Object.fromEntries(new URLSearchParams(replay?.body))).toEqual(form);
    expect(replay?.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    expect(replay?.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
  });

  it("returns a second 401 through the middleware as is", async () => {
    const thredfi = clientFor(server);
    const own = createClient<paths>({ baseUrl: server.url });
    own.use(thredfi.middleware.partner);
    server.always("GET", LIST, UNAUTHORIZED);
    const { error, response } = await own.GET(LIST);
    expect(response.status).toBe(401);
    expect(error).toEqual(UNAUTHORIZED.json);
    expect(server.count("GET", LIST)).toBe(2);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });
});

describe("unread 401 bodies", () => {
  const BIG_401 = { status: 401, text: "x".repeat(64 * 1024) };

  it("never strand a socket: 100 replayed calls share about 2 connections", async () => {
    const own = await startTestServer();
    try {
      const thredfi = clientFor(own);
      await thredfi.tokens.partner();
      for (let n = 0; n < 100; n++) {
        own.queue("GET", LIST, BIG_401);
        const { response } = await thredfi.partner.GET(LIST);
        expect(response.status).toBe(200);
      }
      expect(own.count("GET", LIST)).toBe(200);
      expect(own.connections).toBeLessThanOrEqual(3);
    } finally {
      await own.close();
    }
  });

  it("are cut off past 1 MiB without holding up the replay", async () => {
    const thredfi = clientFor(server);
    server.queue("GET", LIST, { status: 401, text: "x".repeat(20 * 2 ** 20) });
    const { response } = await thredfi.partner.GET(LIST);
    expect(response.status).toBe(200);
    expect(server.count("GET", LIST)).toBe(2);
  });

  it("never strand a socket through the middleware either", async () => {
    const own = await startTestServer();
    try {
      const thredfi = clientFor(own);
      const mine = createClient<paths>({ baseUrl: own.url });
      mine.use(thredfi.middleware.partner);
      await thredfi.tokens.partner();
      for (let n = 0; n < 100; n++) {
        own.queue("GET", LIST, BIG_401);
        const { response } = await mine.GET(LIST);
        expect(response.status).toBe(200);
      }
      expect(own.count("GET", LIST)).toBe(200);
      expect(own.connections).toBeLessThanOrEqual(3);
    } finally {
      await own.close();
    }
  });
});

describe("401 from the business-token endpoint", () => {
  it("drops the partner token, gets a new one and asks once more", async () => {
    const thredfi = clientFor(server);
    await thredfi.tokens.partner();
    server.queue("POST", BUSINESS_TOKEN_PATH, UNAUTHORIZED);
    const token = await thredfi.tokens.business(BUSINESS_ID);
    expect(token.business_id).toBe(BUSINESS_ID);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
    const [first, second] = server.requests.filter((r) => r.path === BUSINESS_TOKEN_PATH);
    expect(first?.headers.authorization).toBe(`Bearer ${server.issuedTokens[0]}`);
    expect(second?.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
  });

  it("refreshes the partner token once for many businesses refused at the same time", async () => {
    const thredfi = clientFor(server);
    const stale = `Bearer ${(await thredfi.tokens.partner()).access_token}`;
    const ids = Array.from({ length: 10 }, (_, n) => businessId(n));
    for (const id of ids) {
      server.always("POST", `/v1/platform/${id}/oauth2/token/`, (request) =>
        request.headers.authorization === stale
          ? { ...UNAUTHORIZED, delayMs: 5 * Number(id.slice(-1)) }
          : { json: { access_token: `business-${id}`, expires_in: 3600, business_id: id } },
      );
    }
    const tokens = await Promise.all(ids.map((id) => thredfi.tokens.business(id)));
    expect(tokens.map((token) => token.business_id)).toEqual(ids);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
    for (const id of ids) expect(server.count("POST", `/v1/platform/${id}/oauth2/token/`)).toBe(2);
  });

  it("fails with the second 401 instead of retrying again", async () => {
    const thredfi = clientFor(server);
    server.always("POST", BUSINESS_TOKEN_PATH, UNAUTHORIZED);
    await expect(thredfi.tokens.business(BUSINESS_ID)).rejects.toMatchObject({
      code: "invalid_token",
      status: 401,
    });
    expect(server.count("POST", BUSINESS_TOKEN_PATH)).toBe(2);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("never retries a failed partner-token request", async () => {
    const thredfi = clientFor(server);
    server.always("POST", PARTNER_TOKEN_PATH, {
      status: 401,
      json: { error: "invalid_client", error_description: "Bad credentials" },
    });
    await expect(thredfi.tokens.business(BUSINESS_ID)).rejects.toMatchObject({
      code: "invalid_client",
      description: "Bad credentials",
      status: 401,
    });
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    expect(server.count("POST", BUSINESS_TOKEN_PATH)).toBe(0);
  });
});
