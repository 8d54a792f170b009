import type { ThredfiBusinessClient } from "@thredfi/client";

/** The figures the quickstart reads back from the business's books, in cents. */
export interface BooksSummary {
  netRevenueCents: number;
  netProfitCents: number;
  payablesOutstandingCents: number;
}

/** What {@link readBooks} reports after each report it reads. */
export type BooksProgress = (title: string, details: string[]) => void;

/** The month the demo's sale and bill fall in. */
const PERIOD = { start_date: "2026-03-01", end_date: "2026-03-31" } as const;

/**
 * Reads the books after the bookings: the profit-and-loss report for the month, then the
 * accounts-payable aging at its end, by vendor. Both answer a list of reports; the first is
 * the business's. A non-2xx answer throws its `ThredfiApiError`.
 */
export async function readBooks(
  biz: ThredfiBusinessClient,
  progress: BooksProgress,
): Promise<BooksSummary> {
  const [pnl] = await biz.reports.profitAndLoss({ ...PERIOD, detail_level: "summary" });
  const summary = pnl?.summary ?? {};
  const netRevenueCents = summary.net_revenue_cents ?? 0;
  const netProfitCents = summary.net_profit_cents ?? 0;
  const currency = pnl?.currency ?? "GBP";
  progress(`Read the profit and loss, ${PERIOD.start_date} to ${PERIOD.end_date}`, [
    `net revenue ${money(netRevenueCents, currency)}, gross profit ${money(summary.gross_profit_cents ?? 0, currency)}, net profit ${money(netProfitCents, currency)}`,
  ]);

  const [aging] = await biz.insights.apAging({ as_of_date: PERIOD.end_date, group_by: "vendor" });
  const payablesOutstandingCents = aging?.total_outstanding_cents ?? 0;
  const agingCurrency = aging?.currency ?? currency;
  const vendors = aging?.vendors ?? [];
  progress(`Read the accounts payable aging as of ${PERIOD.end_date}`, [
    `${money(payablesOutstandingCents, agingCurrency)} outstanding to ${vendors.length} vendor${vendors.length === 1 ? "" : "s"}`,
    ...vendors.map(
      (vendor) =>
        `- ${vendor.vendor_name ?? vendor.vendor_id ?? "vendor"}: ${money(vendor.total_outstanding_cents ?? 0, agingCurrency)}, of which not yet due ${money(vendor.aging_buckets?.current ?? 0, agingCurrency)}`,
    ),
  ]);

  return { netRevenueCents, netProfitCents, payablesOutstandingCents };
}

/** Cents of an ISO 4217 currency as the demo prints them, e.g. £120.00. */
function money(amountCents: number, currency: string): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency }).format(amountCents / 100);
}
