import type { ThredfiBusinessClient } from "@thredfi/client";

/** The records the payables side leaves in Thredfi. */
export interface BookedPayables {
  vendorId: string;
  billId: string;
  billPaymentId: string;
}

/** What {@link bookPayables} reports after each record it creates. */
export type PayablesProgress = (title: string, details: string[]) => void;

const BILL_QUANTITY = 10;
/** Bill line prices are major units (30.00); payments are cents. */
const BILL_UNIT_PRICE = 30;
const BILL_CENTS = BILL_QUANTITY * BILL_UNIT_PRICE * 100;

/**
 * The payables side in Thredfi's order: the vendor, then a bill from it, then the business's
 * payment of that bill in full. Each record carries an `external_id` of the partner's own; the
 * payment's POST also carries the `Idempotency-Key` the client adds, which a retry reuses. A
 * non-2xx answer throws its `ThredfiApiError`.
 */
export async function bookPayables(
  biz: ThredfiBusinessClient,
  progress: PayablesProgress,
): Promise<BookedPayables> {
  const vendor = await biz.vendors.create({
    external_id: "erp-vendor-7",
    company_name: "Northwind Coffee Roasters Ltd",
    email: "billing@northwind.example",
    office_phone: "+44 20 7946 0958",
    address_string: "12 Roastery Lane, London E1 6AN, United Kingdom",
    country: "GB",
    vat_number: "GB123456789",
  });
  const vendorId = vendor.id;
  progress("Create a vendor (external_id erp-vendor-7)", [
    `${vendor.company_name ?? vendor.individual_name ?? "vendor"} ${vendor.status} (id ${vendorId})`,
  ]);

  const bill = await biz.bills.create({
    external_id: "erp-bill-7",
    vendor_id: vendorId,
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
        quantity: BILL_QUANTITY,
        unit_price: BILL_UNIT_PRICE,
      },
    ],
  });
  const billId = bill.id;
  progress(`Record the vendor's bill (${BILL_QUANTITY} × ${BILL_UNIT_PRICE.toFixed(2)})`, [
    `bill ${bill.status ?? ""} from ${bill.vendor?.company_name ?? vendorId}, due ${day(bill.due_at)} (id ${billId})`,
  ]);

  const payment = await biz.bills.payments.create({
    external_id: "erp-bill-7-payment",
    vendor_id: vendorId,
    amount_cents: BILL_CENTS,
    currency: "GBP",
    payment_method: "bank_transfer",
    payment_date: "2026-03-10",
    payment_reference: "BACS-20260310",
    allocations: [{ bill_id: billId, amount_cents: BILL_CENTS, description: "BILL-0007 in full" }],
  });
  const billPaymentId = payment.id;
  progress(`Pay the bill (${cents(BILL_CENTS)})`, [
    `${cents(payment.amount_cents ?? BILL_CENTS)} to ${payment.vendor_name ?? vendorId}, ${payment.status ?? "no status"}, unallocated ${cents(payment.unallocated_amount_cents ?? 0)} (id ${billPaymentId})`,
  ]);

  return { vendorId, billId, billPaymentId };
}

function cents(amount: number): string {
  return `£${(amount / 100).toFixed(2)}`;
}

function day(dateTime: string | undefined): string {
  return dateTime?.slice(0, 10) ?? "(no due date)";
}
