import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import { createBusinessAuthClient } from "../src/index.js";
import { BUSINESS_ID, businessId, clientFor, eventually, settled } from "./support/fixtures.js";

const server = useTestServer();

const START = 1_800_000_000_000;

function clockedClient(
  options: { refreshMarginSeconds?: number; maxBusinessTokens?: number } = {},
) {
  const clock = { now: START };
  const thredfi = clientFor(server, { now: () => clock.now, ...options });
  return { clock, thredfi };
}

/** Resolves once the background refresh has replaced `old` in the cache. */
async function refreshed(thredfi: ReturnType<typeof clientFor>, old: string): Promise<void> {
  await eventually(async () => {
    expect((await thredfi.tokens.partner()).access_token).not.toBe(old);
  });
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

  it("refreshes in the background from the refresh point and then hands out the new token", async () => {
    const { clock, thredfi } = clockedClient();
    const first = await thredfi.tokens.partner();
    clock.now = START + (3600 - 300) * 1000;
    expect((await thredfi.tokens.partner()).access_token).toBe(first.access_token);
    await refreshed(thredfi, first.access_token);
    const second = await thredfi.tokens.partner();
    expect(second.expires_at).toBe(clock.now + 3_600_000);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("sends API calls with the refreshed token once the background refresh lands", async () => {
    const { clock, thredfi } = clockedClient();
    await thredfi.partner.GET("/v1/platform/businesses/");
    clock.now = START + 3300 * 1000;
    await thredfi.partner.GET("/v1/platform/businesses/");
    await eventually(() => expect(server.issuedTokens).toHaveLength(2));
    await thredfi.partner.GET("/v1/platform/businesses/");
    const calls = server.requests.filter((r) => r.method === "GET");
    expect(calls.map((call) => call.headers.authorization)).toEqual(
      [0, 0, 1].map((n) => `Bearer ${server.issuedTokens[n]}`),
    );
  });
});

describe("refresh margin", () => {
  it("is capped at half of a short token's lifetime", async () => {
    partnerTokenLasting(120);
    const { clock, thredfi } = clockedClient();
    await thredfi.tokens.partner();
    clock.now = START + 59_999;
    await thredfi.tokens.partner();
    await settled();
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    clock.now = START + 60_000;
    await thredfi.tokens.partner();
    await eventually(() => expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2));
  });

  it("follows refreshMarginSeconds", async () => {
    const { clock, thredfi } = clockedClient({ refreshMarginSeconds: 10 });
    await thredfi.tokens.partner();
    clock.now = START + 3589 * 1000;
    await thredfi.tokens.partner();
    await settled();
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    clock.now = START + 3590 * 1000;
    await thredfi.tokens.partner();
    await eventually(() => expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2));
  });

  it("of 0 uses a token until 5 s before it expires", async () => {
    const { clock, thredfi } = clockedClient({ refreshMarginSeconds: 0 });
    await thredfi.tokens.partner();
    clock.now = START + 3_594_999;
    expect((await thredfi.tokens.partner()).expires_in).toBe(5);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    clock.now = START + 3_595_000;
    await thredfi.tokens.partner();
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("applies to business tokens independently of the partner token", async () => {
    const { clock, thredfi } = clockedClient();
    await thredfi.tokens.business(BUSINESS_ID);
    clock.now = START + 3300 * 1000;
    await thredfi.tokens.business(BUSINESS_ID);
    await eventually(() => {
      expect(server.count("POST", `/v1/platform/${BUSINESS_ID}/oauth2/token/`)).toBe(2);
      expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
    });
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

describe("handed-out tokens", () => {
  it("never have less than a second left, whatever the clock says", async () => {
    partnerTokenLasting(2);
    const { clock, thredfi } = clockedClient({ refreshMarginSeconds: 0 });
    const seen: number[] = [];
    for (let ms = 0; ms <= 2_000; ms += 50) {
      clock.now = START + ms;
      seen.push((await thredfi.tokens.partner()).expires_in);
    }
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(1);
  });

  it("are accepted by createBusinessAuthClient's getToken at any point of their life", async () => {
    const { clock, thredfi } = clockedClient({ refreshMarginSeconds: 0 });
    for (const secondsLeft of [3600, 301, 300, 6, 5.001, 5, 1.5, 1, 0.5, 0.001]) {
      clock.now = START + 3_600_000 - secondsLeft * 1000;
      const handedOut = await thredfi.tokens.business(BUSINESS_ID);
      expect(handedOut.expires_in).toBeGreaterThanOrEqual(1);
      const biz = createBusinessAuthClient({
        businessId: BUSINESS_ID,
        baseUrl: server.url,
        now: () => clock.now,
        getToken: () => handedOut,
      });
      const { response } = await biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      });
      expect(response.status).toBe(200);
    }
  });

  it.each([1e308, 1e21, Number.MAX_SAFE_INTEGER])(
    "keep a finite, serialisable expiry for an expires_in of %d",
    async (expiresIn) => {
      server.queue("POST", PARTNER_TOKEN_PATH, {
        json: { access_token: "forever", expires_in: expiresIn },
      });
      const token = await clientFor(server).tokens.partner();
      const { expires_in, expires_at } = JSON.parse(JSON.stringify(token));
      expect(Number.isSafeInteger(expires_in) && expires_in > 0).toBe(true);
      expect(Number.isSafeInteger(expires_at)).toBe(true);
    },
  );
});
