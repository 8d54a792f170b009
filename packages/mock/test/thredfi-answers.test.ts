import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockServer, startMock } from "../src/index.js";

// One mock of the bundled spec, started with startMock's defaults, for every test of what it
// serves. Every answer the README shows is asked for with the exact Prefer header it shows.
const BUSINESS = "/v1/platform/businesses/3f2b8c1e-9d4a-4e6b-8a7c-2d1e0f9b8a76";
const partnerId = "a1b2c3d4-5678-90ab-cdef-1234567890ab";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock.close());

function get(path: string, prefer?: string): Promise<Response> {
  return fetch(`${mock.url}${path}`, {
    headers: { authorization: "Bearer token", ...(prefer ? { prefer } : {}) },
  });
}

function post(path: string, body: unknown, prefer?: string): Promise<Response> {
  return fetch(`${mock.url}${path}`, {
    method: "POST",
    headers: {
      authorization: "Bearer token",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(prefer ? { prefer } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function requestPartnerToken(): Promise<Response> {
  return fetch(`${mock.url}/v1/platform/oauth2/token/`, {
    method: "POST",
    headers: {
      authorization: `Basic ${btoa(`${partnerId}:test-key`)}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: partnerId }),
  });
}

describe("startMock with the defaults", () => {
  it("serves the bundled Thredfi spec on a free loopback port", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await requestPartnerToken();
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(await response.json()).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
  });

  it("answers the status asked for with Prefer: code=<status>", async () => {
    const response = await fetch(`${mock.url}/v1/platform/businesses/`, {
      headers: { authorization: "Bearer partner-token", prefer: "code=401" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toHaveProperty("error");
  });
});

describe("the errors Thredfi sends", () => {
  it("answers the token endpoint's 401 with invalid_client", async () => {
    const response = await fetch(`${mock.url}/v1/platform/oauth2/token/`, {
      method: "POST",
      headers: {
        authorization: `Basic ${btoa(`${partnerId}:wrong-key`)}`,
        "content-type": "application/x-www-form-urlencoded",
        prefer: "code=401",
      },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: partnerId }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: "invalid_client",
      error_description: "Invalid client credentials",
    });
  });

  it("answers a 400 with validation_error and the fields at fault", async () => {
    const response = await post(`${BUSINESS}/customers/`, { external_id: "c-1" }, "code=400");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "Invalid request data",
      error_code: "validation_error",
      details: { email: ["Enter a valid email address."] },
    });
  });

  it("answers a 404 with business_not_found", async () => {
    const response = await get(`${BUSINESS}/invoices/`, "code=404");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error_code: "business_not_found" });
  });

  it("answers a 403 with permission_denied", async () => {
    const response = await get(`${BUSINESS}/customers/`, "code=403");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: "business_id does not match token scope",
      error_code: "permission_denied",
    });
  });

  it("answers a 401 with authentication_required, or invalid_token when asked by name", async () => {
    const first = await get(`${BUSINESS}/invoices/`, "code=401");
    expect(await first.json()).toMatchObject({ error_code: "authentication_required" });
    const named = await get(`${BUSINESS}/invoices/`, "code=401, example=InvalidToken");
    expect(named.status).toBe(401);
    expect(await named.json()).toMatchObject({ error_code: "invalid_token" });
  });
});

describe("lists", () => {
  it.each([
    "/v1/platform/businesses/",
    `${BUSINESS}/customers/`,
    `${BUSINESS}/invoices/`,
    `${BUSINESS}/invoices/payments/`,
    `${BUSINESS}/invoices/refunds/`,
    `${BUSINESS}/invoices/refunds/e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b/payments/`,
  ])("%s answers one whole page: next null and page_info matching the results", async (path) => {
    const response = await get(`${path}?page=1&page_size=20`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      count: number;
      next: unknown;
      page_info: { total_count: number; current_page: number; total_pages: number };
      results: unknown[];
    };
    expect(page.next).toBeNull();
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.count).toBe(page.results.length);
    expect(page.page_info).toMatchObject({
      total_count: page.results.length,
      current_page: 1,
      total_pages: 1,
    });
  });
});

describe("a sale that hangs together", () => {
  it("answers the created customer, its invoice, the payment of it and the refund of it", async () => {
    const customer = (await (
      await post(`${BUSINESS}/customers/`, { external_id: "crm-customer-42" }, "code=201")
    ).json()) as { id: string };
    const invoice = (await (
      await post(`${BUSINESS}/invoices/`, { customer_id: customer.id }, "code=201")
    ).json()) as { id: string; customer: { id: string } };
    const payment = (await (
      await post(`${BUSINESS}/invoices/payments/`, { total_amount_cents: 12000 }, "code=201")
    ).json()) as { payment: { customer_id: string; applied_invoices: { id: string }[] } };
    const refund = (await (
      await post(`${BUSINESS}/invoices/refunds/`, { invoice_id: invoice.id }, "code=201")
    ).json()) as { customer_id: string; allocations: { invoice_id: string }[] };
    expect(invoice.customer.id).toBe(customer.id);
    expect(payment.payment.customer_id).toBe(customer.id);
    expect(payment.payment.applied_invoices[0]?.id).toBe(invoice.id);
    expect(refund.customer_id).toBe(customer.id);
    expect(refund.allocations[0]?.invoice_id).toBe(invoice.id);
  });
});

describe("a business token for any business", () => {
  it("names the business asked for, whatever its UUID", async () => {
    const businessId = crypto.randomUUID();
    const response = await fetch(`${mock.url}/v1/platform/${businessId}/oauth2/token/`, {
      method: "POST",
      headers: { authorization: "Bearer partner-token" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
    const token = (await response.json()) as Record<string, unknown>;
    expect(token).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      scope: "business_access",
      business_id: businessId,
    });
    const payload = String(token.access_token).split(".")[1] ?? "";
    expect(JSON.parse(Buffer.from(payload, "base64url").toString())).toMatchObject({
      business_id: businessId,
    });
  });

  it("still answers the documented errors: no Bearer token, or Prefer: code=404", async () => {
    const path = `/v1/platform/${crypto.randomUUID()}/oauth2/token/`;
    const anonymous = await fetch(`${mock.url}${path}`, { method: "POST" });
    expect(anonymous.status).toBe(401);
    const missing = await post(path, undefined, "code=404");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error_code: "business_not_found" });
  });
});

describe("answers to test retries against", () => {
  it("answers Prefer: code=429 with Retry-After and Thredfi's error body, on any operation", async () => {
    for (const response of [
      await get("/v1/platform/businesses/", "code=429"),
      await post(`${BUSINESS}/invoices/payments/`, { total_amount_cents: 12000 }, "code=429"),
      await post(`/v1/platform/${crypto.randomUUID()}/oauth2/token/`, undefined, "code=429"),
    ]) {
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(await response.json()).toEqual({
        error: "Request was throttled. Expected available in 1 second.",
        error_code: "rate_limited",
      });
    }
  });

  it("waits as long as Prefer: code=429, retry-after=<seconds> asks", async () => {
    const response = await get(`${BUSINESS}/customers/`, "code=429, retry-after=30");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toMatchObject({ error_code: "rate_limited" });
  });

  it.each([
    [500, "server_error", "Internal server error"],
    [502, "bad_gateway", "Bad gateway"],
    [503, "service_unavailable", "Service temporarily unavailable"],
  ])(
    "answers Prefer: code=%i with Retry-After and error_code %s",
    async (status, errorCode, error) => {
      const response = await get(`${BUSINESS}/invoices/`, `code=${status}`);
      expect(response.status).toBe(status);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ error, error_code: errorCode });
    },
  );

  it("waits as long as Prefer: code=503, retry-after=0 asks", async () => {
    const response = await get(`${BUSINESS}/`, "code=503, retry-after=0");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("0");
  });

  it("answers OAuth2's error body on the partner-token endpoint, whose errors are OAuth2's", async () => {
    for (const [status, error] of [
      [429, "temporarily_unavailable"],
      [500, "server_error"],
      [502, "server_error"],
      [503, "temporarily_unavailable"],
    ] as const) {
      const response = await fetch(`${mock.url}/v1/platform/oauth2/token/`, {
        method: "POST",
        headers: {
          authorization: `Basic ${btoa(`${partnerId}:test-key`)}`,
          "content-type": "application/x-www-form-urlencoded",
          prefer: `code=${status}`,
        },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: partnerId }),
      });
      expect(response.status).toBe(status);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(await response.json()).toEqual({ error, error_description: expect.any(String) });
    }
  });

  it("leaves every other status to Prism", async () => {
    const response = await get(`${BUSINESS}/`, "code=404");
    expect(response.status).toBe(404);
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toMatchObject({ error_code: "business_not_found" });
  });
});

describe("valid requests", () => {
  it("come back without sl-violations", async () => {
    const responses = [
      await requestPartnerToken(),
      await post(`/v1/platform/${crypto.randomUUID()}/oauth2/token/`, undefined),
      await get("/v1/platform/businesses/?page=1&page_size=20"),
      await get(`${BUSINESS}/`),
      await get(`${BUSINESS}/invoices/?customer_id=c5a1e7d2-4b3f-4c8e-9a6d-1f2e3d4c5b6a&page=1`),
      await post(`${BUSINESS}/customers/`, {
        external_id: "crm-customer-42",
        company_name: "Bramble & Finch Ltd",
        metadata: { order_id: "o-1" },
      }),
      await post(
        `${BUSINESS}/invoices/payments/5d4e3f2a-1b0c-4d9e-8f7a-6b5c4d3e2f1a/delete/`,
        undefined,
      ),
      await post(`${BUSINESS}/invoices/refunds/e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b/payments/`, {
        amount_cents: 2500,
        method: "BANK_TRANSFER",
        external_id: "refund-payment-7",
      }),
    ];
    for (const response of responses) {
      expect(response.status, response.url).toBeLessThan(300);
      expect(response.headers.get("sl-violations"), response.url).toBeNull();
    }
  });
});
