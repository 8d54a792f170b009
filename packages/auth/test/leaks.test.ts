import { inspect } from "node:util";
import type { paths } from "@thredfi/types";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBusinessClient, ThredfiAuthError } from "../src/index.js";
import {
  API_KEY,
  BUSINESS_ID,
  clientFor,
  OTHER_BUSINESS_ID,
  PARTNER_ID,
  recordingLogger,
} from "./support/fixtures.js";
import { PARTNER_TOKEN_PATH, startTestServer, type TestServer } from "./support/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const BASIC = Buffer.from(`${PARTNER_ID}:${API_KEY}`, "utf8").toString("base64");
const BUSINESS_TOKEN_PATH = `/v1/platform/${BUSINESS_ID}/oauth2/token/`;
const ONE = "/v1/platform/businesses/{business_id}/";
const own = { params: { path: { business_id: BUSINESS_ID } } };

/** Everything a run can print: errors in every rendering, log lines and the clients. */
const outputs: string[] = [];
const errors: unknown[] = [];

function render(value: unknown): void {
  outputs.push(inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
  outputs.push(JSON.stringify(value) ?? "");
  if (value instanceof Error) outputs.push(value.message, value.stack ?? "", String(value));
}

async function capture(promise: Promise<unknown>): Promise<void> {
  try {
    await promise;
  } catch (error) {
    errors.push(error);
    render(error);
  }
}

describe("secrets never leak", () => {
  it("from errors, log lines, inspect or JSON of a run through every failure", async () => {
    const logger = recordingLogger();
    const thredfi = clientFor(server, { logger });
    const echo = `${API_KEY} ${BASIC}`;

    // The server echoes the credentials back in error bodies of every shape.
    server.queue("POST", PARTNER_TOKEN_PATH, {
      status: 401,
      json: { error: "invalid_client", error_description: `bad key ${echo}` },
    });
    await capture(thredfi.tokens.partner());
    server.queue("POST", PARTNER_TOKEN_PATH, {
      status: 400,
      json: { error: `Key ${API_KEY} refused`, error_code: API_KEY },
    });
    await capture(thredfi.tokens.partner());
    server.queue("POST", PARTNER_TOKEN_PATH, { status: 500, json: { error: echo } });
    await capture(thredfi.tokens.partner());
    server.queue("POST", PARTNER_TOKEN_PATH, { text: `token=${API_KEY}` });
    await capture(thredfi.tokens.partner());
    server.queue("POST", PARTNER_TOKEN_PATH, { delayMs: 500, json: {} });
    await capture(clientFor(server, { logger, timeoutMs: 50 }).tokens.partner());

    // A business-token endpoint echoing the partner token.
    const partnerToken = (await thredfi.tokens.partner()).access_token;
    server.queue("POST", BUSINESS_TOKEN_PATH, {
      status: 403,
      json: { error: `token ${partnerToken} not allowed`, error_code: "permission_denied" },
    });
    await capture(thredfi.tokens.business(BUSINESS_ID));
    server.queue("POST", BUSINESS_TOKEN_PATH, {
      json: {
        access_token: "leaky-business-token",
        expires_in: 60,
        business_id: OTHER_BUSINESS_ID,
      },
    });
    await capture(thredfi.tokens.business(BUSINESS_ID));
    server.queue("POST", BUSINESS_TOKEN_PATH, {
      json: { access_token: "leaky\nbusiness-token", expires_in: 60 },
    });
    await capture(thredfi.tokens.business(BUSINESS_ID));

    // Guards, replays and successful calls, through both clients and the middleware.
    const businessToken = (await thredfi.tokens.business(BUSINESS_ID)).access_token;
    await capture(thredfi.business(BUSINESS_ID).GET("/v1/platform/businesses/"));
    server.queue("GET", "/v1/platform/businesses/", { status: 401, json: { error: "x" } });
    await thredfi.partner.GET("/v1/platform/businesses/");
    const ownClient = createClient<paths>({ baseUrl: server.url });
    ownClient.use(thredfi.middleware.business(BUSINESS_ID));
    await ownClient.GET(ONE, own);
    await capture(ownClient.GET("/v1/platform/businesses/"));
    await capture(clientFor({ url: "http://127.0.0.1:9" } as TestServer).tokens.partner());

    const browser = createBusinessClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      logger,
      getToken: async () => {
        throw new Error(`backend said ${businessToken}`);
      },
    });
    await capture(browser.GET(ONE, own));
    const garbageToken = createBusinessClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      logger,
      getToken: async () => ({ access_token: businessToken, expires_in: "soon" }) as never,
    });
    await capture(garbageToken.GET(ONE, own));
    // Options holding the key where an id or a URL belongs.
    await capture((async () => clientFor(server, { partnerId: API_KEY }))());
    await capture((async () => clientFor(server, { baseUrl: `http://example.com/${API_KEY}` }))());

    render(thredfi);
    render(thredfi.partner);
    render(thredfi.business(BUSINESS_ID));
    render(thredfi.middleware);
    render(browser);
    outputs.push(...logger.lines);

    // Every capture above failed, each with a ThredfiAuthError.
    expect(errors).toHaveLength(15);
    expect(errors.every((e) => e instanceof ThredfiAuthError)).toBe(true);
    expect(new Set(errors.map((e) => (e as ThredfiAuthError).code))).toEqual(
      new Set([
        "invalid_client",
        "[redacted]",
        "http_error",
        "invalid_token_response",
        "timeout",
        "permission_denied",
        "business_mismatch",
        "network_error",
        "token_provider_error",
        "invalid_config",
      ]),
    );
    expect(logger.lines.length).toBeGreaterThan(5);
    expect(errors[0]).toMatchObject({ description: "bad key [redacted] [redacted]" });
    const secrets = [
      API_KEY,
      BASIC,
      ...server.issuedTokens,
      "leaky-business-token",
      "leaky\nbusiness",
    ];
    expect(server.issuedTokens.length).toBeGreaterThanOrEqual(3);
    for (const output of outputs) {
      for (const secret of secrets) expect(output).not.toContain(secret);
    }
  });
});
