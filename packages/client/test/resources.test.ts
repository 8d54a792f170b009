import { inspect } from "node:util";
import { type ReceivedRequest, useTestServer } from "@thredfi/test-support";
import { describe, expect, it } from "vitest";
import {
  createBusinessClient,
  ThredfiAuthError,
  ThredfiError,
  ThredfiNotFoundError,
  ThredfiUnprocessableEntityError,
} from "../src/index.js";
import {
  API_KEY,
  BUSINESS_ID,
  BUSINESS_PATH,
  BUSINESSES_PATH,
  clientFor,
  FAST_RETRIES,
  rejectionOf,
  UUID_V4,
} from "./support/fixtures.js";

const server = useTestServer();
const thredfi = () => clientFor(server);
const biz = () => thredfi().business(BUSINESS_ID);

const INVOICES_PATH = `${BUSINESS_PATH}invoices/`;
const invoice = (n: number) => ({ id: `inv-${n}`, invoice_number: `INV-${n}` });

/** The API requests the server received (token requests left out). */
function apiRequests(): ReceivedRequest[] {
  return server.requests.filter((request) => !request.path.includes("/oauth2/"));
}

function lastRequest(): ReceivedRequest {
  const requests = apiRequests();
  const last = requests[requests.length - 1];
  if (!last) throw new Error("no API request was sent");
  return last;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe("resource methods send their operation through the pipeline", () => {
  it("list() sends GET with the query and resolves to the first page", async () => {
    server.always("GET", INVOICES_PATH, () => ({
      json: { count: 1, next: null, results: [invoice(1)] },
    }));
    const page = await biz().invoices.list({ page_size: 50 });
    expect(page.data).toEqual([invoice(1)]);
    expect(page.items).toBe(page.data);
    expect(page.count).toBe(1);
    expect(page.page).toBe(1);
    expect(page.hasNextPage()).toBe(false);
    const request = lastRequest();
    expect(request.method).toBe("GET");
    expect(request.url).toBe(`${INVOICES_PATH}?page_size=50`);
    expect(request.headers.authorization).toMatch(/^Bearer /);
  });

  it("create() sends POST with the JSON body and an idempotency key, and resolves to the data", async () => {
    server.always("POST", INVOICES_PATH, () => ({ status: 201, json: invoice(7) }));
    const created = await biz().invoices.create({
      customer_id: "cus-1",
      line_items: [{ description: "Beans", quantity: 1, unit_price: 30 }],
    });
    expect(created).toEqual(invoice(7));
    const request = lastRequest();
    expect(request.method).toBe("POST");
    expect(request.path).toBe(INVOICES_PATH);
    expect(JSON.parse(request.body)).toEqual({
      customer_id: "cus-1",
      line_items: [{ description: "Beans", quantity: 1, unit_price: 30 }],
    });
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["idempotency-key"]).toMatch(UUID_V4);
  });

  it("retrieve() puts the ids after the business into the path, encoded", async () => {
    server.always("GET", `${BUSINESS_PATH}invoices/refunds/re%2F1%20x/`, () => ({
      json: { id: "re/1 x" },
    }));
    await expect(biz().invoices.refunds.retrieve("re/1 x")).resolves.toEqual({ id: "re/1 x" });
    expect(lastRequest().method).toBe("GET");
  });

  it("update() sends PUT for an invoice, and an action is a POST of its own path", async () => {
    await biz().invoices.update("inv-1", { customer_id: "cus-2", line_items: [] });
    expect([lastRequest().method, lastRequest().path]).toEqual(["PUT", `${INVOICES_PATH}inv-1/`]);
    await biz().invoices.void("inv-1", { memo: "duplicate" });
    expect([lastRequest().method, lastRequest().path]).toEqual([
      "POST",
      `${INVOICES_PATH}inv-1/void/`,
    ]);
    server.always("GET", `${INVOICES_PATH}refunds/re-9/payments/`, () => ({
      json: { results: [] },
    }));
    await biz().invoices.refunds.payments.list("re-9");
    expect(lastRequest().path).toBe(`${INVOICES_PATH}refunds/re-9/payments/`);
  });

  it("partner resources send the partner token; business resources that business's token", async () => {
    const client = thredfi();
    server.always("GET", BUSINESSES_PATH, () => ({ json: { count: 0, results: [] } }));
    await client.businesses.list();
    await client.businesses.retrieve(BUSINESS_ID);
    await client.businesses.update(BUSINESS_ID, { legal_name: "Renamed Ltd" });
    await client.business(BUSINESS_ID).customers.retrieve("cus-1");
    const [list, retrieve, update, customer] = apiRequests();
    expect([list?.method, list?.path]).toEqual(["GET", BUSINESSES_PATH]);
    expect([retrieve?.method, retrieve?.path]).toEqual(["GET", BUSINESS_PATH]);
    expect([update?.method, update?.path]).toEqual(["PATCH", BUSINESS_PATH]);
    expect([customer?.method, customer?.path]).toEqual(["GET", `${BUSINESS_PATH}customers/cus-1/`]);
    const [partnerToken, businessToken] = server.issuedTokens;
    expect(list?.headers.authorization).toBe(`Bearer ${partnerToken}`);
    expect(update?.headers.authorization).toBe(`Bearer ${partnerToken}`);
    expect(customer?.headers.authorization).toBe(`Bearer ${businessToken}`);
  });

  it("createBusinessClient has the same resources, with the token from getToken", async () => {
    const client = createBusinessClient({
      businessId: BUSINESS_ID,
      getToken: () => ({ access_token: "frontend-token", expires_in: 600 }),
      baseUrl: server.url,
      logger: {},
    });
    server.always("GET", `${BUSINESS_PATH}customers/`, () => ({ json: { results: [] } }));
    await client.customers.list();
    await client.customers.archive("cus-1", {});
    expect(apiRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET ${BUSINESS_PATH}customers/`,
      `POST ${BUSINESS_PATH}customers/cus-1/archive/`,
    ]);
    expect(lastRequest().headers.authorization).toBe("Bearer frontend-token");
    // The path-style calls stay beside the resources.
    expect(typeof client.GET).toBe("function");
  });
});

describe(".withResponse()", () => {
  it("gives the data, the response and its request id", async () => {
    server.always("POST", `${BUSINESS_PATH}customers/`, () => ({
      status: 201,
      json: { id: "cus-1" },
      headers: { "x-request-id": "req_42" },
    }));
    const { data, response, requestId } = await biz()
      .customers.create({ external_id: "crm-1" })
      .withResponse();
    expect(data).toEqual({ id: "cus-1" });
    expect(response.status).toBe(201);
    expect(requestId).toBe("req_42");
    expect(apiRequests()).toHaveLength(1);
  });

  it("on a list, gives the first page", async () => {
    server.always("GET", INVOICES_PATH, () => ({ json: { count: 1, results: [invoice(1)] } }));
    const { data, response } = await biz().invoices.list().withResponse();
    expect(data.data).toEqual([invoice(1)]);
    expect(response.ok).toBe(true);
  });

  it("rejects with the ThredfiApiError of a non-2xx, as the data promise does", async () => {
    server.always("GET", `${BUSINESS_PATH}customers/nope/`, () => ({
      status: 404,
      json: { error: "not found", error_code: "customer_not_found" },
    }));
    const error = await rejectionOf(biz().customers.retrieve("nope").withResponse());
    expect(error).toBeInstanceOf(ThredfiNotFoundError);
    expect((error as ThredfiNotFoundError).code).toBe("customer_not_found");
  });
});

describe("errors", () => {
  it("a non-2xx rejects with its ThredfiApiError subclass", async () => {
    server.always("POST", INVOICES_PATH, () => ({
      status: 422,
      json: { error: "invalid", error_code: "invoice_locked" },
    }));
    const error = await rejectionOf(biz().invoices.create({ customer_id: "c", line_items: [] }));
    expect(error).toBeInstanceOf(ThredfiUnprocessableEntityError);
    expect((error as ThredfiUnprocessableEntityError).status).toBe(422);
  });

  it("a missing path id rejects before anything is sent", async () => {
    const error = await rejectionOf(
      biz().invoices.update("", { customer_id: "c", line_items: [] }),
    );
    expect(error).toBeInstanceOf(ThredfiError);
    expect((error as Error).message).toContain("{invoice_id}");
    expect(apiRequests()).toHaveLength(0);
  });

  it("invalid options reject with invalid_config, naming the option", async () => {
    const error = await rejectionOf(biz().invoices.list({}, { timeoutMs: -1 }));
    expect(error).toBeInstanceOf(ThredfiAuthError);
    expect((error as Error).message).toContain("timeoutMs");
  });

  it("util.inspect and JSON of a client and its resources never show the API key", () => {
    const client = thredfi();
    const business = client.business(BUSINESS_ID);
    for (const shown of [client, client.businesses, business, business.invoices.payments]) {
      expect(inspect(shown, { depth: 10, showHidden: true })).not.toContain(API_KEY);
      expect(JSON.stringify(shown)).not.toContain(API_KEY);
    }
  });

  it("a method taken off its resource throws a ThredfiError, not a TypeError", () => {
    const { list } = biz().invoices;
    expect(() => list()).toThrow(ThredfiError);
  });
});

describe("per-call options", () => {
  it("are never sent on the wire; headers and the idempotency key are", async () => {
    server.always("POST", `${BUSINESS_PATH}invoices/payments/`, () => ({
      status: 201,
      json: { id: "pay-1" },
    }));
    const controller = new AbortController();
    await biz().invoices.payments.create(
      { customer_id: "cus-1", total_amount_cents: 12_000 },
      {
        idempotencyKey: "pay-7781",
        timeoutMs: 5_000,
        maxRetries: 0,
        signal: controller.signal,
        headers: { "X-Trace": "trace-1" },
      },
    );
    const request = lastRequest();
    expect(request.url).toBe(`${BUSINESS_PATH}invoices/payments/`);
    expect(JSON.parse(request.body)).toEqual({ customer_id: "cus-1", total_amount_cents: 12_000 });
    expect(request.headers["idempotency-key"]).toBe("pay-7781");
    expect(request.headers["x-trace"]).toBe("trace-1");
    const names = Object.keys(request.headers).join(" ").toLowerCase();
    for (const option of ["timeout", "retries", "signal", "idempotencykey"]) {
      expect(names).not.toContain(option);
    }
  });

  it("maxRetries and idempotencyKey: null change this call's retries", async () => {
    const client = clientFor(server, { retryBackoff: FAST_RETRIES });
    server.always("POST", INVOICES_PATH, () => ({ status: 503, json: {} }));
    await rejectionOf(
      client
        .business(BUSINESS_ID)
        .invoices.create({ customer_id: "c", line_items: [] }, { maxRetries: 1 }),
    );
    expect(server.count("POST", INVOICES_PATH)).toBe(2);
    await rejectionOf(
      client
        .business(BUSINESS_ID)
        .invoices.create({ customer_id: "c", line_items: [] }, { idempotencyKey: null }),
    );
    // Without a key a POST is never retried.
    expect(server.count("POST", INVOICES_PATH)).toBe(3);
    expect(lastRequest().headers["idempotency-key"]).toBeUndefined();
  });

  it("signal aborts the call with its reason", async () => {
    const controller = new AbortController();
    server.always("GET", `${BUSINESS_PATH}customers/cus-1/`, () => ({ json: {}, delayMs: 2_000 }));
    const call = biz().customers.retrieve("cus-1", { signal: controller.signal });
    // Aborted once the server has the request: no request of this test reaches the next one.
    await expect.poll(() => server.count("GET", `${BUSINESS_PATH}customers/cus-1/`)).toBe(1);
    controller.abort(new Error("stop"));
    await expect(call).rejects.toThrow("stop");
  });
});

describe("list() pages", () => {
  /** Five invoices, two a page, with the page's number from the query. */
  function serveFivePages() {
    server.always("GET", INVOICES_PATH, (request) => {
      const page = Number(new URL(request.url, "http://x").searchParams.get("page") ?? "1");
      const results = [invoice(2 * page - 1), invoice(2 * page)].filter(
        (item) => Number(item.id.slice(4)) <= 5,
      );
      return { json: { count: 5, next: page < 3 ? `?page=${page + 1}` : null, results } };
    });
  }

  it("for await yields every item of every page, reusing the first page's answer", async () => {
    serveFivePages();
    const items = await collect(biz().invoices.list({ page_size: 2 }));
    expect(items.map((item) => item.id)).toEqual(["inv-1", "inv-2", "inv-3", "inv-4", "inv-5"]);
    expect(apiRequests().map((request) => request.url)).toEqual([
      `${INVOICES_PATH}?page_size=2`,
      `${INVOICES_PATH}?page_size=2&page=2`,
      `${INVOICES_PATH}?page_size=2&page=3`,
    ]);
  });

  it("getNextPage() walks page by page until hasNextPage() is false", async () => {
    serveFivePages();
    let page = await biz().invoices.list({ page_size: 2 });
    const seen = [page.page];
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      seen.push(page.page);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(page.data.map((item) => item.id)).toEqual(["inv-5"]);
    await expect(page.getNextPage()).rejects.toThrow(ThredfiError);
  });

  it("stops on a server that ignores `page`", async () => {
    server.always("GET", INVOICES_PATH, () => ({ json: { results: [invoice(1), invoice(2)] } }));
    const items = await collect(biz().invoices.list());
    expect(items).toHaveLength(2);
    expect(apiRequests()).toHaveLength(2);
  });

  it("a failing page rejects the iteration with its ThredfiApiError", async () => {
    server.queue("GET", INVOICES_PATH, { json: { count: 4, results: [invoice(1), invoice(2)] } });
    server.queue("GET", INVOICES_PATH, { status: 404, json: { error: "gone" } });
    const error = await rejectionOf(collect(biz().invoices.list()));
    expect(error).toBeInstanceOf(ThredfiNotFoundError);
  });

  it("the caller's signal ends the walk with its reason", async () => {
    serveFivePages();
    const controller = new AbortController();
    const items: unknown[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const item of biz().invoices.list(
          { page_size: 2 },
          { signal: controller.signal },
        )) {
          items.push(item);
          controller.abort(new Error("enough"));
        }
      })(),
    );
    expect((error as Error).message).toBe("enough");
    expect(items).toHaveLength(2);
    expect(apiRequests()).toHaveLength(1);
  });
});
