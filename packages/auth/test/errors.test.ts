import { inspect } from "node:util";
import {
  PARTNER_TOKEN_PATH,
  type Reply,
  startTestServer,
  type TestServer,
  useTestServer,
} from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import { createBusinessAuthClient, ThredfiAuthError, ThredfiError } from "../src/index.js";
import {
  BUSINESS_ID,
  clientFor,
  OTHER_BUSINESS_ID,
  rejectionOf,
  sleep,
} from "./support/fixtures.js";

const server = useTestServer();

async function partnerTokenFailure(reply: Reply, timeoutMs?: number): Promise<ThredfiAuthError> {
  server.queue("POST", PARTNER_TOKEN_PATH, reply);
  const thredfi = clientFor(server, timeoutMs === undefined ? {} : { timeoutMs });
  const error = await rejectionOf(thredfi.tokens.partner());
  expect(error).toBeInstanceOf(ThredfiAuthError);
  return error as ThredfiAuthError;
}

describe("token endpoint errors", () => {
  it("uses the `error` of an OAuth2 error body as code and its description", async () => {
    const error = await partnerTokenFailure({
      status: 400,
      json: { error: "unsupported_grant_type", error_description: "Only client_credentials" },
    });
    expect(error).toMatchObject({
      code: "unsupported_grant_type",
      description: "Only client_credentials",
      status: 400,
    });
    expect(error.message).toBe("unsupported_grant_type: Only client_credentials (HTTP 400)");
  });

  it("uses the `error_code` of a Thredfi error body and its `error` as description", async () => {
    const error = await partnerTokenFailure({
      status: 403,
      json: { error: "Partner is suspended", error_code: "permission_denied", details: {} },
    });
    expect(error).toMatchObject({
      code: "permission_denied",
      description: "Partner is suspended",
      status: 403,
    });
  });

  it("reports http_error for any other non-2xx answer", async () => {
    const error = await partnerTokenFailure({ status: 502, text: "<html>Bad gateway</html>" });
    expect(error).toMatchObject({ code: "http_error", status: 502 });
    expect(error.message).not.toContain("html");
  });

  it("does not take a sentence in `error` for a code", async () => {
    const error = await partnerTokenFailure({ status: 500, json: { error: "Something broke" } });
    expect(error).toMatchObject({ code: "http_error", description: "Something broke" });
  });

  it("reports timeout when the token endpoint is slower than timeoutMs", async () => {
    const error = await partnerTokenFailure({ delayMs: 1000, json: {} }, 50);
    expect(error).toMatchObject({ code: "timeout", status: undefined });
    expect(error.cause).toBeDefined();
  });

  it("times out through a fetch that ignores the signal and frees the token request", async () => {
    const own = await startTestServer();
    try {
      const deaf = async (request: Request) =>
        fetch(request.url, {
          method: "POST",
          headers: request.headers,
          body: await request.text(),
        });
      own.queue("POST", PARTNER_TOKEN_PATH, { delayMs: 10_000, json: {} });
      // Long enough for the second, prompt answer on a busy machine.
      const thredfi = clientFor(own, { fetch: deaf, timeoutMs: 500 });
      const error = await Promise.race([rejectionOf(thredfi.tokens.partner()), sleep(5000)]);
      expect(error).toMatchObject({ code: "timeout" });
      const token = await thredfi.tokens.partner();
      expect(token.access_token).toBe(own.issuedTokens[0]);
      expect(own.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
    } finally {
      await own.close();
    }
  });

  it("waits as long as the longest timeoutMs a timer can hold", async () => {
    const token = await clientFor(server, { timeoutMs: 2 ** 31 - 1 }).tokens.partner();
    expect(token.access_token).toBe(server.issuedTokens[0]);
  });

  it("reports network_error when nothing answers", async () => {
    const closed = clientFor({ url: "http://127.0.0.1:9" } as TestServer);
    const error = await rejectionOf(closed.tokens.partner());
    expect(error).toMatchObject({ code: "network_error", status: undefined });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it.each([
    ["a non-JSON body", { text: "not json" }],
    ["a JSON body that is not an object", { json: "token" }],
    ["a missing access_token", { json: { expires_in: 3600 } }],
    ["an empty access_token", { json: { access_token: "", expires_in: 3600 } }],
    ["an access_token with a line break", { json: { access_token: "a\r\nb", expires_in: 60 } }],
    ["a missing expires_in", { json: { access_token: "abc" } }],
    ["expires_in as a string", { json: { access_token: "abc", expires_in: "3600" } }],
    ["expires_in of 0", { json: { access_token: "abc", expires_in: 0 } }],
    ["a negative expires_in", { json: { access_token: "abc", expires_in: -5 } }],
    ["expires_in under 2 s", { json: { access_token: "abc", expires_in: 1.9 } }],
    ["token_type mac", { json: { access_token: "abc", token_type: "mac", expires_in: 60 } }],
    ["token_type DPoP", { json: { access_token: "abc", token_type: "DPoP", expires_in: 60 } }],
    ["an empty token_type", { json: { access_token: "abc", token_type: "", expires_in: 60 } }],
    ["token_type null", { json: { access_token: "abc", token_type: null, expires_in: 60 } }],
    ["token_type Bearer!", { json: { access_token: "a", token_type: "Bearer!", expires_in: 60 } }],
  ])("reports invalid_token_response for %s", async (_, reply) => {
    const error = await partnerTokenFailure(reply);
    expect(error).toMatchObject({ code: "invalid_token_response", status: 200 });
  });

  it.each(["Bearer", "bearer", "BEARER", undefined])(
    "accepts the token_type %s",
    async (token_type) => {
      server.queue("POST", PARTNER_TOKEN_PATH, {
        json: { access_token: "abc", token_type, expires_in: 60 },
      });
      const token = await clientFor(server).tokens.partner();
      expect(token).toMatchObject({ access_token: "abc", token_type: "Bearer" });
    },
  );

  it("refuses a business token whose token_type is not Bearer", async () => {
    server.queue("POST", `/v1/platform/${BUSINESS_ID}/oauth2/token/`, {
      json: { access_token: "t", token_type: "mac", expires_in: 3600, business_id: BUSINESS_ID },
    });
    const error = await rejectionOf(clientFor(server).tokens.business(BUSINESS_ID));
    expect(error).toMatchObject({ code: "invalid_token_response" });
  });

  it("escapes control characters of the server's error_code and description in the message", async () => {
    const error = await partnerTokenFailure({
      status: 400,
      json: {
        error: "forged\r\nINFO all good\u001b[2J\u2028\u202e",
        error_code: "bad\ncode\u0000",
      },
    });
    expect(error.code).toBe("bad\\u000acode\\u0000");
    expect(error.message).toBe(
      "bad\\u000acode\\u0000: forged\\u000d\\u000aINFO all good\\u001b[2J\\u2028\\u202e (HTTP 400)",
    );
  });

  it("reports invalid_token_response for a business token naming another business", async () => {
    server.queue("POST", `/v1/platform/${BUSINESS_ID}/oauth2/token/`, {
      json: { access_token: "t", expires_in: 3600, business_id: OTHER_BUSINESS_ID },
    });
    const error = await rejectionOf(clientFor(server).tokens.business(BUSINESS_ID));
    expect(error).toMatchObject({ code: "invalid_token_response" });
  });

  it("surfaces token errors from API calls as rejections of the call", async () => {
    server.queue("POST", PARTNER_TOKEN_PATH, {
      status: 401,
      json: { error: "invalid_client", error_description: "Unknown partner" },
    });
    const error = await rejectionOf(clientFor(server).partner.GET("/v1/platform/businesses/"));
    expect(error).toMatchObject({ code: "invalid_client", status: 401 });
    expect(server.count("GET", "/v1/platform/businesses/")).toBe(0);
  });
});

describe("client-side errors", () => {
  it("reports business_mismatch for a path of another business", async () => {
    const error = await rejectionOf(
      clientFor(server)
        .business(BUSINESS_ID)
        .GET("/v1/platform/businesses/{business_id}/", {
          params: { path: { business_id: OTHER_BUSINESS_ID } },
        }),
    );
    expect(error).toMatchObject({ code: "business_mismatch", status: undefined });
  });

  it("reports invalid_config for a bad option", () => {
    expect(() => clientFor(server, { partnerId: "not-an-id" })).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
  });

  it("reports token_provider_error when getToken throws", async () => {
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      getToken: () => {
        throw new Error("backend down");
      },
    });
    const error = await rejectionOf(
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      }),
    );
    expect(error).toMatchObject({ code: "token_provider_error" });
    expect((error as Error).cause).toEqual(new Error("backend down"));
  });

  it("reports token_provider_error when getToken returns a token_type other than Bearer", async () => {
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      getToken: () => ({ access_token: "x", expires_in: 60, token_type: "mac" }) as never,
    });
    const error = await rejectionOf(
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      }),
    );
    expect(error).toMatchObject({ code: "token_provider_error" });
    expect(server.requests).toHaveLength(0);
  });

  it("reports token_provider_error when getToken returns garbage", async () => {
    const biz = createBusinessAuthClient({
      businessId: BUSINESS_ID,
      baseUrl: server.url,
      getToken: async () => ({ token: "x" }) as never,
    });
    const error = await rejectionOf(
      biz.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: BUSINESS_ID } },
      }),
    );
    expect(error).toMatchObject({ code: "token_provider_error" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("ThredfiAuthError", () => {
  it("is an Error named ThredfiAuthError with a stack that says so", () => {
    const error = new ThredfiAuthError("timeout", "too slow");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ThredfiAuthError");
    expect(error.stack?.startsWith("ThredfiAuthError: timeout: too slow")).toBe(true);
  });

  it("is a ThredfiError, the base that catches everything the SDK throws", () => {
    const error = new ThredfiAuthError("timeout", "too slow");
    expect(error).toBeInstanceOf(ThredfiError);
    expect(new ThredfiError("x").name).toBe("ThredfiError");
  });

  it("serialises to its safe fields only, without the cause", () => {
    const error = new ThredfiAuthError("invalid_client", "bad", {
      status: 401,
      cause: { secret: "x" },
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "ThredfiAuthError",
      code: "invalid_client",
      status: 401,
      description: "bad",
    });
  });

  it("inspects as its stack, without the cause", () => {
    const error = new ThredfiAuthError("timeout", "too slow", { cause: new Error("inner-secret") });
    expect(inspect(error)).toBe(error.stack);
    expect(inspect(error)).not.toContain("inner-secret");
  });
});
