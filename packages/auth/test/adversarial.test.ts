import { inspect } from "node:util";
import { PARTNER_TOKEN_PATH, startTestServer, useTestServer } from "@thredfi/test-support";
import type { paths } from "@thredfi/types";
import createClient from "openapi-fetch";
import { afterEach, describe, expect, it } from "vitest";
import {
  type BusinessClientOptions,
  type BusinessTokenGrant,
  createAuthClient,
  createBusinessAuthClient,
  type ThredfiLogger,
} from "../src/index.js";
import {
  API_KEY,
  BUSINESS_ID,
  clientFor,
  eventually,
  gate,
  OTHER_BUSINESS_ID,
  PARTNER_ID,
  recordingLogger,
  rejectionOf,
  settled,
  sleep,
} from "./support/fixtures.js";

const server = useTestServer();
const LIST = "/v1/platform/businesses/";
const BUSINESS_PATH = `/v1/platform/businesses/${BUSINESS_ID}/`;
const BUSINESS_TOKEN_PATH = `/v1/platform/${BUSINESS_ID}/oauth2/token/`;
const START = 1_800_000_000_000;
/** With the default 300 s margin, a 3600 s token enters its refresh window here. */
const IN_WINDOW = START + 3_400_000;

let held = gate();
afterEach(() => {
  held.open();
  held = gate();
});

/** A user's own openapi-fetch client authenticated by the partner or a business middleware. */
function ownClient(thredfi: ReturnType<typeof clientFor>, businessId?: string) {
  const own = createClient<paths>({ baseUrl: server.url });
  own.use(businessId ? thredfi.middleware.business(businessId) : thredfi.middleware.partner);
  return own;
}

function businessClient(getToken: BusinessClientOptions["getToken"], timeoutMs?: number) {
  return createBusinessAuthClient({
    businessId: BUSINESS_ID,
    baseUrl: server.url,
    getToken,
    ...(timeoutMs && { timeoutMs }),
  });
}

function getBusiness(client: ReturnType<typeof businessClient>, signal?: AbortSignal) {
  return client.GET("/v1/platform/businesses/{business_id}/", {
    params: { path: { business_id: BUSINESS_ID } },
    ...(signal && { signal }),
  });
}

describe("token requests answered with a redirect", () => {
  it.each([301, 302, 303, 307, 308])(
    "fail the partner client's call with unexpected_redirect on a same-origin %i and cache nothing",
    async (status) => {
      server.queue("POST", PARTNER_TOKEN_PATH, {
        status,
        headers: { Location: PARTNER_TOKEN_PATH },
      });
      const thredfi = clientFor(server);
      expect(await rejectionOf(thredfi.partner.GET(LIST))).toMatchObject({
        code: "unexpected_redirect",
        status,
      });
      expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
      expect(server.count("GET", LIST)).toBe(0);
      expect((await thredfi.partner.GET(LIST)).response.status).toBe(200);
      expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
    },
  );

  it.each([301, 302, 303, 307, 308])(
    "fail the business middleware's call on a %i to another origin, which hears nothing",
    async (status) => {
      const elsewhere = await startTestServer();
      try {
        server.queue("POST", BUSINESS_TOKEN_PATH, {
          status,
          headers: { Location: `${elsewhere.url}${BUSINESS_TOKEN_PATH}` },
        });
        const own = ownClient(clientFor(server), BUSINESS_ID);
        const error = await rejectionOf(own.GET(BUSINESS_PATH as typeof LIST));
        expect(error).toMatchObject({ code: "unexpected_redirect" });
        expect(elsewhere.requests).toHaveLength(0);
        expect(server.count("GET", BUSINESS_PATH)).toBe(0);
      } finally {
        await elsewhere.close();
      }
    },
  );

  it("fail a business token that a custom fetch followed anyway, sending the API nothing", async () => {
    const following = async (request: Request) =>
      request.url.includes("/oauth2/token/")
        ? fetch(request.url, { method: "POST", headers: request.headers, redirect: "follow" })
        : fetch(request);
    server.queue("POST", BUSINESS_TOKEN_PATH, {
      status: 307,
      headers: { Location: BUSINESS_TOKEN_PATH },
    });
    const business = clientFor(server, { fetch: following }).business(BUSINESS_ID);
    const error = await rejectionOf(business.GET(BUSINESS_PATH as typeof LIST));
    expect(error).toMatchObject({ code: "unexpected_redirect" });
    expect(server.count("GET", BUSINESS_PATH)).toBe(0);
  });
});

describe("a caller's AbortSignal", () => {
  it("sends no token request when it has aborted before a call inside the refresh window", async () => {
    const clock = { now: START };
    const thredfi = clientFor(server, { now: () => clock.now });
    await thredfi.tokens.partner();
    clock.now = IN_WINDOW;
    const reason = new Error("aborted before the call");
    for (const client of [thredfi.partner, ownClient(thredfi)]) {
      const call = client.GET(LIST, { signal: AbortSignal.abort(reason) });
      expect(await rejectionOf(call)).toBe(reason);
    }
    await settled();
    expect(server.requests.map((request) => request.path)).toEqual([PARTNER_TOKEN_PATH]);
  });

  it("never calls getToken when it has aborted before the call", async () => {
    let calls = 0;
    const client = businessClient(() => {
      calls++;
      return { access_token: "b", expires_in: 60 };
    });
    const reason = new Error("aborted before the call");
    expect(await rejectionOf(getBusiness(client, AbortSignal.abort(reason)))).toBe(reason);
    await settled();
    expect(calls).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it("lets 25 of 100 callers sharing one token request give up at once while the rest succeed", async () => {
    server.hold("POST", PARTNER_TOKEN_PATH, held.promise);
    const thredfi = clientFor(server);
    const controllers = Array.from({ length: 100 }, () => new AbortController());
    const calls = controllers.map((controller, n) =>
      (n % 2 ? ownClient(thredfi) : thredfi.partner).GET(LIST, { signal: controller.signal }),
    );
    await eventually(() => expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1));
    const reason = new Error("gave up");
    const quitters = controllers.filter((_, n) => n % 4 === 0);
    for (const controller of quitters) controller.abort(reason);
    const early = calls.filter((_, n) => n % 4 === 0).map(rejectionOf);
    expect(await Promise.race([Promise.all(early), sleep(1000, "still waiting")])).toEqual(
      quitters.map(() => reason),
    );
    held.open();
    const rest = await Promise.all(calls.filter((_, n) => n % 4 !== 0));
    expect(rest.every(({ response }) => response.status === 200)).toBe(true);
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
  });

  it("rejects at once while the business client's replay of a JSON body waits for getToken", async () => {
    let calls = 0;
    const client = businessClient(async () => {
      if (calls++) await held.promise;
      return { access_token: `b${calls}`, expires_in: 60 };
    });
    server.queue("POST", BUSINESS_PATH, { status: 401 });
    const controller = new AbortController();
    const reason = new Error("gave up during the replay");
    const call = rejectionOf(
      client.POST(
        "/v1/platform/businesses/{business_id}/" as never,
        {
          params: { path: { business_id: BUSINESS_ID } },
          body: { name: "x" },
          signal: controller.signal,
        } as never,
      ),
    );
    await eventually(() => expect(calls).toBe(2));
    controller.abort(reason);
    expect(await Promise.race([call, sleep(1000, "still waiting")])).toBe(reason);
  });
});

describe("getToken results", () => {
  const throwing = (name: string) =>
    Object.defineProperty({ access_token: "a", expires_in: 60 }, name, {
      get() {
        throw new Error("getter exploded");
      },
    });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  it.each([
    ["null", null],
    ["a string", "token"],
    ["an empty access_token", { access_token: "", expires_in: 60 }],
    ["an access_token with a space", { access_token: "a b", expires_in: 60 }],
    ["an access_token with a header break", { access_token: "a\r\nX-Evil: 1", expires_in: 60 }],
    ['expires_in "3600"', { access_token: "a", expires_in: "3600" }],
    ["expires_in NaN", { access_token: "a", expires_in: Number.NaN }],
    ["expires_in 0", { access_token: "a", expires_in: 0 }],
    ["expires_in -1", { access_token: "a", expires_in: -1 }],
    ["no expires_in", { access_token: "a" }],
    ['token_type "mac"', { access_token: "a", expires_in: 60, token_type: "mac" }],
    ["a throwing token_type getter", throwing("token_type")],
    ["a throwing expires_in getter", throwing("expires_in")],
    ["a revoked proxy", revoked.proxy],
    [
      "a thenable whose then throws",
      {
        // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the case under test
        then: () => {
          throw new Error("then");
        },
      },
    ],
  ])("are token_provider_error for %s, and nothing is sent", async (_, grant) => {
    const error = await rejectionOf(getBusiness(businessClient(() => grant as BusinessTokenGrant)));
    expect(error).toMatchObject({ name: "ThredfiAuthError", code: "token_provider_error" });
    expect(server.requests).toHaveLength(0);
  });

  it.each([0.5, 1.5, 1e308, Number.MAX_VALUE])(
    "are used for a positive expires_in of %d",
    async (expires_in) => {
      const client = businessClient(() => ({ access_token: "a", expires_in }));
      expect((await getBusiness(client)).response.status).toBe(200);
    },
  );

  it("free the slot of a getToken that never settles for 20 waiting callers", async () => {
    let calls = 0;
    const client = businessClient(
      () => (calls++ ? { access_token: "a", expires_in: 60 } : new Promise<never>(() => {})),
      100,
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, () => rejectionOf(getBusiness(client))),
    );
    expect(results.every((error) => (error as { code: string }).code === "timeout")).toBe(true);
    expect((await getBusiness(client)).response.status).toBe(200);
    expect(calls).toBe(2);
  });
});

describe("token endpoint answers", () => {
  it.each([
    ["expires_in 0", { access_token: "t", expires_in: 0 }],
    ["expires_in -1", { access_token: "t", expires_in: -1 }],
    ["expires_in 0.5", { access_token: "t", expires_in: 0.5 }],
    ["expires_in 1.5", { access_token: "t", expires_in: 1.5 }],
    ['expires_in "3600"', { access_token: "t", expires_in: "3600" }],
    ["no expires_in", { access_token: "t" }],
    ['token_type "mac"', { access_token: "t", expires_in: 60, token_type: "mac" }],
  ])("refuse %s as invalid_token_response", async (_, json) => {
    server.queue("POST", PARTNER_TOKEN_PATH, { json });
    const error = await rejectionOf(clientFor(server).tokens.partner());
    expect(error).toMatchObject({ code: "invalid_token_response" });
  });

  it.each([
    ['token_type "bearer"', { access_token: "t", expires_in: 60, token_type: "bearer" }],
    ["no token_type", { access_token: "t", expires_in: 60 }],
  ])("accept %s", async (_, json) => {
    server.queue("POST", PARTNER_TOKEN_PATH, { json });
    expect((await clientFor(server).tokens.partner()).token_type).toBe("Bearer");
  });
});

describe("handed-out tokens under a busy event loop", () => {
  it("say at least a second is left even when time passes between the cache check and the answer", async () => {
    server.always("POST", PARTNER_TOKEN_PATH, { json: { access_token: "s", expires_in: 2 } });
    const clock = { now: START };
    const thredfi = clientFor(server, { now: () => clock.now, refreshMarginSeconds: 0 });
    await thredfi.tokens.partner();
    clock.now = START + 999;
    const handedOut = thredfi.tokens.partner();
    // Synchronous work of the caller delays the microtask that answers.
    clock.now = START + 1_500;
    expect((await handedOut).expires_in).toBeGreaterThanOrEqual(1);
  });
});

describe("server text in messages and log lines", () => {
  it("has bidirectional marks, zero-width, byte-order and tag characters escaped", async () => {
    const hostile = "code\u200e\u200f\u061c\ufeff\u200b\u{e0041}\u202e";
    server.queue("POST", PARTNER_TOKEN_PATH, {
      status: 400,
      json: { error_code: hostile, error: `text ${hostile}` },
    });
    const logger = recordingLogger();
    const error = (await rejectionOf(clientFor(server, { logger }).tokens.partner())) as Error;
    const invisible = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
    expect(error.message).toContain("code\\u200e\\u200f\\u061c\\ufeff\\u200b");
    expect(error.message).not.toMatch(invisible);
    for (const line of logger.lines) expect(line).not.toMatch(invisible);
  });
});

describe("loggers that fail", () => {
  const boom = () => {
    throw new Error("log sink down");
  };
  const rejecting = async () => boom();
  // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the case under test
  const badThenable = () => ({ then: boom });
  it.each([
    ["throw", { debug: boom, info: boom, warn: boom }],
    ["reject", { debug: rejecting, info: rejecting, warn: rejecting }],
    ["return a thenable that throws", { debug: badThenable, info: badThenable, warn: badThenable }],
  ])("change no outcome when their methods %s", async (_, logger) => {
    const thredfi = clientFor(server, { logger: logger as ThredfiLogger });
    server.queue("GET", LIST, { status: 401 });
    expect((await thredfi.partner.GET(LIST)).response.status).toBe(200);
    server.queue("POST", PARTNER_TOKEN_PATH, { status: 500 });
    const other = clientFor(server, { logger: logger as ThredfiLogger });
    expect(await rejectionOf(other.tokens.partner())).toMatchObject({ code: "http_error" });
  });
});

describe("API keys", () => {
  it.each([
    ["1024 ASCII characters", "k".repeat(1024)],
    ["512 emoji (1024 UTF-16 units, 2048 bytes)", "🔑".repeat(512)],
    ["1024 two-byte characters", "é".repeat(1024)],
  ])("of %s are sent as UTF-8 Basic credentials", async (_, apiKey) => {
    await createAuthClient({
      partnerId: PARTNER_ID,
      apiKey,
      baseUrl: server.url,
    }).tokens.partner();
    const basic = String(server.requests[0]?.headers.authorization).slice("Basic ".length);
    expect(Buffer.from(basic, "base64").toString("utf8")).toBe(`${PARTNER_ID}:${apiKey}`);
  });

  it.each([
    ["1025 characters", "k".repeat(1025)],
    ["513 emoji", "🔑".repeat(513)],
    ["200,000 characters", "k".repeat(200_000)],
  ])("of %s are refused with invalid_config that does not echo them", (_, apiKey) => {
    let error: unknown;
    try {
      createAuthClient({ partnerId: PARTNER_ID, apiKey, baseUrl: server.url });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: "invalid_config" });
    expect((error as Error).message).not.toContain(apiKey.slice(0, 8));
  });
});

describe("refresh ahead under attack", () => {
  it("serves 50 calls with the valid token during an outage, logs the failed refresh and retries it", async () => {
    const clock = { now: START };
    const logger = recordingLogger();
    const thredfi = clientFor(server, { now: () => clock.now, logger });
    const first = await thredfi.tokens.partner();
    clock.now = IN_WINDOW;
    server.queue("POST", PARTNER_TOKEN_PATH, { status: 503, until: held.promise });
    const calls = Array.from({ length: 50 }, (_, n) =>
      (n % 2 ? ownClient(thredfi) : thredfi.partner).GET(LIST),
    );
    expect((await Promise.all(calls)).every(({ response }) => response.status === 200)).toBe(true);
    const sent = server.requests.filter((request) => request.path === LIST);
    expect(sent.every((r) => r.headers.authorization === `Bearer ${first.access_token}`)).toBe(
      true,
    );
    expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
    held.open();
    await eventually(() =>
      expect(logger.lines).toContain("warn fetching the partner token failed: http_error"),
    );
    expect((await thredfi.tokens.partner()).access_token).toBe(first.access_token);
    await eventually(() => expect(server.count("POST", PARTNER_TOKEN_PATH)).toBe(3));
  });
});

describe("business ids", () => {
  it.each([
    ["an empty string", ""],
    ["undefined", undefined],
    ["null", null],
    ["0", 0],
    ["an id with a leading space", ` ${BUSINESS_ID}`],
  ])("of %s are refused by business() and middleware.business() with invalid_config", (_, id) => {
    const thredfi = clientFor(server);
    expect(() => thredfi.business(id as string)).toThrow(/businessId/);
    expect(() => thredfi.middleware.business(id as string)).toThrow(/businessId/);
  });
});

describe("the business-path guard", () => {
  it.each([
    `/v1/platform/businesses/${BUSINESS_ID}%2F..%2F${OTHER_BUSINESS_ID}/`,
    `/v1/platform/businesses/${BUSINESS_ID}/../${OTHER_BUSINESS_ID}/`,
    `/v1/platform/businesses/${BUSINESS_ID}/%2e%2e/${OTHER_BUSINESS_ID}/`,
    `/v1/platform/businesses/${BUSINESS_ID}/%2E%2E/%2E%2E/${BUSINESS_ID}/oauth2/token/`,
    `/v1/platform/businesses/${BUSINESS_ID}\\..\\${OTHER_BUSINESS_ID}/`,
    `/v1/platform/businesses/${BUSINESS_ID.toUpperCase()}/`,
    `/v1/platform/businesses/${BUSINESS_ID}0/`,
    `/v1/platform/businesses/${BUSINESS_ID}%00/`,
    `/V1/platform/businesses/${BUSINESS_ID}/`,
    `/v1/platform/businesses//${BUSINESS_ID}/`,
    `/v1/platform/${BUSINESS_ID}/oauth2/token/`,
  ])("sends no business token to %s, through the client or the middleware", async (path) => {
    const thredfi = clientFor(server);
    for (const client of [thredfi.business(BUSINESS_ID), ownClient(thredfi, BUSINESS_ID)]) {
      const error = await rejectionOf(client.GET(path as typeof LIST));
      expect(error).toMatchObject({ code: "business_mismatch" });
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("secrets", () => {
  it("never appear in util.inspect or JSON of the client objects", async () => {
    const thredfi = clientFor(server);
    const partner = (await thredfi.tokens.partner()).access_token;
    const business = (await thredfi.tokens.business(BUSINESS_ID)).access_token;
    const shown = [
      inspect(thredfi, { depth: 10, showHidden: true }),
      inspect(thredfi.partner, { depth: 10, showHidden: true }),
      inspect(thredfi.middleware.business(BUSINESS_ID), { depth: 10, showHidden: true }),
      JSON.stringify(thredfi) ?? "",
    ].join("\n");
    const basic = Buffer.from(`${PARTNER_ID}:${API_KEY}`).toString("base64");
    for (const secret of [API_KEY, partner, business, basic]) expect(shown).not.toContain(secret);
  });
});
