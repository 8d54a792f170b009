import { describe, expect, it } from "vitest";
import { BUSINESS_ID, businessId, clientFor } from "./support/fixtures.js";
import { PARTNER_TOKEN_PATH, useTestServer } from "./support/test-server.js";

const server = useTestServer();

const START = 1_800_000_000_000;

function clockedClient(
  options: { refreshMarginSeconds?: number; maxBusinessTokens?: number } = {},
) {
  const clock = { now: START };
  const thredfi = clientFor(server, { now: () => clock.now, ...options });
  return { clock, thredfi };
}

function partnerTokenLasting(seconds: number): void {
  server.always("POST", PARTNER_TOKEN_PATH, () => {
    const access_token = `short-${server.issuedTokens.length}`;
    server.issuedTokens.push(access_token);
    return { json: { access_token, expires_in: seconds } };
  });
}

describe("token expiry with the default 300 s margin", () => {
  it("reuses the token until 300 s before it expires", async () => {
    const { clock, thredfi } = clockedClient();
    await thredfi.tokens.partner();
    clock.now = START + (3600 - 300) * 1000 - 1;
    const reused = await thredfi.tokens.partner();
    expect(reused.expires_in).toBe(300);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
  });

  it("fetches a new token at the refresh point", async () => {
    const { clock, thredfi } = clockedClient();
    const first = await thredfi.tokens.partner();
    clock.now = START + (3600 - 300) * 1000;
    const second = await thredfi.tokens.partner();
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.expires_at).toBe(clock.now + 3_600_000);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("refreshes an API call's token at the refresh point too", async () => {
    const { clock, thredfi } = clockedClient();
    await thredfi.partner.GET("/v1/platform/businesses/");
    clock.now = START + 3300 * 1000;
    await thredfi.partner.GET("/v1/platform/businesses/");
    const calls = server.requests.filter((r) => r.method === "GET");
    expect(calls[1]?.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
  });
});

describe("refresh margin", () => {
  it("is capped at half of a short token's lifetime", async () => {
    partnerTokenLasting(120);
    const { clock, thredfi } = clockedClient();
    await thredfi.tokens.partner();
    clock.now = START + 59_999;
    await thredfi.tokens.partner();
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    clock.now = START + 60_000;
    await thredfi.tokens.partner();
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("follows refreshMarginSeconds", async () => {
    const { clock, thredfi } = clockedClient({ refreshMarginSeconds: 10 });
    await thredfi.tokens.partner();
    clock.now = START + 3589 * 1000;
    await thredfi.tokens.partner();
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    clock.now = START + 3590 * 1000;
    await thredfi.tokens.partner();
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("of 0 uses a token until the millisecond it expires", async () => {
    const { clock, thredfi } = clockedClient({ refreshMarginSeconds: 0 });
    await thredfi.tokens.partner();
    clock.now = START + 3_599_999;
    expect((await thredfi.tokens.partner()).expires_in).toBe(0);
    clock.now = START + 3_600_000;
    await thredfi.tokens.partner();
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("applies to business tokens independently of the partner token", async () => {
    const { clock, thredfi } = clockedClient();
    await thredfi.tokens.business(BUSINESS_ID);
    clock.now = START + 3300 * 1000;
    await thredfi.tokens.business(BUSINESS_ID);
    expect(server.count("POST", `/v1/platform/${BUSINESS_ID}/oauth2/token/`)).toBe(2);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });
});

describe("business-token LRU", () => {
  it("keeps at most maxBusinessTokens tokens and evicts the least recently used", async () => {
    const { thredfi } = clockedClient({ maxBusinessTokens: 2 });
    const [a, b, c] = [businessId(1), businessId(2), businessId(3)];
    await thredfi.tokens.business(a);
    await thredfi.tokens.business(b);
    await thredfi.tokens.business(a); // a is now the most recently used
    await thredfi.tokens.business(c); // evicts b
    await thredfi.tokens.business(a);
    expect(server.count("POST", `/v1/platform/${a}/oauth2/token/`)).toBe(1);
    await thredfi.tokens.business(b);
    expect(server.count("POST", `/v1/platform/${b}/oauth2/token/`)).toBe(2);
  });

  it("never evicts the partner token", async () => {
    const { thredfi } = clockedClient({ maxBusinessTokens: 1 });
    for (let n = 0; n < 5; n++) await thredfi.tokens.business(businessId(n));
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
  });
});
