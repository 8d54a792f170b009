import type { ThredfiBusinessClient } from "@thredfi/client";

/** The records a sale leaves in Thredfi. */
export interface BookedSale {
  customerId: string;
  invoiceId: string;
  paymentId: string;
  refundId: string;
}

/** What {@link bookSale} reports after each record it creates. */
export type SaleProgress = (title: string, details: string[]) => void;

const INVOICE_CENTS = 12_000;
const REFUND_CENTS = 2_500;

/**
 * A sale in Thredfi's own order: the customer, then an invoice for it, then the customer's
 * payment of the invoice, then a partial refund of it. Creating is idempotent on each
 * `external_id`, so running it twice books nothing twice; the payment also carries a fresh
 * `Idempotency-Key`, which a retry of that same request reuses. A non-2xx answer throws its
 * `ThredfiApiError`.
 */
export async function bookSale(
  biz: ThredfiBusinessClient,
  progress: SaleProgress,
): Promise<BookedSale> {
  const { data: customer, response } = await biz.customers
    .create({
      external_id: "crm-customer-42",
      company_name: "Bramble & Finch Ltd",
      email: "accounts@bramblefinch.example",
      country: "GB",
      payment_terms_days: 30,
    })
    .withResponse();
  const customerId = customer.id;
  progress("Create a customer (external_id crm-customer-42)", [
    `${response.status === 201 ? "created" : "already there"}: ${customer.display_name ?? customer.company_name} (id ${customerId})`,
  ]);

  const invoice = await biz.invoices.create({
    external_id: "order-1001",
    customer_id: customerId,
    invoice_number: "INV-0042",
    sent_at: "2026-03-02T09:05:00Z",
    due_at: "2026-04-01T00:00:00Z",
    line_items: [{ description: "Espresso beans, 1 kg", quantity: 4, unit_price: 30 }],
  });
  const invoiceId = invoice.id;
  progress("Invoice the customer (4 × 30.00)", [
    `${invoice.invoice_number ?? "invoice"} ${invoice.status ?? ""} for ${invoice.customer?.display_name ?? customerId} (id ${invoiceId})`,
  ]);

  // Set here to print it; without it the client would add a key of its own to this POST.
  const idempotencyKey = crypto.randomUUID();
  const { payment: recorded } = await biz.invoices.payments.create(
    {
      external_id: "order-1001-payment",
      customer_id: customerId,
      total_amount_cents: INVOICE_CENTS,
      allocations: [{ invoice_id: invoiceId, amount_cents: INVOICE_CENTS }],
      payment_date: "2026-03-03",
      currency: "GBP",
      payment_method: "bank_transfer",
    },
    { idempotencyKey },
  );
  const paymentId = required(recorded?.id, "the payment's id");
  progress(`Record the payment (Idempotency-Key ${idempotencyKey})`, [
    `${cents(recorded?.total_amount_cents ?? INVOICE_CENTS)} ${recorded?.status ?? ""}, outstanding ${cents(recorded?.applied_invoices?.[0]?.outstanding_amount_cents ?? 0)} (id ${paymentId})`,
  ]);

  const refund = await biz.invoices.refunds.create({
    external_id: "order-1001-refund",
    invoice_id: invoiceId,
    amount_cents: REFUND_CENTS,
    method: "BANK_TRANSFER",
    memo: "One bag returned",
  });
  const refundId = refund.id;
  progress(`Refund part of it (${cents(REFUND_CENTS)})`, [
    `refund for ${refund.customer_name ?? customerId} (id ${refundId})`,
  ]);

  return { customerId, invoiceId, paymentId, refundId };
}

function cents(amount: number): string {
  return `£${(amount / 100).toFixed(2)}`;
}

function required(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`Thredfi's answer did not include ${what}`);
  return value;
}
