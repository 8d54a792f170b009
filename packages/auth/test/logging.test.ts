import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import { BUSINESS_ID, clientFor, recordingLogger, rejectionOf } from "./support/fixtures.js";

const server = useTestServer();

describe("logger", () => {
  it("gets a line per token fetch and refresh at info, failure at warn and replay at debug", async () => {
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
      "info fetching the partner token",
      "warn fetching the partner token failed: invalid_client",
      "info fetching business 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0's token",
      "info fetching the partner token",
      "debug 401; replaying with a fresh token",
      "info fetching the partner token",
      "info fetching business 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0's token",
      "info fetching the partner token",
      "info partner token refused; fetching a new one",
      "info fetching the partner token",
    ]);
  });

  it("may be absent or have only one of its methods", async () => {
    await clientFor(server).tokens.partner();
    const warnOnly = clientFor(server, { logger: { warn: () => {} } });
    await expect(warnOnly.tokens.partner()).resolves.toMatchObject({ token_type: "Bearer" });
  });
});

describe("a logger that fails", () => {
  const throwing = {
    debug: () => {
      throw new Error("log sink down");
    },
    info: () => {
      throw new Error("log sink down");
    },
    warn: () => {
      throw new Error("log sink down");
    },
  };

  it("never turns a token fetched fine into a failure", async () => {
    const thredfi = clientFor(server, { logger: throwing });
    const token = await thredfi.tokens.business(BUSINESS_ID);
    expect(token.access_token).toBe(server.issuedTokens[1]);
  });

  it("never replaces the real error of a failed token request", async () => {
    server.queue("POST", PARTNER_TOKEN_PATH, { status: 401, json: { error: "invalid_client" } });
    const error = await rejectionOf(clientFor(server, { logger: throwing }).tokens.partner());
    expect(error).toMatchObject({ code: "invalid_client", status: 401 });
  });

  it("never breaks the replay after a 401", async () => {
    const thredfi = clientFor(server, { logger: throwing });
    server.queue("GET", "/v1/platform/businesses/", { status: 401, json: { error: "expired" } });
    const { response } = await thredfi.partner.GET("/v1/platform/businesses/");
    expect(response.status).toBe(200);
  });

  it("never causes an unhandled rejection when its methods return rejected promises", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const rejecting = {
        info: () => Promise.reject(new Error("async sink down")),
        warn: () => Promise.reject(new Error("async sink down")),
      };
      server.queue("POST", PARTNER_TOKEN_PATH, { status: 500, json: { error: "server_error" } });
      const thredfi = clientFor(server, { logger: rejecting as never });
      await rejectionOf(thredfi.tokens.partner());
      await thredfi.tokens.partner();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });
});

describe("log lines", () => {
  it("escape control characters the server sent", async () => {
    const logger = recordingLogger();
    server.queue("POST", PARTNER_TOKEN_PATH, {
      status: 400,
      json: { error_code: "x\nINFO forged line\u001b[0m", error: "y" },
    });
    await rejectionOf(clientFor(server, { logger }).tokens.partner());
    expect(logger.lines).toContain(
      "warn fetching the partner token failed: x\\u000aINFO forged line\\u001b[0m",
    );
    expect(logger.lines.join("").match(/\p{Cc}/u)).toBeNull();
  });
});
