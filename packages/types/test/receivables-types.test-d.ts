import { describe, expectTypeOf, it } from "vitest";
import type {
  CreateCustomerRequest,
  CreateInvoiceRequest,
  CreateRefundPaymentRequestRequest,
  CreateSimpleRefundRequest,
  Customer,
  CustomerRequest,
  DocumentLink,
  DocumentUpload,
  Invoice,
  InvoiceLineItemRequest,
  InvoicePaymentCreateResponse,
  InvoicePaymentList,
  InvoiceRecordPaymentRequestRequest,
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
  UpdateInvoiceRequest,
  ValidationErrorResponse,
  VoidInvoiceRequest,
} from "../src/index.js";

type CreateInvoiceBody = NonNullable<
  operations["create_invoice"]["requestBody"]
>["content"]["application/json"];

describe("create_invoice's request body, as a consumer writes it", () => {
  it("is the named CreateInvoiceRequest type", () => {
    expectTypeOf<CreateInvoiceBody>().toEqualTypeOf<CreateInvoiceRequest>();
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
    expectTypeOf(body).toEqualTypeOf<CreateInvoiceRequest>();
  });

  it("catches a field of the wrong type", () => {
    const body: CreateInvoiceBody = {
      // @ts-expect-error: customer_id is a UUID string
      customer_id: 42,
    };
    expectTypeOf(body).toEqualTypeOf<CreateInvoiceRequest>();
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
    expectTypeOf<Record<string, never>>().toMatchTypeOf<CreateCustomerRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<CreateInvoiceRequest>();
    expectTypeOf<Record<string, never>>().toMatchTypeOf<CreateSimpleRefundRequest>();
  });

  it("requires a refund payment's amount, method and idempotency key", () => {
    type RequiredKeys = {
      [K in keyof CreateRefundPaymentRequestRequest]-?: undefined extends CreateRefundPaymentRequestRequest[K]
        ? never
        : K;
    }[keyof CreateRefundPaymentRequestRequest];
    expectTypeOf<RequiredKeys>().toEqualTypeOf<"amount_cents" | "method" | "external_id">();
    expectTypeOf<CreateRefundPaymentRequestRequest["method"]>().toEqualTypeOf<
      | "CASH"
      | "CHECK"
      | "CREDIT_CARD"
      | "DEBIT_CARD"
      | "ACH"
      | "BANK_TRANSFER"
      | "PAYPAL"
      | "STRIPE"
      | "OTHER"
    >();
  });

  it("types an invoice payment's currency and status as their documented enums", () => {
    expectTypeOf<InvoicePaymentList["currency"]>().toEqualTypeOf<
      "EUR" | "GBP" | "USD" | "SEK" | "NOK" | "DKK" | "ISK" | "MYR" | "SGD" | undefined
    >();
    expectTypeOf<InvoicePaymentList["status"]>().toEqualTypeOf<
      "pending" | "processing" | "completed" | "failed" | "cancelled" | "refunded" | undefined
    >();
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
        CustomerRequest,
        DocumentLink,
        DocumentUpload,
        InvoicePaymentList,
        InvoicePaymentCreateResponse,
        UpdateInvoiceRequest,
        VoidInvoiceRequest,
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
