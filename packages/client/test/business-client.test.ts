import { useTestServer } from "@thredfi/test-support";
import { beforeEach, describe, expect, it } from "vitest";
import {
  type BusinessClientOptions,
  createBusinessClient,
  ThredfiAuthError,
  ThredfiNotFoundError,
  ThredfiTimeoutError,
} from "../src/index.js";
import {
  BUSINESS_ID,
  BUSINESS_PATH,
  FAST_RETRIES,
  received,
  rejectionOf,
  UUID_V4,
} from "./support/fixtures.js";

const server = useTestServer();
let tokensGiven = 0;
beforeEach(() => {
  tokensGiven = 0;
});

const template = "/v1/platform/businesses/{business_id}/" as const;
const params = { path: { business_id: BUSINESS_ID } };

function options(extra: Partial<BusinessClientOptions> = {}) {
  return {
    businessId: BUSINESS_ID,
    baseUrl: server.url,
    getToken: () => ({ access_token: `frontend-token-${++tokensGiven}`, expires_in: 3600 }),
    retryBackoff: FAST_RETRIES,
    logger: {},
    ...extra,
  };
}

describe("createBusinessClient", () => {
  it("sends the business token and answers { data, response }", async () => {
    const { data, response } = await createBusinessClient(options()).GET(template, { params });
    expect(response.status).toBe(200);
    expect(data).toEqual({ ok: true });
    expect(received(server, "GET", BUSINESS_PATH)[0]?.headers.authorization).toBe(
      "Bearer frontend-token-1",
    );
  });

  it("gives up on a getToken that never settles after timeoutMs, and asks again on the next call", async () => {
    let asked = 0;
    const biz = createBusinessClient(
      options({
        timeoutMs: 100,
        getToken: () =>
          ++asked === 1
            ? new Promise<never>(() => {})
            : { access_token: "later", expires_in: 3600 },
      }),
    );
    const error = await rejectionOf(biz.GET(template, { params }));
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect(error).toMatchObject({ code: "timeout" });
    expect(server.count("GET", BUSINESS_PATH)).toBe(0);
    const { response } = await biz.GET(template, { params });
    expect(response.status).toBe(200);
    expect(asked).toBe(2);
  });

  it("retries a 503 up to maxRetries", async () => {
    server.always("GET", BUSINESS_PATH, { status: 503, json: {} });
    await createBusinessClient(options()).GET(template, { params });
    expect(server.count("GET", BUSINESS_PATH)).toBe(3);
  });

  it("adds one Idempotency-Key to a PATCH, the same on its 401 replay with a fresh token", async () => {
    server.queue("PATCH", BUSINESS_PATH, { status: 401, json: {} });
    const { response } = await createBusinessClient(options()).PATCH(template, {
      params,
      body: { legal_name: "Acme" },
    });
    expect(response.status).toBe(200);
    const sent = received(server, "PATCH", BUSINESS_PATH);
    expect(sent.map((r) => r.headers.authorization)).toEqual([
      "Bearer frontend-token-1",
      "Bearer frontend-token-2",
    ]);
    expect(sent[0]?.headers["idempotency-key"]).toMatch(UUID_V4);
    expect(sent[1]?.headers["idempotency-key"]).toBe(sent[0]?.headers["idempotency-key"]);
  });

  it("times out a hung call", async () => {
    server.always("GET", BUSINESS_PATH, { delayMs: 3_000, json: {} });
    const error = await rejectionOf(
      createBusinessClient(options({ timeoutMs: 100, maxRetries: 0 })).GET(template, { params }),
    );
    expect(error).toBeInstanceOf(ThredfiTimeoutError);
  });

  it("with throwOnError throws a non-2xx as its ThredfiApiError", async () => {
    server.always("GET", BUSINESS_PATH, {
      status: 404,
      json: { error_code: "business_not_found" },
    });
    const client = createBusinessClient({ ...options(), throwOnError: true });
    const error = await rejectionOf(client.GET(template, { params }));
    expect(error).toBeInstanceOf(ThredfiNotFoundError);
  });

  it("still refuses a path outside its business with business_mismatch", async () => {
    const error = await rejectionOf(
      createBusinessClient(options()).GET("/v1/platform/businesses/"),
    );
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect((error as ThredfiAuthError).code).toBe("business_mismatch");
    expect(server.requests).toHaveLength(0);
  });
});
