import { createThredfiClient, type ThredfiEnvironment, unwrap } from "@thredfi/client";
import { type BookedPayables, bookPayables } from "./book-payables.js";
import { type BookedSale, bookSale } from "./book-sale.js";
import { type BooksSummary, readBooks } from "./read-books.js";

/** Where and as whom the quickstart runs. */
export interface QuickstartConfig {
  partnerId: string;
  apiKey: string;
  environment?: ThredfiEnvironment;
  /** Overrides `environment`, e.g. the URL of a local mock. */
  baseUrl?: string;
  /** Your own id of the business to create; creating is idempotent on it. Default `acme-001`. */
  externalId?: string;
}

/** Receives each line the quickstart prints. */
export type Printer = (line: string) => void;

/** What a partner's backend hands its frontend: a business-scoped token and nothing more. */
export interface FrontendToken {
  business_id: string;
  access_token: string;
  expires_in: number;
}

/** What the quickstart leaves behind: the frontend's token, what it booked and read back. */
export interface QuickstartResult {
  frontendToken: FrontendToken;
  sale: BookedSale;
  payables: BookedPayables;
  books: BooksSummary;
  /** How many invoices the business's invoice list held, read page by page. */
  invoiceCount: number;
}

/** How many steps the quickstart prints. */
export const QUICKSTART_STEPS = 16;

/** Page size of the invoice listing: small, so a real business's list spans pages. */
const INVOICE_PAGE_SIZE = 5;

/**
 * The documented Thredfi flow, as a partner's backend runs it: partner token → list businesses →
 * create a business → business token → read that business with the business-scoped client →
 * book a sale (customer, invoice, payment, partial refund) → the payables side (vendor, bill, the
 * bill's payment) → read the books (profit and loss, AP aging) → list the invoices page by page →
 * the token a frontend receives. A non-2xx answer throws its `ThredfiApiError`.
 */
export async function runQuickstart(
  config: QuickstartConfig,
  print: Printer,
): Promise<QuickstartResult> {
  const thredfi = createThredfiClient({
    partnerId: config.partnerId,
    apiKey: config.apiKey,
    ...(config.environment === undefined ? {} : { environment: config.environment }),
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
  });

  step(print, 1, "Get a partner token (Basic partner id + API key)");
  const partnerToken = await thredfi.tokens.partner();
  const partnerTokenShown = maskToken(partnerToken.access_token);
  detail(print, `${partnerTokenShown}, expires in ${partnerToken.expires_in} s`);

  step(print, 2, "List the partner's businesses");
  const businesses = await thredfi.businesses.list({ page_size: 5 });
  detail(print, `${businesses.data.length} on the first page`);
  for (const business of businesses.data) detail(print, `- ${describe(business)}`);

  const externalId = config.externalId ?? "acme-001";
  step(print, 3, `Create a business with external_id "${externalId}"`);
  const { data: business, response } = await thredfi.businesses
    .create({
      external_id: externalId,
      legal_name: "Acme Widgets Ltd",
      entity_type: "company",
      email: "finance@acme.example",
      country: "GB",
      base_currency: "GBP",
    })
    .withResponse();
  const businessId = business.id;
  const outcome = response.status === 201 ? "created" : "already there (same external_id)";
  detail(print, `${outcome}: ${describe(business)}`);

  step(print, 4, "Get a token scoped to that business");
  const businessToken = await thredfi.tokens.business(businessId);
  detail(print, `scope ${businessToken.scope ?? "(none)"}, business ${businessToken.business_id}`);

  step(print, 5, "Read the business with the business-scoped client");
  const biz = thredfi.business(businessId);
  // The business itself is the partner's `businesses` item; with the business's own token, the
  // path-style call (the escape hatch beside the resources) reads it.
  const fetched = await unwrap(
    biz.GET("/v1/platform/businesses/{business_id}/", {
      params: { path: { business_id: businessId } },
    }),
  );
  detail(print, describe(fetched));

  let number = 5;
  const progress = (title: string, details: string[]) => {
    step(print, ++number, title);
    for (const line of details) detail(print, line);
  };
  const sale = await bookSale(biz, progress);
  const payables = await bookPayables(biz, progress);
  const books = await readBooks(biz, progress);

  step(print, ++number, `List the business's invoices, ${INVOICE_PAGE_SIZE} a page`);
  let invoiceCount = 0;
  let page = await biz.invoices.list({ page_size: INVOICE_PAGE_SIZE });
  for (;;) {
    invoiceCount += page.data.length;
    const numbers = page.data.map((invoice) => `${invoice.invoice_number} ${invoice.status}`);
    detail(print, `page ${page.page}: ${numbers.join(", ")}`);
    if (!page.hasNextPage()) break;
    page = await page.getNextPage();
  }
  detail(print, `${invoiceCount} invoices in all`);

  step(print, ++number, "Hand the business token to the frontend");
  const frontendToken: FrontendToken = {
    business_id: businessToken.business_id,
    access_token: businessToken.access_token,
    expires_in: businessToken.expires_in,
  };
  const shown = { ...frontendToken, access_token: maskToken(frontendToken.access_token) };
  for (const line of JSON.stringify(shown, null, 2).split("\n")) detail(print, line);
  return { frontendToken, sale, payables, books, invoiceCount };
}

/** Shows that a token is there without showing the token: its first characters and its length. */
export function maskToken(token: string): string {
  return `${token.slice(0, 6)}…(${token.length} chars)`;
}

function describe(business: { id: string; external_id?: string; legal_name: string }): string {
  return `${business.legal_name} (external_id ${business.external_id ?? "none"}, id ${business.id})`;
}

function step(print: Printer, number: number, title: string): void {
  print(`\n${number}/${QUICKSTART_STEPS} ${title}`);
}

function detail(print: Printer, text: string): void {
  print(`    ${text}`);
}
