import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { afterEach, describe, expect, it } from "vitest";
import { type BusinessTokenGrant, createBusinessAuthClient } from "../src/index.js";
import {
  BUSINESS_ID,
  clientFor,
  eventually,
  gate,
  recordingLogger,
  rejectionOf,
  settled,
} from "./support/fixtures.js";

const server = useTestServer();
const START = 1_800_000_000_000;
/** With the default 300 s margin, a 3600 s token enters its refresh window here. */
const IN_WINDOW = START + 3_300_000;
const LIST = "/v1/platform/businesses/";

let held = gate();
afterEach(() => {
  held.open();
  held = gate();
});

function clockedClient(logger = recordingLogger()) {
  const clock = { now: START };
  const thredfi = clientFor(server, { now: () => clock.now, logger });
  return { clock, thredfi, logger };
}

describe("inside the refresh window", () => {
  it("hands out the cached token at once while one refresh runs in the background", async () => {
    const { clock, thredfi } = clockedClient();
    const first = await thredfi.tokens.partner();
    clock.now = IN_WINDOW;
    server.hold("POST", PARTNER_TOKEN_PATH, held.promise);
    const during = await Promise.all(Array.from({ length: 10 }, () => thredfi.tokens.partner()));
    expect(during.every((token) => token.access_token === first.access_token)).toBe(true);
    await eventually(() => expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2));
    held.open();
    await eventually(async () =>
      expect((await thredfi.tokens.partner()).access_token).not.toBe(first.access_token),
    );
    const after = await thredfi.tokens.partner();
    expect(after.expires_at).toBe(IN_WINDOW + 3_600_000);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("sends API calls with the still-valid token without waiting for the refresh", async () => {
    const { clock, thredfi } = clockedClient();
    await thredfi.partner.GET(LIST);
    clock.now = IN_WINDOW;
    server.hold("POST", PARTNER_TOKEN_PATH, held.promise);
    const { response } = await thredfi.partner.GET(LIST);
    expect(response.status).toBe(200);
    const calls = server.requests.filter((r) => r.path === LIST);
    expect(calls.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${server.issuedTokens[0]}`,
      `Bearer ${server.issuedTokens[0]}`,
    ]);
  });

  it("refreshes business tokens in the background too", async () => {
    const { clock, thredfi } = clockedClient();
    const first = await thredfi.tokens.business(BUSINESS_ID);
    clock.now = IN_WINDOW;
    server.hold("POST", `/v1/platform/${BUSINESS_ID}/oauth2/token/`, held.promise);
    expect((await thredfi.tokens.business(BUSINESS_ID)).access_token).toBe(first.access_token);
    held.open();
    await eventually(async () =>
      expect((await thredfi.tokens.business(BUSINESS_ID)).access_token).not.toBe(
        first.access_token,
      ),
    );
  });

  it("logs a failed background refresh and tries again on a later call", async () => {
    const { clock, thredfi, logger } = clockedClient();
    const first = await thredfi.tokens.partner();
    clock.now = IN_WINDOW;
    server.queue("POST", PARTNER_TOKEN_PATH, { status: 503, text: "down" });
    expect((await thredfi.tokens.partner()).access_token).toBe(first.access_token);
    await eventually(() =>
      expect(logger.lines).toContain("warn fetching the partner token failed: http_error"),
    );
    expect((await thredfi.tokens.partner()).access_token).toBe(first.access_token);
    await eventually(() => expect(server.issuedTokens).toHaveLength(2));
    await eventually(async () =>
      expect((await thredfi.tokens.partner()).access_token).toBe(server.issuedTokens[1]),
    );
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(3);
  });

  it("serves through an outage until 5 s before expiry, then waits for a token", async () => {
    const { clock, thredfi } = clockedClient();
    const first = await thredfi.tokens.partner();
    server.always("POST", PARTNER_TOKEN_PATH, { status: 503, text: "down" });
    for (const at of [IN_WINDOW, START + 3_500_000, START + 3_594_999]) {
      clock.now = at;
      expect((await thredfi.tokens.partner()).access_token).toBe(first.access_token);
      await settled();
    }
    clock.now = START + 3_595_000;
    expect(await rejectionOf(thredfi.tokens.partner())).toMatchObject({ status: 503 });
  });

  it("never lets a background refresh started before clear() land", async () => {
    const { clock, thredfi } = clockedClient();
    await thredfi.tokens.partner();
    clock.now = IN_WINDOW;
    server.queue("POST", PARTNER_TOKEN_PATH, {
      until: held.promise,
      json: { access_token: "from-before-clear", expires_in: 3600 },
    });
    await thredfi.tokens.partner();
    thredfi.tokens.clear();
    held.open();
    await settled();
    const after = await thredfi.tokens.partner();
    expect(after.access_token).not.toBe("from-before-clear");
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(3);
  });

  it("waits for a fresh token after a 401 instead of resending the refused one", async () => {
    const { clock, thredfi } = clockedClient();
    const first = await thredfi.tokens.partner();
    clock.now = IN_WINDOW;
    server.queue("GET", LIST, { status: 401, json: { error: "revoked" } });
    const { response } = await thredfi.partner.GET(LIST);
    expect(response.status).toBe(200);
    const [refused, replay] = server.requests.filter((r) => r.path === LIST);
    expect(refused?.headers.authorization).toBe(`Bearer ${first.access_token}`);
    expect(replay?.headers.authorization).toBe(`Bearer ${server.issuedTokens[1]}`);
  });

  it("calls getToken in the background for createBusinessAuthClient", async () => {
    const clock = { now: START };
    let calls = 0;
    const slow = gate();
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      now: () => clock.now,
      getToken: async (): Promise<BusinessTokenGrant> => {
        calls++;
        if (calls > 1) await slow.promise;
        return { access_token: `minted-${calls}`, expires_in: 3600 };
      },
    });
    const get = () =>
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      });
    await get();
    clock.now = IN_WINDOW;
    expect((await get()).response.status).toBe(200);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer minted-1",
      "Bearer minted-1",
    ]);
    slow.open();
    await eventually(async () => {
      await get();
      expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer minted-2");
    });
    expect(calls).toBe(2);
  });

  it("causes no unhandled rejection when background refreshes fail", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const { clock, thredfi } = clockedClient();
      await thredfi.tokens.business(BUSINESS_ID);
      clock.now = IN_WINDOW;
      server.always("POST", PARTNER_TOKEN_PATH, { status: 500, text: "down" });
      server.always("POST", `/v1/platform/${BUSINESS_ID}/oauth2/token/`, { status: 500 });
      for (let n = 0; n < 5; n++) {
        await thredfi.tokens.business(BUSINESS_ID);
        await thredfi.tokens.partner();
        await thredfi.partner.GET(LIST);
        await settled();
      }
      expect(server.count("POST", PARTNER_TOKEN_PATH)).toBeGreaterThan(1);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});
