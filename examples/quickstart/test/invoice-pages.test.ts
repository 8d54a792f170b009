import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { invoicePages, isLastPage, MAX_INVOICE_PAGES } from "../src/invoice-pages.js";
import { createThredfiClient } from "../src/thredfi-client.js";
import { loopbackServer, sendJson } from "./support/loopback-server.js";

const BUSINESS_ID = "3f2b8c1e-9d4a-4e6b-8a7c-2d1e0f9b8a76";
const TOKEN = { access_token: "eyJhbGciOiJIUzI1NiJ9.test-token.signature", expires_in: 3600 };

type PageAnswer = (page: number, pageSize: number) => Record<string, unknown>;

/** A Thredfi stand-in on loopback that answers the token requests and `answer` for each page. */
async function thredfiListing(answer: PageAnswer) {
  const server = await loopbackServer((request: IncomingMessage, _body, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname.endsWith("/oauth2/token/")) return sendJson(response, TOKEN);
    const page = Number(url.searchParams.get("page"));
    const pageSize = Number(url.searchParams.get("page_size"));
    sendJson(response, answer(page, pageSize));
  });
  const thredfi = createThredfiClient({
    partnerId: "a1b2c3d4-5678-90ab-cdef-1234567890ab",
    apiKey: "test-key",
    baseUrl: server.url,
  });
  const pagesAsked = () =>
    server.requests
      .filter((request) => request.url.includes("/invoices/"))
      .map((request) => Number(new URL(request.url, "http://x").searchParams.get("page")));
  return { api: thredfi.business(BUSINESS_ID), pagesAsked };
}

async function collect(api: Awaited<ReturnType<typeof thredfiListing>>["api"], pageSize: number) {
  const pages = [];
  for await (const page of invoicePages(api, BUSINESS_ID, pageSize)) pages.push(page);
  return pages;
}

const invoices = (count: number, from = 0) =>
  Array.from({ length: count }, (_, index) => ({ invoice_number: `INV-${from + index}` }));

describe("invoicePages", () => {
  it("follows the pages until next is null", async () => {
    const { api, pagesAsked } = await thredfiListing((page) => ({
      count: 6,
      next: page < 3 ? `https://sandbox.thredfi.com/x/?page=${page + 1}` : null,
      results: invoices(2, (page - 1) * 2),
    }));
    const pages = await collect(api, 2);
    expect(pagesAsked()).toEqual([1, 2, 3]);
    expect(pages.flatMap((page) => page.results ?? []).map((i) => i.invoice_number)).toEqual([
      "INV-0",
      "INV-1",
      "INV-2",
      "INV-3",
      "INV-4",
      "INV-5",
    ]);
  });

  it("stops on the page page_info names as the last, without next links", async () => {
    const { api, pagesAsked } = await thredfiListing((page, pageSize) => ({
      count: 4,
      page_info: { total_count: 4, current_page: page, total_pages: 2, page_size: pageSize },
      results: invoices(2),
    }));
    await collect(api, 2);
    expect(pagesAsked()).toEqual([1, 2]);
  });

  it("stops on a page shorter than asked for", async () => {
    const { api, pagesAsked } = await thredfiListing((page) => ({
      count: 5,
      results: invoices(page === 3 ? 1 : 2),
    }));
    await collect(api, 2);
    expect(pagesAsked()).toEqual([1, 2, 3]);
  });

  it("refuses to read on forever when every page claims another follows", async () => {
    const { api, pagesAsked } = await thredfiListing((page) => ({
      count: 1_000_000,
      next: `https://sandbox.thredfi.com/x/?page=${page + 1}`,
      results: invoices(1),
    }));
    await expect(collect(api, 1)).rejects.toThrow(
      `Listing invoices did not end after ${MAX_INVOICE_PAGES} pages`,
    );
    expect(pagesAsked()).toHaveLength(MAX_INVOICE_PAGES);
  });

  it("throws what Thredfi answered when a page fails", async () => {
    const server = await loopbackServer((request, _body, response) =>
      request.url?.endsWith("/oauth2/token/")
        ? sendJson(response, TOKEN)
        : sendJson(
            response,
            { error: "Business not found", error_code: "business_not_found" },
            404,
          ),
    );
    const failing = createThredfiClient({
      partnerId: "a1b2c3d4-5678-90ab-cdef-1234567890ab",
      apiKey: "test-key",
      baseUrl: server.url,
    }).business(BUSINESS_ID);
    await expect(collect(failing, 2)).rejects.toThrow(
      /Thredfi answered 404 when listing invoices \(page 1\): .*business_not_found/,
    );
  });
});

describe("isLastPage", () => {
  it("reads next: null as the end even on a full page", () => {
    expect(isLastPage({ next: null, results: invoices(5) }, 1, 5)).toBe(true);
  });

  it("reads a full page with a next link as not the end", () => {
    expect(isLastPage({ next: "https://x/?page=2", results: invoices(5) }, 1, 5)).toBe(false);
  });

  it("reads an empty page as the end", () => {
    expect(isLastPage({ results: [] }, 4, 5)).toBe(true);
  });
});
