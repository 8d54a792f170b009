import { describe, expectTypeOf, it } from "vitest";
import {
  type APIPromise,
  type Business,
  type CreateInvoiceRequest,
  type Customer,
  createBusinessClient,
  createThredfiClient,
  type Invoice,
  type Page,
  type PagePromise,
  type WithResponse,
} from "../src/index.js";
import { API_KEY, BUSINESS_ID, PARTNER_ID } from "./support/fixtures.js";

// Type-level checks: the calls below are built but never awaited against a server.
const thredfi = createThredfiClient({
  partnerId: PARTNER_ID,
  apiKey: API_KEY,
  baseUrl: "http://127.0.0.1:9",
});
const biz = thredfi.business(BUSINESS_ID);
const never = <T>(make: () => T): void => void make;

describe("resource method types", () => {
  it("a method resolves to the operation's data, required fields present", () => {
    expectTypeOf(thredfi.businesses.retrieve).returns.toEqualTypeOf<APIPromise<Business>>();
    expectTypeOf(biz.customers.create).returns.toEqualTypeOf<APIPromise<Customer>>();
    expectTypeOf<
      Awaited<ReturnType<typeof thredfi.businesses.create>>["id"]
    >().toEqualTypeOf<string>();
  });

  it("list() is a promise of the first page and an async iterable of the items", () => {
    type Invoices = ReturnType<typeof biz.invoices.list>;
    expectTypeOf<Invoices>().toMatchTypeOf<PagePromise<Invoice>>();
    expectTypeOf<Awaited<Invoices>>().toMatchTypeOf<Page<Invoice>>();
    expectTypeOf<Awaited<Invoices>["data"]>().toEqualTypeOf<Invoice[]>();
    expectTypeOf<Invoices>().toMatchTypeOf<AsyncIterable<Invoice>>();
  });

  it("withResponse() adds the response and the request id", () => {
    type Answer = Awaited<ReturnType<ReturnType<typeof biz.invoices.create>["withResponse"]>>;
    expectTypeOf<Answer>().toEqualTypeOf<WithResponse<Invoice>>();
    expectTypeOf<Answer["requestId"]>().toEqualTypeOf<string | undefined>();
  });

  it("the body parameter is the operation's request type itself", () => {
    expectTypeOf(biz.invoices.create).parameter(0).toEqualTypeOf<CreateInvoiceRequest>();
  });

  it("a misspelled body field does not compile", () => {
    never(() =>
      biz.invoices.payments.create({
        customer_id: "cus-1",
        // @ts-expect-error: the field is total_amount_cents
        total_amount_cent: 5,
      }),
    );
    never(() =>
      // @ts-expect-error: businesses have no such field
      thredfi.businesses.update(BUSINESS_ID, { legal_nam: "Acme" }),
    );
  });

  it("a missing required field does not compile", () => {
    never(() =>
      // @ts-expect-error: legal_name, entity_type and email are required
      thredfi.businesses.create({ external_id: "acme-001" }),
    );
    never(() =>
      // @ts-expect-error: the body of a create is required
      biz.customers.create(),
    );
  });

  it("path ids come first, as strings, and a wrong query field does not compile", () => {
    never(() =>
      // @ts-expect-error: the invoice id is missing
      biz.invoices.void({ memo: "duplicate" }),
    );
    // @ts-expect-error: list_invoices has no such query parameter
    never(() => biz.invoices.list({ page_sise: 5 }));
    never(() => biz.invoices.list({ page_size: 5 }, { timeoutMs: 5_000, signal: undefined }));
  });

  it("per-call options are typed", () => {
    never(() =>
      biz.invoices.payments.create(
        { customer_id: "cus-1" },
        { idempotencyKey: "pay-7781", maxRetries: 0, headers: { "X-Trace": "1" } },
      ),
    );
    // @ts-expect-error: timeoutMs is a number of milliseconds
    never(() => biz.customers.retrieve("cus-1", { timeoutMs: "5s" }));
  });

  it("a frontend's business client has the same resources", () => {
    const frontend = createBusinessClient({
      businessId: BUSINESS_ID,
      getToken: () => ({ access_token: "t", expires_in: 60 }),
    });
    expectTypeOf(frontend.invoices.create).toEqualTypeOf(biz.invoices.create);
    expectTypeOf(frontend.GET).toBeFunction();
  });
});
