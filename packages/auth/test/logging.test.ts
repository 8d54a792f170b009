import { describe, expect, it } from "vitest";
import { BUSINESS_ID, clientFor, recordingLogger, rejectionOf } from "./support/fixtures.js";
import { PARTNER_TOKEN_PATH, useTestServer } from "./support/test-server.js";

const server = useTestServer();

describe("logger", () => {
  it("gets a line per token fetch, refresh after a 401, replay and failure", async () => {
    const logger = recordingLogger();
    const thredfi = clientFor(server, { logger });
    server.queue("POST", PARTNER_TOKEN_PATH, {
      status: 401,
      json: { error: "invalid_client", error_description: "Unknown partner" },
    });
    await rejectionOf(thredfi.tokens.partner());
    await thredfi.tokens.business(BUSINESS_ID);
    server.queue("GET", "/v1/platform/businesses/", { status: 401, json: { error: "expired" } });
    await thredfi.partner.GET("/v1/platform/businesses/");
    server.queue("POST", `/v1/platform/${BUSINESS_ID}/oauth2/token/`, { status: 401, json: {} });
    thredfi.tokens.clear();
    await thredfi.tokens.business(BUSINESS_ID);

    expect(logger.lines).toEqual([
      "debug fetching the partner token",
      "warn fetching the partner token failed: invalid_client",
      "debug fetching business 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0's token",
      "debug fetching the partner token",
      "debug 401; replaying with a fresh token",
      "debug fetching the partner token",
      "debug fetching business 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0's token",
      "debug fetching the partner token",
      "debug partner token refused; fetching a new one",
      "debug fetching the partner token",
    ]);
  });

  it("may be absent or have only one of its methods", async () => {
    await clientFor(server).tokens.partner();
    const warnOnly = clientFor(server, { logger: { warn: () => {} } });
    await expect(warnOnly.tokens.partner()).resolves.toMatchObject({ token_type: "Bearer" });
  });
});
