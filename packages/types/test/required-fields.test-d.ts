import { describe, expectTypeOf, it } from "vitest";
import type { Business, CreateBusinessRequest, operations, paths } from "../src/index.js";

type CreatedInvoice =
  paths["/v1/platform/businesses/{business_id}/invoices/"]["post"]["responses"][201]["content"]["application/json"];
type CreateInvoiceBody = NonNullable<
  operations["create_invoice"]["requestBody"]
>["content"]["application/json"];

declare const createdInvoice: CreatedInvoice;
declare const business: Business;

describe("a response field the docs mark required", () => {
  it("is there without a check: a created invoice's id", () => {
    const id: string = createdInvoice.id;
    expectTypeOf(id).toEqualTypeOf<string>();
    expectTypeOf<CreatedInvoice["id"]>().toEqualTypeOf<string>();
  });

  it("is there without a check: a business's country and base currency", () => {
    const country: string = business.country;
    const currency: string = business.base_currency;
    expectTypeOf(country).toEqualTypeOf<string>();
    expectTypeOf(currency).toEqualTypeOf<string>();
  });

  it("is an id in every answer that returns the resource", () => {
    type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
      responses: { 200: { content: { "application/json": infer Body } } };
    }
      ? Body
      : never;
    expectTypeOf<
      Ok<"/v1/platform/businesses/{business_id}/customers/{customer_id}/", "get">["id"]
    >().toEqualTypeOf<string>();
    expectTypeOf<
      Ok<"/v1/platform/businesses/{business_id}/invoices/payments/{payment_id}/", "get">["id"]
    >().toEqualTypeOf<string>();
    expectTypeOf<
      Ok<"/v1/platform/businesses/{business_id}/invoices/refunds/{refund_id}/", "get">["id"]
    >().toEqualTypeOf<string>();
  });
});

describe("an open object of the docs (metadata)", () => {
  it("takes any keys in a create body", () => {
    const invoice: CreateInvoiceBody = {
      customer_id: "c5a1e7d2-4b3f-4c8e-9a6d-1f2e3d4c5b6a",
      metadata: { order_id: "o-1" },
    };
    const newBusiness: CreateBusinessRequest = {
      external_id: "acme-001",
      legal_name: "Acme Widgets Ltd",
      entity_type: "limited",
      email: "finance@acme.example",
      metadata: { order_id: "o-1", nested: { any: ["json"] } },
    };
    expectTypeOf(invoice.metadata).toEqualTypeOf<{ [key: string]: unknown } | undefined>();
    expectTypeOf(newBusiness).toEqualTypeOf<CreateBusinessRequest>();
  });
});
