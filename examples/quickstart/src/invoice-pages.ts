import { apiError, type BusinessApi } from "./business-api.js";

/** One page of the business's invoices, as `list_invoices` answers it. */
export type InvoicePage = NonNullable<Awaited<ReturnType<typeof fetchInvoicePage>>["data"]>;

/** How many pages {@link invoicePages} reads at most before it refuses to go on. */
export const MAX_INVOICE_PAGES = 1000;

/**
 * Every page of the business's invoices, the first one first. Stops after the last page, which
 * is whichever Thredfi's answer shows first: `next: null`, `page_info` saying this page is the
 * last, or a page shorter than asked for (an empty page included).
 */
export async function* invoicePages(
  api: BusinessApi,
  businessId: string,
  pageSize: number,
): AsyncGenerator<InvoicePage> {
  for (let page = 1; page <= MAX_INVOICE_PAGES; page++) {
    const { data, error, response } = await fetchInvoicePage(api, businessId, page, pageSize);
    if (error) throw apiError(`listing invoices (page ${page})`, response, error);
    yield data;
    if (isLastPage(data, page, pageSize)) return;
  }
  throw new Error(`Listing invoices did not end after ${MAX_INVOICE_PAGES} pages`);
}

/** True when `data`, fetched as page `page` of `pageSize`, is the last page of the list. */
export function isLastPage(
  data: Pick<InvoicePage, "next" | "page_info" | "results">,
  page: number,
  pageSize: number,
): boolean {
  if (data.next === null) return true;
  const info = data.page_info;
  if (info?.total_pages !== undefined && (info.current_page ?? page) >= info.total_pages) {
    return true;
  }
  return (data.results?.length ?? 0) < pageSize;
}

function fetchInvoicePage(api: BusinessApi, businessId: string, page: number, pageSize: number) {
  return api.GET("/v1/platform/businesses/{business_id}/invoices/", {
    params: { path: { business_id: businessId }, query: { page, page_size: pageSize } },
  });
}
