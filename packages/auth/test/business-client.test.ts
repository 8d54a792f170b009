import { startTestServer, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import { type BusinessTokenGrant, createBusinessAuthClient } from "../src/index.js";
import {
  BUSINESS_ID,
  eventually,
  OTHER_BUSINESS_ID,
  rejectionOf,
  sleep,
} from "./support/fixtures.js";

const server = useTestServer();

const PATH = `/v1/platform/businesses/${BUSINESS_ID}/`;
const START = 1_900_000_000_000;

function browserClient(expiresIn = 3600, delayMs = 0) {
  const clock = { now: START };
  const grants: string[] = [];
  const getToken = async (): Promise<BusinessTokenGrant> => {
    const access_token = `minted-${grants.length + 1}`;
    grants.push(access_token);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { access_token, expires_in: expiresIn };
  };
  const biz = createBusinessAuthClient({
    businessId: BUSINESS_ID,
    getToken,
    baseUrl: server.url,
    now: () => clock.now,
  });
  const get = () =>
    biz.GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
    });
  return { biz, clock, grants, get };
}

describe("createBusinessAuthClient", () => {
  it("sends the token from getToken to its business's paths", async () => {
    const { get, grants } = browserClient();
    const { response } = await get();
    expect(response.status).toBe(200);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${grants[0]}`);
  });

  it("shares one getToken call among concurrent first requests", async () => {
    const { get, grants } = browserClient(3600, 20);
    await Promise.all(Array.from({ length: 50 }, get));
    expect(grants).toHaveLength(1);
    expect(server.count("GET", PATH)).toBe(50);
  });

  it("caches the token per its expires_in and asks again from the refresh point", async () => {
    const { get, grants, clock } = browserClient(600);
    await get();
    clock.now = START + 299_999;
    await get();
    expect(grants).toHaveLength(1);
    clock.now = START + 300_000;
    await get();
    expect(grants).toHaveLength(2);
    await eventually(async () => {
      await get();
      expect(server.requests.at(-1)?.headers.authorization).toBe("Bearer minted-2");
    });
  });

  it("calls getToken again once on a 401 and replays the request", async () => {
    const { biz, grants } = browserClient();
    server.queue("PATCH", PATH, {
      status: 401,
      json: { error: "expired", error_code: "invalid_token" },
    });
    const { response } = await biz.PATCH("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
      body: { legal_name: "New name" },
    });
    expect(response.status).toBe(200);
    expect(grants).toHaveLength(2);
    const [first, replay] = server.requests;
    expect(first?.headers.authorization).toBe("Bearer minted-1");
    expect(replay?.headers.authorization).toBe("Bearer minted-2");
    expect(JSON.parse(replay?.body ?? "")).toEqual({ legal_name: "New name" });
  });

  it("returns a second 401 as is", async () => {
    const { get, grants } = browserClient();
    server.always("GET", PATH, { status: 401, json: { error: "no", error_code: "invalid_token" } });
    const { response } = await get();
    expect(response.status).toBe(401);
    expect(grants).toHaveLength(2);
    expect(server.count("GET", PATH)).toBe(2);
  });

  it("does not cache a failed getToken", async () => {
    let calls = 0;
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      getToken: async () => {
        calls++;
        if (calls === 1) throw new Error("backend unreachable");
        return { access_token: "second-try", expires_in: 60 };
      },
    });
    const call = () =>
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      });
    expect(await rejectionOf(call())).toMatchObject({ code: "token_provider_error" });
    expect((await call()).response.status).toBe(200);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer second-try");
  });

  it.each([
    ["a partner-level path", "/v1/platform/businesses/"],
    ["another business's path", `/v1/platform/businesses/${OTHER_BUSINESS_ID}/`],
    ["its business-token endpoint", `/v1/platform/${BUSINESS_ID}/oauth2/token/`],
  ])("throws business_mismatch for %s without calling getToken", async (_, path) => {
    const { biz, grants } = browserClient();
    const error = await rejectionOf(biz.GET(path as "/v1/platform/businesses/"));
    expect(error).toMatchObject({ code: "business_mismatch" });
    expect(grants).toHaveLength(0);
    expect(server.requests).toHaveLength(0);
  });

  it("sends no token to a per-request baseUrl on another origin", async () => {
    const elsewhere = await startTestServer();
    try {
      const { biz, grants } = browserClient();
      const { response } = await biz.GET("/v1/platform/businesses/{business_id}/", {
        baseUrl: elsewhere.url,
        params: { path: { business_id: BUSINESS_ID } },
      });
      expect(response.status).toBe(200);
      expect(elsewhere.requests).toHaveLength(1);
      expect(elsewhere.requests[0]?.headers.authorization).toBeUndefined();
      expect(grants).toHaveLength(0);
      expect(server.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it("times out a getToken that never settles and calls it again on the next request", async () => {
    const signals: AbortSignal[] = [];
    const answers = [
      new Promise<BusinessTokenGrant>(() => {}),
      { access_token: "b", expires_in: 60 },
    ];
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      timeoutMs: 50,
      getToken: (context) => {
        if (context) signals.push(context.signal);
        return answers.shift() as BusinessTokenGrant;
      },
    });
    const call = () =>
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      });
    const first = await Promise.race([rejectionOf(call()), sleep(2000, "still waiting")]);
    expect(first).toMatchObject({ code: "timeout" });
    expect((await call()).response.status).toBe(200);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer b");
    expect(signals[0]?.aborted).toBe(true);
  });

  it("reports token_provider_error for a getToken result whose properties throw", async () => {
    const hostile = Object.defineProperty({ expires_in: 60 }, "access_token", {
      get() {
        throw new Error("getter exploded");
      },
    });
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      getToken: () => hostile as BusinessTokenGrant,
    });
    const error = await rejectionOf(
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      }),
    );
    expect(error).toMatchObject({ code: "token_provider_error" });
    expect(server.requests).toHaveLength(0);
  });

  it("rejects a call with its signal's reason while getToken is still running", async () => {
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      getToken: () => new Promise<BusinessTokenGrant>(() => {}),
    });
    const reason = new Error("user navigated away");
    const call = biz.GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
      signal: AbortSignal.timeout(50),
    });
    const controller = new AbortController();
    const second = biz.GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
      signal: controller.signal,
    });
    controller.abort(reason);
    expect(await Promise.race([rejectionOf(second), sleep(2000, "still waiting")])).toBe(reason);
    const first = await Promise.race([rejectionOf(call), sleep(2000, "still waiting")]);
    expect(first).toMatchObject({ name: "TimeoutError" });
  });
});
