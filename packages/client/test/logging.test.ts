import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBusinessClient, createThredfiClient } from "../src/index.js";
import {
  API_KEY,
  BUSINESS_ID,
  BUSINESSES_PATH,
  clientFor,
  PARTNER_ID,
  recordingLogger,
  rejectionOf,
} from "./support/fixtures.js";

const server = useTestServer();
afterEach(() => vi.unstubAllEnvs());

const SECRET_QUERY = "q-value-that-must-not-be-logged";

describe("debug: one line per attempt", () => {
  it("logs method, path template, status, duration, attempt and request id", async () => {
    server.always("GET", `/v1/platform/businesses/${BUSINESS_ID}/`, {
      json: {},
      headers: { "x-request-id": "req_abc" },
    });
    const logger = recordingLogger();
    const thredfi = clientFor(server, { logger, logLevel: "debug" });
    await thredfi.partner.GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
    });
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^debug thredfi: GET \/v1\/platform\/businesses\/\{business_id\}\/ 200 \d+ms attempt=1 request_id=req_abc$/,
      ),
    );
  });

  it("logs every attempt of a retried call with its number", async () => {
    server.queue("GET", BUSINESSES_PATH, { status: 503, json: {} }, { status: 500, json: {} });
    const logger = recordingLogger();
    await clientFor(server, { logger, logLevel: "debug" }).partner.GET(BUSINESSES_PATH);
    const attempts = logger.lines.filter((line) =>
      line.startsWith("debug thredfi: GET /v1/platform/businesses/ "),
    );
    expect(attempts).toEqual([
      expect.stringMatching(/ 503 \d+ms attempt=1$/),
      expect.stringMatching(/ 500 \d+ms attempt=2$/),
      expect.stringMatching(/ 200 \d+ms attempt=3$/),
    ]);
  });

  it("logs token requests by their template", async () => {
    const logger = recordingLogger();
    await clientFor(server, { logger, logLevel: "debug" }).tokens.business(BUSINESS_ID);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/^debug thredfi: POST \/v1\/platform\/oauth2\/token\/ 200 /),
    );
    expect(logger.lines).toContainEqual(
      expect.stringMatching(
        /^debug thredfi: POST \/v1\/platform\/\{business_id\}\/oauth2\/token\/ 200 /,
      ),
    );
  });

  it("logs a timed-out attempt as timeout", async () => {
    server.always("GET", BUSINESSES_PATH, { delayMs: 2_000, json: {} });
    const logger = recordingLogger();
    await rejectionOf(
      clientFor(server, { logger, logLevel: "debug", timeoutMs: 100, maxRetries: 0 }).partner.GET(
        BUSINESSES_PATH,
      ),
    );
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/GET \/v1\/platform\/businesses\/ timeout \d+ms attempt=1$/),
    );
  });
});

describe("info and warn", () => {
  it("info logs each retry with the attempt number and the delay", async () => {
    server.queue("GET", BUSINESSES_PATH, {
      status: 503,
      json: {},
      headers: { "Retry-After": "0" },
    });
    const logger = recordingLogger();
    await clientFor(server, { logger, logLevel: "info" }).partner.GET(BUSINESSES_PATH);
    expect(logger.lines).toContainEqual(
      "info thredfi: GET /v1/platform/businesses/: HTTP 503 on attempt 1; retrying in 0 ms (attempt 2 of 3)",
    );
    expect(logger.lines.some((line) => line.startsWith("debug"))).toBe(false);
  });

  it("info logs token fetches", async () => {
    const logger = recordingLogger();
    await clientFor(server, { logger, logLevel: "info" }).partner.GET(BUSINESSES_PATH);
    expect(logger.lines).toContainEqual(expect.stringMatching(/^info thredfi: .*partner token/));
  });

  it("warn logs retries exhausted, and nothing at info", async () => {
    server.always("GET", BUSINESSES_PATH, { status: 503, json: {} });
    const logger = recordingLogger();
    await clientFor(server, { logger, logLevel: "warn" }).partner.GET(BUSINESSES_PATH);
    expect(logger.lines).toEqual([
      "warn thredfi: GET /v1/platform/businesses/: HTTP 503 after 3 attempts; giving up",
    ]);
  });

  it("warn logs a failed token fetch", async () => {
    server.always("POST", PARTNER_TOKEN_PATH, { status: 401, json: { error: "invalid_client" } });
    const logger = recordingLogger();
    await rejectionOf(clientFor(server, { logger, logLevel: "warn" }).tokens.partner());
    expect(logger.lines).toContainEqual(expect.stringMatching(/^warn thredfi: .*invalid_client/));
  });

  it("off logs nothing", async () => {
    server.always("GET", BUSINESSES_PATH, { status: 503, json: {} });
    const logger = recordingLogger();
    await clientFor(server, { logger, logLevel: "off" }).partner.GET(BUSINESSES_PATH);
    expect(logger.lines).toEqual([]);
  });
});

describe("the default level", () => {
  it("comes from THREDFI_LOG", async () => {
    vi.stubEnv("THREDFI_LOG", "debug");
    const logger = recordingLogger();
    await clientFor(server, { logger }).partner.GET(BUSINESSES_PATH);
    expect(logger.lines.some((line) => line.startsWith("debug thredfi: GET"))).toBe(true);
  });

  it("is warn without THREDFI_LOG", async () => {
    vi.stubEnv("THREDFI_LOG", "");
    server.queue("GET", BUSINESSES_PATH, { status: 503, json: {} });
    const logger = recordingLogger();
    await clientFor(server, { logger }).partner.GET(BUSINESSES_PATH);
    expect(logger.lines).toEqual([]);
  });

  it("is warn when THREDFI_LOG names no level", async () => {
    vi.stubEnv("THREDFI_LOG", "verbose");
    const logger = recordingLogger();
    await clientFor(server, { logger }).partner.GET(BUSINESSES_PATH);
    expect(logger.lines).toEqual([]);
  });

  it("writes to the console when no logger is given", async () => {
    server.always("GET", BUSINESSES_PATH, { status: 503, json: {} });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const thredfi = createThredfiClient({
        partnerId: PARTNER_ID,
        apiKey: API_KEY,
        baseUrl: server.url,
        logLevel: "warn",
        retryBackoff: { initialDelayMs: 1, maxDelayMs: 2 },
      });
      await thredfi.partner.GET(BUSINESSES_PATH);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("giving up"));
    } finally {
      warn.mockRestore();
    }
  });
});

describe("log lines never carry secrets", () => {
  it("no API key, token or query value at debug, through retries, replays and failures", async () => {
    server.queue(
      "GET",
      BUSINESSES_PATH,
      { status: 503, json: { error: API_KEY } },
      { status: 401, json: {} },
    );
    server.queue("POST", PARTNER_TOKEN_PATH, { status: 500, json: { error: `echo ${API_KEY}` } });
    const logger = recordingLogger();
    const thredfi = clientFor(server, { logger, logLevel: "debug" });
    await thredfi.partner.GET(BUSINESSES_PATH, { params: { query: { country: SECRET_QUERY } } });
    const business = createBusinessClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      getToken: () => thredfi.tokens.business(BUSINESS_ID),
      logger,
      logLevel: "debug",
    });
    await business.GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: BUSINESS_ID } },
    });
    const all = logger.lines.join("\n");
    expect(logger.lines.length).toBeGreaterThan(5);
    expect(all).not.toContain(API_KEY);
    expect(all).not.toContain(SECRET_QUERY);
    expect(all).not.toContain("?");
    for (const token of server.issuedTokens) expect(all).not.toContain(token);
  });
});
