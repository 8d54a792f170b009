import type { PartnerToken, ThredfiClient } from "../../src/index.js";

/** What an API operation answers through openapi-fetch. */
export interface ApiResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * How the contract suite calls one operation through the SDK. Token endpoints are reached through
 * `tokens` (and fail with `ThredfiAuthError`); every other operation through an openapi-fetch
 * client (and fails with `{ error }`).
 */
export type OperationCall =
  | { kind: "token"; run(thredfi: ThredfiClient, businessId: string): Promise<PartnerToken> }
  | { kind: "api"; run(thredfi: ThredfiClient, businessId: string): Promise<ApiResult> };

/**
 * One call per operationId of the spec. An operation added to the spec without an entry here
 * fails the contract suite.
 */
export const operationCalls: Record<string, OperationCall> = {
  get_partner_token: {
    kind: "token",
    run: (thredfi) => thredfi.tokens.partner(),
  },
  get_business_token: {
    kind: "token",
    run: (thredfi, businessId) => thredfi.tokens.business(businessId),
  },
  list_businesses: {
    kind: "api",
    run: (thredfi) =>
      thredfi.partner.GET("/v1/platform/businesses/", {
        params: { query: { country: "GB", is_archived: false, page: 1, page_size: 20 } },
      }),
  },
  create_business: {
    kind: "api",
    run: (thredfi) =>
      thredfi.partner.POST("/v1/platform/businesses/", {
        body: {
          external_id: "acme-001",
          legal_name: "Acme Widgets Ltd",
          entity_type: "company",
          email: "finance@acme.example",
          country: "GB",
          base_currency: "GBP",
          accounting_method: "accrual",
          metadata: { source: "contract-suite" },
        },
      }),
  },
  get_business: {
    kind: "api",
    run: (thredfi, businessId) =>
      thredfi.business(businessId).GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: businessId } },
      }),
  },
  update_business: {
    kind: "api",
    run: (thredfi, businessId) =>
      thredfi.business(businessId).PATCH("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: businessId } },
        body: { legal_name: "Acme Widgets Limited", fiscal_year_end: "2026-12-31" },
      }),
  },
  ...receivablesCalls(),
};

/** Ids of records the receivables calls name in their paths (any UUID serves on the mock). */
const CUSTOMER_ID = "c5a1e7d2-4b3f-4c8e-9a6d-1f2e3d4c5b6a";
const INVOICE_ID = "9b7e2a41-6c3d-4f5e-8a1b-2c3d4e5f6a7b";
const PAYMENT_ID = "7a80c3cc-4e88-4f94-8ccc-6aa691804960";
/** A pending payment: only pending or failed payments can be cancelled. */
const PENDING_PAYMENT_ID = "5d4e3f2a-1b0c-4d9e-8f7a-6b5c4d3e2f1a";
const REFUND_ID = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";
const page = { page: 1, page_size: 20 };

/** Customers, invoices, invoice payments, refunds and refund payments, with the business client. */
function receivablesCalls(): Record<string, OperationCall> {
  const api = (run: (thredfi: ThredfiClient, businessId: string) => Promise<ApiResult>) =>
    ({ kind: "api", run }) as const;
  const customers = "/v1/platform/businesses/{business_id}/customers/";
  const invoices = "/v1/platform/businesses/{business_id}/invoices/";
  const payments = "/v1/platform/businesses/{business_id}/invoices/payments/";
  const refunds = "/v1/platform/businesses/{business_id}/invoices/refunds/";
  const refundPayments =
    "/v1/platform/businesses/{business_id}/invoices/refunds/{refund_id}/payments/";
  return {
    list_customers: api((thredfi, id) =>
      thredfi.business(id).GET(customers, { params: { path: { business_id: id }, query: page } }),
    ),
    create_customer: api((thredfi, id) =>
      thredfi.business(id).POST(customers, {
        params: { path: { business_id: id } },
        body: {
          external_id: "crm-customer-42",
          company_name: "Bramble & Finch Ltd",
          email: "accounts@bramblefinch.example",
          country: "GB",
          tax_exempt: false,
          payment_terms_days: 30,
          credit_limit_cents: 500000,
          metadata: { source: "contract-suite" },
        },
      }),
    ),
    get_customer: api((thredfi, id) =>
      thredfi.business(id).GET(`${customers}{customer_id}/`, {
        params: { path: { business_id: id, customer_id: CUSTOMER_ID } },
      }),
    ),
    archive_customer: api((thredfi, id) =>
      thredfi.business(id).POST(`${customers}{customer_id}/archive/`, {
        params: { path: { business_id: id, customer_id: CUSTOMER_ID } },
        body: { notes: "No longer trading" },
      }),
    ),
    list_invoices: api((thredfi, id) =>
      thredfi.business(id).GET(invoices, { params: { path: { business_id: id }, query: page } }),
    ),
    create_invoice: api((thredfi, id) =>
      thredfi.business(id).POST(invoices, {
        params: { path: { business_id: id } },
        body: {
          external_id: "order-1001",
          customer_id: CUSTOMER_ID,
          invoice_number: "INV-0042",
          sent_at: "2026-03-02T09:05:00Z",
          due_at: "2026-04-01T00:00:00Z",
          line_items: [{ description: "Espresso beans, 1 kg", quantity: 4, unit_price: 30 }],
        },
      }),
    ),
    update_invoice: api((thredfi, id) =>
      thredfi.business(id).PUT(`${invoices}{invoice_id}/`, {
        params: { path: { business_id: id, invoice_id: INVOICE_ID } },
        body: { due_at: "2026-04-15T00:00:00Z", memo: "Terms extended" },
      }),
    ),
    void_invoice: api((thredfi, id) =>
      thredfi.business(id).POST(`${invoices}{invoice_id}/void/`, {
        params: { path: { business_id: id, invoice_id: INVOICE_ID } },
        body: { memo: "Issued in error" },
      }),
    ),
    create_invoice_payment: api((thredfi, id) =>
      thredfi.business(id).POST(payments, {
        params: {
          path: { business_id: id },
          header: { "Idempotency-Key": "7f6d1c52-3b8e-4a4f-9c1d-2e5b6a7c8d9e" },
        },
        body: {
          customer_id: CUSTOMER_ID,
          total_amount_cents: 12000,
          allocations: [{ invoice_id: INVOICE_ID, amount_cents: 12000 }],
          payment_date: "2026-03-03",
          currency: "GBP",
          payment_method: "bank_transfer",
          processing_fee_cents: 0,
        },
      }),
    ),
    list_invoice_payments: api((thredfi, id) =>
      thredfi.business(id).GET(payments, { params: { path: { business_id: id }, query: page } }),
    ),
    get_invoice_payment: api((thredfi, id) =>
      thredfi.business(id).GET(`${payments}{payment_id}/`, {
        params: { path: { business_id: id, payment_id: PAYMENT_ID } },
      }),
    ),
    delete_invoice_payment: api((thredfi, id) =>
      thredfi.business(id).POST(`${payments}{payment_id}/delete/`, {
        params: { path: { business_id: id, payment_id: PENDING_PAYMENT_ID } },
      }),
    ),
    create_refund: api((thredfi, id) =>
      thredfi.business(id).POST(refunds, {
        params: { path: { business_id: id } },
        body: {
          invoice_id: INVOICE_ID,
          amount_cents: 2500,
          method: "BANK_TRANSFER",
          completed_at: "2026-03-05T10:00:00Z",
          memo: "Returned one item",
        },
      }),
    ),
    list_refunds: api((thredfi, id) =>
      thredfi.business(id).GET(refunds, { params: { path: { business_id: id }, query: page } }),
    ),
    get_refund: api((thredfi, id) =>
      thredfi.business(id).GET(`${refunds}{refund_id}/`, {
        params: { path: { business_id: id, refund_id: REFUND_ID } },
      }),
    ),
    create_refund_payment: api((thredfi, id) =>
      thredfi.business(id).POST(refundPayments, {
        params: { path: { business_id: id, refund_id: REFUND_ID } },
        body: {
          amount_cents: 2500,
          method: "BANK_TRANSFER",
          external_id: "refund-payment-7",
          completed_at: "2026-03-05T10:00:00Z",
          refund_processing_fee_cents: 0,
        },
      }),
    ),
    list_refund_payments: api((thredfi, id) =>
      thredfi.business(id).GET(refundPayments, {
        params: { path: { business_id: id, refund_id: REFUND_ID }, query: page },
      }),
    ),
  };
}

/** The call of `operationId`; throws naming the operation when the suite has none. */
export function callFor(operationId: string): OperationCall {
  const operationCall = operationCalls[operationId];
  if (operationCall === undefined) {
    throw new Error(`no SDK call for operation ${operationId}: add one to operationCalls`);
  }
  return operationCall;
}
