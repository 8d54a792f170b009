import { describe, expectTypeOf, it } from "vitest";
import type {
  CreateRefundPaymentRequestRequest,
  CreateSimpleRefundRequest,
  Customer,
  CustomerArchiveRequest,
  CustomerCreateRequest,
  DocumentLink,
  DocumentUpload,
  Invoice,
  InvoiceCreateRequest,
  InvoiceLineItemRequest,
  InvoicePayment,
  InvoicePaymentCreateResponse,
  InvoiceRecordPaymentRequestRequest,
  InvoiceUpdateRequest,
  InvoiceVoidRequest,
  ListEnvelope,
  operations,
  PageInfo,
  PaginatedCustomerList,
  PaginatedInvoiceList,
  PaginatedInvoicePaymentList,
  PaginatedRefundList,
  PaginatedRefundPaymentList,
  PaymentMethod,
  paths,
  ReconciledBankTransaction,
  RecordedInvoicePayment,
  Refund,
  RefundPayment,
  SalesTax,
  ValidationErrorResponse,
} from "../src/index.js";

type CreateInvoiceBody = NonNullable<
  operations["create_invoice"]["requestBody"]
>["content"]["application/json"];

describe("create_invoice's request body, as a consumer writes it", () => {
  it("is the named InvoiceCreateRequest type", () => {
    expectTypeOf<CreateInvoiceBody>().toEqualTypeOf<InvoiceCreateRequest>();
  });

  it("accepts an invoice for a customer with line items", () => {
    const body: CreateInvoiceBody = {
      external_id: "order-1001",
      customer_id: "c5a1e7d2-4b3f-4c8e-9a6d-1f2e3d4c5b6a",
      invoice_number: "INV-0042",
      sent_at: "2026-03-02T09:05:00Z",
      due_at: "2026-04-01T00:00:00Z",
      line_items: [
        {
          description: "Espresso beans, 1 kg",
          quantity: 4,
          unit_price: 30,
          sales_taxes: [{ amount: 24 }],
        },
      ],
      metadata: { order: 1001 },
    };
    expectTypeOf(body.line_items).toEqualTypeOf<InvoiceLineItemRequest[] | undefined>();
  });

  it("catches a field the page does not show", () => {
    const body: CreateInvoiceBody = {
      customer_id: "c5a1e7d2-4b3f-4c8e-9a6d-1f2e3d4c5b6a",
      // @ts-expect-error: invoices take line_items, not lines
      lines: [],
    };
    expectTypeOf(body).toEqualTypeOf<InvoiceCreateRequest>();
  });

  it("catches a field of the wrong type", () => {
    const body: CreateInvoiceBody = {
      // @ts-expect-error: customer_id is a UUID string
      customer_id: 42,
    };
    expectTypeOf(body).toEqualTypeOf<InvoiceCreateRequest>();
  });
});

describe("money and ids", () => {
  it("types *_cents fields as numbers and payment methods as the documented enum", () => {
    expectTypeOf<InvoiceRecordPaymentRequestRequest["total_amount_cents"]>().toEqualTypeOf<
      number | undefined
    >();
    expectTypeOf<PaymentMethod>().toEqualTypeOf<
      | "bank_transfer"
      | "credit_card"
      | "debit_card"
      | "ach"
      | "check"
      | "cash"
      | "paypal"
      | "stripe"
      | "other"
    >();
    expectTypeOf<CreateSimpleRefundRequest["amount_cents"]>().toEqualTypeOf<number | undefined>();
  });

  it("marks no field required that the pages do not mark required", () => {
    expectTypeOf<Record<string, never>>().toMatchTypeOf<CustomerCreateRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<InvoiceCreateRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<CreateRefundPaymentRequestRequest>();
  });
});

describe("lists", () => {
  it("share one envelope and add their own results", () => {
    expectTypeOf<PaginatedInvoiceList>().toMatchTypeOf<ListEnvelope>();
    expectTypeOf<PaginatedInvoiceList["results"]>().toEqualTypeOf<Invoice[] | undefined>();
    expectTypeOf<PaginatedCustomerList["results"]>().toEqualTypeOf<Customer[] | undefined>();
    expectTypeOf<ListEnvelope["next"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ListEnvelope["page_info"]>().toEqualTypeOf<PageInfo | undefined>();
  });

  it("answer list_invoices with the invoice page", () => {
    type ListInvoices = paths["/v1/platform/businesses/{business_id}/invoices/"]["get"];
    expectTypeOf<
      ListInvoices["responses"][200]["content"]["application/json"]
    >().toEqualTypeOf<PaginatedInvoiceList>();
    expectTypeOf<NonNullable<ListInvoices["parameters"]["query"]>["page"]>().toEqualTypeOf<
      number | undefined
    >();
  });
});

describe("named types", () => {
  it("exports one named type per receivables schema", () => {
    expectTypeOf<
      [
        CustomerArchiveRequest,
        DocumentLink,
        DocumentUpload,
        InvoicePayment,
        InvoicePaymentCreateResponse,
        InvoiceUpdateRequest,
        InvoiceVoidRequest,
        PaginatedInvoicePaymentList,
        PaginatedRefundList,
        PaginatedRefundPaymentList,
        ReconciledBankTransaction,
        RecordedInvoicePayment,
        Refund,
        RefundPayment,
        SalesTax,
        ValidationErrorResponse,
      ]
    >().not.toBeNever();
  });

  it("sends the idempotency key of create_invoice_payment as an optional header", () => {
    type Header = NonNullable<operations["create_invoice_payment"]["parameters"]["header"]>;
    expectTypeOf<Header["Idempotency-Key"]>().toEqualTypeOf<string | undefined>();
  });
});
