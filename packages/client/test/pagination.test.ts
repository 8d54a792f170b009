import type { ReceivedRequest, Reply, TestServer } from "@thredfi/test-support";
import { useTestServer } from "@thredfi/test-support";
import { describe, expect, inject, it } from "vitest";
import { paginate, ThredfiNotFoundError } from "../src/index.js";
import { BUSINESSES_PATH, clientFor, rejectionOf } from "./support/fixtures.js";

const server = useTestServer();

function pageOf(request: ReceivedRequest): number {
  return Number(new URL(request.url, "http://x").searchParams.get("page"));
}

/** Answers page N with `pages[N - 1]`. */
function serve(pages: ((page: number) => Reply) | object[]): void {
  server.always("GET", BUSINESSES_PATH, (request) => {
    const page = pageOf(request);
    return Array.isArray(pages) ? { json: pages[page - 1] ?? { results: [] } } : pages(page);
  });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const business = (n: number) => ({ id: `id-${n}`, legal_name: `Business ${n}` });
const thredfi = () => clientFor(server);

describe("paginate walks a list's pages", () => {
  it("yields every item across pages and stops at next: null", async () => {
    serve([
      { count: 3, next: "p2", results: [business(1), business(2)] },
      { count: 3, next: null, results: [business(3)] },
    ]);
    const items = await collect(paginate(thredfi().partner, BUSINESSES_PATH));
    expect(items.map((b) => b.legal_name)).toEqual(["Business 1", "Business 2", "Business 3"]);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(2);
  });

  it("stops at next: null on a full page, before count items were seen", async () => {
    serve((page) => ({
      json: {
        count: 100,
        next: page === 1 ? "p2" : null,
        results: [business(2 * page - 1), business(2 * page)],
      },
    }));
    const items = await collect(
      paginate(thredfi().partner, BUSINESSES_PATH, { params: { query: { page_size: 2 } } }),
    );
    expect(items).toHaveLength(4);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(2);
  });

  it("sends page and the caller's page_size and other query parameters", async () => {
    serve([{ count: 1, next: null, results: [business(1)] }]);
    await collect(
      paginate(thredfi().partner, BUSINESSES_PATH, {
        params: { query: { page_size: 100, country: "GB" } },
      }),
    );
    const query = new URL(server.requests[1]?.url ?? "", "http://x").searchParams;
    expect(query.get("page")).toBe("1");
    expect(query.get("page_size")).toBe("100");
    expect(query.get("country")).toBe("GB");
  });

  it("starts at the caller's page", async () => {
    serve([
      { results: [business(1)], next: "x" },
      { results: [business(2)], next: null },
    ]);
    const items = await collect(
      paginate(thredfi().partner, BUSINESSES_PATH, { params: { query: { page: 2 } } }),
    );
    expect(items.map((b) => b.id)).toEqual(["id-2"]);
  });

  it("stops on an empty page", async () => {
    serve((page) => ({ json: { results: page <= 2 ? [business(page)] : [] } }));
    const items = await collect(paginate(thredfi().partner, BUSINESSES_PATH));
    expect(items).toHaveLength(2);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(3);
  });

  it("stops when current_page reaches total_pages", async () => {
    serve((page) => ({
      json: {
        count: 100,
        page_info: { total_count: 100, current_page: page, total_pages: 2, page_size: 1 },
        results: [business(page)],
      },
    }));
    const items = await collect(paginate(thredfi().partner, BUSINESSES_PATH));
    expect(items).toHaveLength(2);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(2);
  });

  it("stops on a page shorter than the page size asked for when nothing says there is more", async () => {
    serve((page) => ({
      json: { results: page === 1 ? [business(1), business(2)] : [business(3)] },
    }));
    const items = await collect(
      paginate(thredfi().partner, BUSINESSES_PATH, { params: { query: { page_size: 2 } } }),
    );
    expect(items).toHaveLength(3);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(2);
  });

  it("stops on a page shorter than the page_size the server reports", async () => {
    serve((page) => ({
      json: {
        page_info: { page_size: 2 },
        results: page === 1 ? [business(1), business(2)] : [business(3)],
      },
    }));
    await collect(paginate(thredfi().partner, BUSINESSES_PATH));
    expect(server.count("GET", BUSINESSES_PATH)).toBe(2);
  });

  it("stops once count items were seen", async () => {
    serve((page) => ({
      json: { count: 4, results: [business(2 * page - 1), business(2 * page)] },
    }));
    const items = await collect(paginate(thredfi().partner, BUSINESSES_PATH));
    expect(items).toHaveLength(4);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(2);
  });

  it("never runs forever against a server answering the same page every time", async () => {
    server.always("GET", BUSINESSES_PATH, {
      json: {
        count: 1_000_000,
        next: "http://example/?page=2",
        results: [business(1), business(2)],
      },
    });
    const items = await collect(paginate(thredfi().partner, BUSINESSES_PATH));
    expect(items).toHaveLength(2);
    expect(server.count("GET", BUSINESSES_PATH)).toBe(2);
  });

  it("pages() yields each page with its number, items and body", async () => {
    serve([
      { count: 3, next: "p2", results: [business(1), business(2)] },
      { count: 3, next: null, results: [business(3)] },
    ]);
    const pages = await collect(paginate(thredfi().partner, BUSINESSES_PATH).pages());
    expect(pages.map((p) => [p.page, p.items.length, p.body.count, p.response.status])).toEqual([
      [1, 2, 3, 200],
      [2, 1, 3, 200],
    ]);
  });

  it("a non-2xx page throws its ThredfiApiError", async () => {
    serve((page) =>
      page === 1
        ? { json: { count: 5, results: [business(1)] } }
        : { status: 404, json: { error: "Invalid page.", error_code: "not_found" } },
    );
    const error = await rejectionOf(collect(paginate(thredfi().partner, BUSINESSES_PATH)));
    expect(error).toBeInstanceOf(ThredfiNotFoundError);
  });

  it("the caller's signal ends the walk with its reason", async () => {
    serve((page) => ({ json: { results: [business(page)] } }));
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const item of paginate(thredfi().partner, BUSINESSES_PATH, {
          signal: controller.signal,
        })) {
          seen.push(item.id);
          if (seen.length === 3) controller.abort("enough");
        }
      })(),
    );
    expect(error).toBe("enough");
    expect(seen).toHaveLength(3);
  });

  it("a body without results throws a ThredfiError", async () => {
    server.always("GET", BUSINESSES_PATH, { json: { ok: true } });
    const error = await rejectionOf(collect(paginate(thredfi().partner, BUSINESSES_PATH)));
    expect((error as Error).name).toBe("ThredfiError");
  });
});

describe("paginate against the mock's static example", () => {
  it("ends after the example page", async () => {
    const mock = clientFor({ url: inject("thredfiMockUrl") } as TestServer);
    const items = await collect(
      paginate(mock.partner, BUSINESSES_PATH, { params: { query: { page_size: 100 } } }),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]?.id).toEqual(expect.any(String));
  });
});
