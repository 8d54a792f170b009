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
  ...booksCalls(),
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

/** Ids of payables records the payables calls name in their paths (any UUID serves on the mock). */
const VENDOR_ID = "7d3e9a10-2b4c-4f5e-8a6b-1c2d3e4f5a6b";
const BILL_ID = "b1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const BILL_PAYMENT_ID = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
const PENDING_BILL_PAYMENT_ID = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8c0";
const VENDOR_CREDIT_ID = "c7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f0a";
const VENDOR_REFUND_ID = "d4e5f6a7-b8c9-4dae-9f0b-1c2d3e4f5a6b";
const VENDOR_REFUND_PAYMENT_ID = "e9f0a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b";

/** Vendors, bills, bill payments, vendor credits, vendor refunds and their payments. */
function payablesCalls(): Record<string, OperationCall> {
  const api = (run: (thredfi: ThredfiClient, businessId: string) => Promise<ApiResult>) =>
    ({ kind: "api", run }) as const;
  const pages = { page: 1, page_size: 20 };
  const vendors = "/v1/platform/businesses/{business_id}/vendors/";
  const bills = "/v1/platform/businesses/{business_id}/bills/";
  const billPayments = "/v1/platform/businesses/{business_id}/bills/payments/";
  const vendorCredits = "/v1/platform/businesses/{business_id}/vendor-credits/";
  const vendorRefunds = "/v1/platform/businesses/{business_id}/vendor-refunds/";
  const vendorRefundPayments = "/v1/platform/businesses/{business_id}/vendor-refunds/payments/";
  return {
    list_vendors: api((thredfi, id) =>
      thredfi.business(id).GET(vendors, {
        params: {
          path: { business_id: id },
          query: { name_contains: "Northwind", include_archived: false, ...pages },
        },
      }),
    ),
    create_vendor: api((thredfi, id) =>
      thredfi.business(id).POST(vendors, {
        params: { path: { business_id: id } },
        body: {
          external_id: "erp-vendor-7",
          company_name: "Northwind Coffee Roasters Ltd",
          email: "billing@northwind.example",
          office_phone: "+44 20 7946 0958",
          address_string: "12 Roastery Lane, London E1 6AN, United Kingdom",
          country: "GB",
          vat_number: "GB123456789",
          transaction_tags: [],
        },
      }),
    ),
    get_vendor: api((thredfi, id) =>
      thredfi.business(id).GET(`${vendors}{vendor_id}/`, {
        params: { path: { business_id: id, vendor_id: VENDOR_ID } },
      }),
    ),
    unarchive_vendor: api((thredfi, id) =>
      thredfi.business(id).POST(`${vendors}{vendor_id}/unarchive/`, {
        params: { path: { business_id: id, vendor_id: VENDOR_ID } },
      }),
    ),
    list_bills: api((thredfi, id) =>
      thredfi.business(id).GET(bills, { params: { path: { business_id: id }, query: pages } }),
    ),
    create_bill: api((thredfi, id) =>
      thredfi.business(id).POST(bills, {
        params: { path: { business_id: id } },
        body: {
          external_id: "erp-bill-7",
          vendor_id: VENDOR_ID,
          bill_number: "BILL-0007",
          vendor_bill_number: "NW-2026-031",
          bill_date: "2026-03-01",
          received_at: "2026-03-02T09:00:00Z",
          due_at: "2026-04-01T00:00:00Z",
          currency: "GBP",
          line_items: [
            {
              description: "Espresso blend, 1 kg",
              product: "Espresso blend",
              quantity: 10,
              unit_price: 30,
            },
          ],
        },
      }),
    ),
    get_bill: api((thredfi, id) =>
      thredfi.business(id).GET(`${bills}{bill_id}/`, {
        params: { path: { business_id: id, bill_id: BILL_ID } },
      }),
    ),
    update_bill: api((thredfi, id) =>
      thredfi.business(id).PUT(`${bills}{bill_id}/`, {
        params: { path: { business_id: id, bill_id: BILL_ID } },
        body: { due_at: "2026-04-15T00:00:00Z" },
      }),
    ),
    list_bill_payments: api((thredfi, id) =>
      thredfi.business(id).GET(billPayments, {
        params: {
          path: { business_id: id },
          query: { status: "completed", vendor_id: VENDOR_ID, ...pages },
        },
      }),
    ),
    create_bill_payment: api((thredfi, id) =>
      thredfi.business(id).POST(billPayments, {
        params: {
          path: { business_id: id },
          header: { "Idempotency-Key": "0c7b5e2a-8d4f-4a1b-9e3c-6f2d1a0b9c8e" },
        },
        body: {
          vendor_id: VENDOR_ID,
          amount_cents: 30000,
          currency: "GBP",
          payment_method: "bank_transfer",
          payment_date: "2026-03-10",
          payment_reference: "BACS-20260310",
          external_id: "erp-payment-31",
          metadata: { order_id: "po-1007" },
          allocations: [
            { bill_id: BILL_ID, amount_cents: 30000, description: "Full payment for BILL-0007" },
          ],
        },
      }),
    ),
    get_bill_payment: api((thredfi, id) =>
      thredfi.business(id).GET(`${billPayments}{bill_payment_id}/`, {
        params: { path: { business_id: id, bill_payment_id: BILL_PAYMENT_ID } },
      }),
    ),
    update_bill_payment: api((thredfi, id) =>
      thredfi.business(id).PATCH(`${billPayments}{bill_payment_id}/`, {
        params: { path: { business_id: id, bill_payment_id: BILL_PAYMENT_ID } },
        body: { status: "completed", payment_reference: "BACS-20260310" },
      }),
    ),
    delete_bill_payment: api((thredfi, id) =>
      thredfi.business(id).POST(`${billPayments}{bill_payment_id}/delete/`, {
        params: { path: { business_id: id, bill_payment_id: PENDING_BILL_PAYMENT_ID } },
      }),
    ),
    list_vendor_credits: api((thredfi, id) =>
      thredfi.business(id).GET(vendorCredits, {
        params: {
          path: { business_id: id },
          query: { received_at_start: "2026-03-01T00:00:00Z", ...pages },
        },
      }),
    ),
    create_vendor_credit: api((thredfi, id) =>
      thredfi.business(id).POST(vendorCredits, {
        params: { path: { business_id: id } },
        body: {
          external_id: "erp-credit-3",
          vendor_external_id: "erp-vendor-7",
          line_items: [{ amount: 25, memo: "Damaged bag returned" }],
        },
      }),
    ),
    get_vendor_credit: api((thredfi, id) =>
      thredfi.business(id).GET(`${vendorCredits}{credit_id}/`, {
        params: { path: { business_id: id, credit_id: VENDOR_CREDIT_ID } },
      }),
    ),
    list_vendor_refunds: api((thredfi, id) =>
      thredfi.business(id).GET(vendorRefunds, {
        params: {
          path: { business_id: id },
          query: {
            vendor_id: VENDOR_ID,
            is_fully_allocated: true,
            ordering: "-refund_date",
            ...pages,
          },
        },
      }),
    ),
    create_vendor_refund: api((thredfi, id) =>
      thredfi.business(id).POST(vendorRefunds, {
        params: { path: { business_id: id } },
        body: {
          vendor_id: VENDOR_ID,
          total_refunded_amount_cents: 5000,
          currency: "GBP",
          external_id: "erp-refund-2",
          refund_type: "billing_error",
          refund_date: "2026-03-14",
          allocations: [{ allocation_type: "bill", bill_id: BILL_ID, amount_cents: 5000 }],
        },
      }),
    ),
    update_vendor_refund: api((thredfi, id) =>
      thredfi.business(id).PATCH(`${vendorRefunds}{refund_id}/`, {
        params: { path: { business_id: id, refund_id: VENDOR_REFUND_ID } },
        body: { memo: "Credited to the March statement", expected_completion_date: "2026-03-20" },
      }),
    ),
    create_vendor_refund_payment: api((thredfi, id) =>
      thredfi.business(id).POST(vendorRefundPayments, {
        params: {
          path: { business_id: id },
          header: { "Idempotency-Key": "4a9d2c7e-1b3f-4e5a-8c6d-0f9e8d7c6b5a" },
        },
        body: {
          vendor_id: VENDOR_ID,
          total_amount_cents: 5000,
          payment_method: "bank_transfer",
          refund_date: "2026-03-14",
          allocations: [
            {
              allocation_type: "bill",
              bill_id: BILL_ID,
              amount_cents: 5000,
              description: "Price correction on BILL-0007",
            },
          ],
        },
      }),
    ),
    update_vendor_refund_payment: api((thredfi, id) =>
      thredfi.business(id).PATCH(`${vendorRefundPayments}{vendor_refund_payment_id}/`, {
        params: {
          path: { business_id: id, vendor_refund_payment_id: VENDOR_REFUND_PAYMENT_ID },
        },
        body: { status: "completed", payment_reference: "BACS-R-20260314" },
      }),
    ),
  };
}

/**
 * Invoice-payment update and cancel, payouts, bank accounts and transactions, the general ledger,
 * reports and insights, and customer credits, with the business client. Any UUID serves on the mock.
 */
function booksCalls(): Record<string, OperationCall> {
  const api = (run: (thredfi: ThredfiClient, businessId: string) => Promise<ApiResult>) =>
    ({ kind: "api", run }) as const;
  const paymentId = "7a80c3cc-4e88-4f94-8ccc-6aa691804960";
  const paymentIds = [paymentId];
  const refundPaymentIds = ["f0e1d2c3-b4a5-4968-8778-695a4b3c2d1e"];
  const payoutId = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  const bankAccountId = "b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e";
  const accountId = "d9e0f1a2-b3c4-4d5e-9f6a-7b8c9d0e1f2a";
  const entryId = "c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f";
  const customerId = "c5a1e7d2-4b3f-4c8e-9a6d-1f2e3d4c5b6a";
  const invoiceId = "9b7e2a41-6c3d-4f5e-8a1b-2c3d4e5f6a7b";
  const firstPage = { page: 1, page_size: 20 };
  const b = "/v1/platform/businesses/{business_id}";
  const payments = `${b}/invoices/payments/{payment_id}/` as const;
  const payouts = `${b}/payouts/` as const;
  const accounts = `${b}/general-ledger/chart-of-accounts/` as const;
  const entries = `${b}/general-ledger/journal-entries/` as const;
  const credits = `${b}/customer-credits/` as const;
  return {
    update_invoice_payment: api((thredfi, id) =>
      thredfi.business(id).PATCH(payments, {
        params: { path: { business_id: id, payment_id: paymentId } },
        body: { bank_reference: "FPS-20260303-000042", note: "Paid by bank transfer" },
      }),
    ),
    list_payouts: api((thredfi, id) =>
      thredfi.business(id).GET(payouts, {
        params: {
          path: { business_id: id },
          query: { ...firstPage, completed_at_start: "2026-03-01T00:00:00Z", max_amount: 100000 },
        },
      }),
    ),
    create_payout: api((thredfi, id) =>
      thredfi.business(id).POST(payouts, {
        params: { path: { business_id: id } },
        body: {
          external_id: "stripe_po_2026_03_06",
          processor: "stripe",
          paid_out_amount_cents: 9150,
          fee_cents: 350,
          currency: "GBP",
          status: "paid",
          completed_at: "2026-03-06T14:30:00Z",
          payment_ids: paymentIds,
          refund_payment_ids: refundPaymentIds,
          metadata: { batch_id: "w10" },
        },
      }),
    ),
    get_payout: api((thredfi, id) =>
      thredfi.business(id).GET(`${payouts}{payout_id}/`, {
        params: { path: { business_id: id, payout_id: payoutId } },
      }),
    ),
    list_bank_accounts: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/bank-accounts/`, {
        params: {
          path: { business_id: id },
          query: {
            ...firstPage,
            is_active: true,
            bank_link_status: "active",
            ordering: "-balance",
          },
        },
      }),
    ),
    retrieve_bank_account: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/bank-accounts/{bank_account_id}/`, {
        params: { path: { business_id: id, bank_account_id: bankAccountId } },
      }),
    ),
    list_bank_transactions: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/bank-transactions/`, {
        params: {
          path: { business_id: id },
          query: {
            ...firstPage,
            date_from: "2026-03-01",
            date_to: "2026-03-31",
            direction: "credit",
            categorization_status: ["pending", "manual_review"],
          },
        },
      }),
    ),
    list_chart_of_accounts: api((thredfi, id) =>
      thredfi.business(id).GET(accounts, {
        params: {
          path: { business_id: id },
          query: { ...firstPage, account_type: "asset", period_year: 2026, period_month: 3 },
        },
      }),
    ),
    create_account: api((thredfi, id) =>
      thredfi.business(id).POST(accounts, {
        params: { path: { business_id: id } },
        body: {
          code: "1000",
          name: "Bank - Barclays Current",
          account_type: "asset",
          account_subtype: "current_assets",
          external_id: "erp-account-1000",
          is_cash_account: true,
        },
      }),
    ),
    get_account_detail: api((thredfi, id) =>
      thredfi.business(id).GET(`${accounts}{account_id}/`, {
        params: { path: { business_id: id, account_id: accountId } },
      }),
    ),
    create_child_account: api((thredfi, id) =>
      thredfi.business(id).POST(`${accounts}{account_id}/children/`, {
        params: { path: { business_id: id, account_id: accountId } },
        body: { code: "1010", name: "Petty Cash", description: "Cash kept on the premises" },
      }),
    ),
    get_chart_of_accounts_hierarchy: api((thredfi, id) =>
      thredfi.business(id).GET(`${accounts}hierarchy/`, { params: { path: { business_id: id } } }),
    ),
    get_account_entries: api((thredfi, id) =>
      thredfi.business(id).GET(`${accounts}{account_id}/entries/`, {
        params: {
          path: { business_id: id, account_id: accountId },
          query: { ...firstPage, start_date: "2026-03-01", end_date: "2026-03-31" },
        },
      }),
    ),
    list_journal_entries: api((thredfi, id) =>
      thredfi.business(id).GET(entries, {
        params: {
          path: { business_id: id },
          query: {
            ...firstPage,
            status: "approved",
            created_by: "system",
            date_from: "2026-03-01",
          },
        },
      }),
    ),
    get_journal_entry_detail: api((thredfi, id) =>
      thredfi.business(id).GET(`${entries}{entry_id}/`, {
        params: { path: { business_id: id, entry_id: entryId } },
      }),
    ),
    get_profit_and_loss: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/reports/profit-and-loss/`, {
        params: {
          path: { business_id: id },
          query: { start_date: "2026-03-01", end_date: "2026-03-31", detail_level: "detailed" },
        },
      }),
    ),
    get_balance_sheet: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/reports/balance-sheet/`, {
        params: { path: { business_id: id }, query: { as_of_date: "2026-03-31" } },
      }),
    ),
    get_cash_flow_statement: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/reports/cash-flow/`, {
        params: {
          path: { business_id: id },
          query: { start_date: "2026-03-01", end_date: "2026-03-31", detail_level: "summary" },
        },
      }),
    ),
    get_financial_summary: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/insights/financial-summary/`, {
        params: {
          path: { business_id: id },
          query: { start_date: "2026-01-01", end_date: "2026-03-31", granularity: "monthly" },
        },
      }),
    ),
    get_ap_aging: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/insights/ap-aging/`, {
        params: {
          path: { business_id: id },
          query: { as_of_date: "2026-03-31", group_by: "vendor" },
        },
      }),
    ),
    get_ar_aging: api((thredfi, id) =>
      thredfi.business(id).GET(`${b}/insights/ar-aging/`, {
        params: {
          path: { business_id: id },
          query: { as_of_date: "2026-03-31", group_by: "customer" },
        },
      }),
    ),
    list_customer_credits: api((thredfi, id) =>
      thredfi.business(id).GET(credits, {
        params: { path: { business_id: id }, query: { ...firstPage, customer_id: customerId } },
      }),
    ),
    create_customer_credit: api((thredfi, id) =>
      thredfi.business(id).POST(credits, {
        params: { path: { business_id: id } },
        body: {
          external_id: "credit-note-12",
          customer_id: customerId,
          source_invoice_id: invoiceId,
          sent_at: "2026-03-07T09:00:00Z",
          line_items: [{ amount: 1500, tax_amount_cents: 0, memo: "Damaged bag" }],
          allocations: [{ amount: 1500, invoice_id: invoiceId }],
        },
      }),
    ),
  };
}

Object.assign(operationCalls, payablesCalls());
