import { inspect } from "node:util";
import { PARTNER_TOKEN_PATH, type TestServer, useTestServer } from "@thredfi/test-support";
import type { paths } from "@thredfi/types";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createBusinessAuthClient, ThredfiAuthError, type ThredfiClient } from "../src/index.js";
import {
  API_KEY,
  BUSINESS_ID,
  clientFor,
  OTHER_BUSINESS_ID,
  PARTNER_ID,
  recordingLogger,
} from "./support/fixtures.js";

const server = useTestServer();

const BASIC = Buffer.from(`${PARTNER_ID}:${API_KEY}`, "utf8").toString("base64");
const BUSINESS_TOKEN_PATH = `/v1/platform/${BUSINESS_ID}/oauth2/token/`;
const ONE = "/v1/platform/businesses/{business_id}/";
const own = { params: { path: { business_id: BUSINESS_ID } } };
const ECHO = `${API_KEY} ${BASIC}`;

/** What one scenario can print: its errors in every rendering, its log lines, its clients. */
interface Run {
  readonly thredfi: ThredfiClient;
  readonly logger: ReturnType<typeof recordingLogger>;
  /** Awaits `promise`, which must fail, and renders its error. */
  failure(promise: Promise<unknown>): Promise<ThredfiAuthError>;
  /** Renders a value as inspect and JSON would. */
  render(value: unknown): void;
}

/**
 * Runs `scenario` and checks that nothing it printed holds the API key, the Basic credentials,
 * a token the server issued or one of `extraSecrets`.
 */
async function expectNoLeak(
  scenario: (run: Run) => Promise<void>,
  extraSecrets: string[] = [],
): Promise<void> {
  const outputs: string[] = [];
  const logger = recordingLogger();
  const render = (value: unknown) => {
    outputs.push(inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
    outputs.push(JSON.stringify(value) ?? "");
    if (value instanceof Error) outputs.push(value.message, value.stack ?? "", String(value));
  };
  const run: Run = {
    thredfi: clientFor(server, { logger }),
    logger,
    render,
    async failure(promise) {
      try {
        await promise;
      } catch (error) {
        render(error);
        expect(error).toBeInstanceOf(ThredfiAuthError);
        return error as ThredfiAuthError;
      }
      throw new Error("expected a failure");
    },
  };
  await scenario(run);
  outputs.push(...logger.lines);
  const secrets = [API_KEY, BASIC, ...server.issuedTokens, ...extraSecrets];
  for (const output of outputs) {
    for (const secret of secrets) expect(output).not.toContain(secret);
  }
}

describe("secrets never leak", () => {
  it("from an OAuth2 error body echoing the API key and the Basic credentials", async () => {
    await expectNoLeak(async ({ thredfi, failure, logger }) => {
      server.queue("POST", PARTNER_TOKEN_PATH, {
        status: 401,
        json: { error: "invalid_client", error_description: `bad key ${ECHO}` },
      });
      const error = await failure(thredfi.tokens.partner());
      expect(error).toMatchObject({
        code: "invalid_client",
        description: "bad key [redacted] [redacted]",
      });
      expect(logger.lines.length).toBeGreaterThan(0);
    });
  });

  it("from a Thredfi error body whose error_code is the API key", async () => {
    await expectNoLeak(async ({ thredfi, failure }) => {
      server.queue("POST", PARTNER_TOKEN_PATH, {
        status: 400,
        json: { error: `Key ${API_KEY} refused`, error_code: API_KEY },
      });
      expect(await failure(thredfi.tokens.partner())).toMatchObject({ code: "[redacted]" });
    });
  });

  it("from a sentence in `error` echoing the credentials", async () => {
    await expectNoLeak(async ({ thredfi, failure }) => {
      server.queue("POST", PARTNER_TOKEN_PATH, { status: 500, json: { error: ECHO } });
      expect(await failure(thredfi.tokens.partner())).toMatchObject({ code: "http_error" });
    });
  });

  it("from a non-JSON token response holding the API key", async () => {
    await expectNoLeak(async ({ thredfi, failure }) => {
      server.queue("POST", PARTNER_TOKEN_PATH, { text: `token=${API_KEY}` });
      const error = await failure(thredfi.tokens.partner());
      expect(error).toMatchObject({ code: "invalid_token_response" });
    });
  });

  it("from a token request that times out", async () => {
    await expectNoLeak(async ({ failure, logger }) => {
      server.queue("POST", PARTNER_TOKEN_PATH, { delayMs: 500, json: {} });
      const slow = clientFor(server, { logger, timeoutMs: 50 });
      expect(await failure(slow.tokens.partner())).toMatchObject({ code: "timeout" });
    });
  });

  it("from a business-token endpoint echoing the partner token", async () => {
    await expectNoLeak(async ({ thredfi, failure }) => {
      const partnerToken = (await thredfi.tokens.partner()).access_token;
      server.queue("POST", BUSINESS_TOKEN_PATH, {
        status: 403,
        json: { error: `token ${partnerToken} not allowed`, error_code: "permission_denied" },
      });
      const error = await failure(thredfi.tokens.business(BUSINESS_ID));
      expect(error).toMatchObject({ code: "permission_denied" });
    });
  });

  it("from a business token refused as unusable", async () => {
    const secrets = ["leaky-business-token", "leaky\nbusiness"];
    await expectNoLeak(async ({ thredfi, failure }) => {
      server.queue("POST", BUSINESS_TOKEN_PATH, {
        json: { access_token: secrets[0], expires_in: 60, business_id: OTHER_BUSINESS_ID },
      });
      const other = await failure(thredfi.tokens.business(BUSINESS_ID));
      server.queue("POST", BUSINESS_TOKEN_PATH, {
        json: { access_token: "leaky\nbusiness-token", expires_in: 60 },
      });
      const broken = await failure(thredfi.tokens.business(BUSINESS_ID));
      expect([other.code, broken.code]).toEqual([
        "invalid_token_response",
        "invalid_token_response",
      ]);
    }, secrets);
  });

  it("from guards, replays and calls through both clients and the middleware", async () => {
    await expectNoLeak(async ({ thredfi, failure, render }) => {
      await thredfi.tokens.business(BUSINESS_ID);
      const mismatch = await failure(thredfi.business(BUSINESS_ID).GET("/v1/platform/businesses/"));
      expect(mismatch.code).toBe("business_mismatch");
      server.queue("GET", "/v1/platform/businesses/", { status: 401, json: { error: "x" } });
      await thredfi.partner.GET("/v1/platform/businesses/");
      const ownClient = createClient<paths>({ baseUrl: server.url });
      ownClient.use(thredfi.middleware.business(BUSINESS_ID));
      await ownClient.GET(ONE, own);
      await failure(ownClient.GET("/v1/platform/businesses/"));
      const closed = clientFor({ url: "http://127.0.0.1:9" } as TestServer);
      expect(await failure(closed.tokens.partner())).toMatchObject({ code: "network_error" });
      for (const client of [thredfi, thredfi.partner, thredfi.business(BUSINESS_ID)]) {
        render(client);
      }
      render(thredfi.middleware);
    });
  });

  it("from a getToken that throws or returns garbage holding a token", async () => {
    await expectNoLeak(async ({ thredfi, failure, logger, render }) => {
      const businessToken = (await thredfi.tokens.business(BUSINESS_ID)).access_token;
      const throwing = createBusinessAuthClient({
        businessId: BUSINESS_ID,
        baseUrl: server.url,
        logger,
        getToken: async () => {
          throw new Error(`backend said ${businessToken}`);
        },
      });
      const garbage = createBusinessAuthClient({
        businessId: BUSINESS_ID,
        baseUrl: server.url,
        logger,
        getToken: async () => ({ access_token: businessToken, expires_in: "soon" }) as never,
      });
      for (const browser of [throwing, garbage]) {
        expect(await failure(browser.GET(ONE, own))).toMatchObject({
          code: "token_provider_error",
        });
        render(browser);
      }
    });
  });

  it("from options holding the API key where an id or a URL belongs", async () => {
    await expectNoLeak(async ({ failure }) => {
      const asId = await failure((async () => clientFor(server, { partnerId: API_KEY }))());
      const inUrl = await failure(
        (async () => clientFor(server, { baseUrl: `http://example.com/${API_KEY}` }))(),
      );
      expect([asId.code, inUrl.code]).toEqual(["invalid_config", "invalid_config"]);
    });
  });
});
