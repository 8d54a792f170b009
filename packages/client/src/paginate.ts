import { ThredfiError } from "@thredfi/auth";
import type { paths } from "@thredfi/types";
import type {
  Client,
  ClientPathsWithMethod,
  FetchResponse,
  MaybeOptionalInit,
} from "openapi-fetch";
import type { CallResult } from "./call.js";
import { unwrap } from "./unwrap.js";

type GetPath = ClientPathsWithMethod<Client<paths>, "get">;
type SuccessData<R> = R extends { data: infer D; error?: never } ? D : never;

/** The 2xx body of `GET path`. */
export type ListBody<Path extends GetPath> = SuccessData<
  FetchResponse<paths[Path]["get"], Record<never, never>, `${string}/${string}`>
>;
/** Every Thredfi path whose GET answers a page of `results` (required or optional in the spec). */
export type ListPath = {
  [Path in GetPath]: ResultsOf<ListBody<Path>> extends readonly unknown[] ? Path : never;
}[GetPath];
/** One item of the `results` of `GET path`. */
export type ListItem<Path extends ListPath> =
  ResultsOf<ListBody<Path>> extends readonly (infer Item)[] ? Item : never;

// The `results` array of a body, `undefined` when the body has none.
type ResultsOf<Body> = [Body] extends [never]
  ? undefined
  : "results" extends keyof Body
    ? NonNullable<Body["results" & keyof Body]>
    : undefined;

/** One page of a list, as {@link ThredfiPaginator.pages} yields it. */
export interface ThredfiPage<Item, Body> {
  /** The `page` query parameter the page was fetched with. */
  page: number;
  /** The page's `results`. */
  items: Item[];
  /** The whole body: `count`, `next`, `previous`, `page_info`, `results`. */
  body: Body;
  response: Response;
}

/** The items of a list across its pages; `pages()` walks it page by page instead. */
export interface ThredfiPaginator<Item, Body> extends AsyncIterable<Item> {
  /** The pages themselves, e.g. for a progress bar from `count` or `page_info`. */
  pages(): AsyncIterableIterator<ThredfiPage<Item, Body>>;
}

/** Any client of this package: its `GET` is all pagination needs. */
export interface PaginatedClient {
  GET(url: never, init?: never): Promise<CallResult>;
}

interface PageShape {
  count?: unknown;
  next?: unknown;
  page_info?: { current_page?: unknown; total_pages?: unknown; page_size?: unknown } | null;
  results?: unknown;
}

/**
 * The items of a Thredfi list across its pages (`page` and `page_size` query parameters),
 * typed from the operation's `results`. Stops on an empty page, `next: null`,
 * `current_page >= total_pages`, once `count` items were seen, on a page shorter than the page
 * size when the page says nothing of what follows, or when the server answers the page it just
 * sent (it ignores `page`). A page that comes back after others (a cycle) throws a
 * `ThredfiError`, and so does a non-2xx answer (its `ThredfiApiError`); the caller's signal
 * (`init.signal`) ends the walk.
 *
 * @example
 * for await (const business of paginate(thredfi.partner, "/v1/platform/businesses/", {
 *   params: { query: { page_size: 100 } },
 * })) {
 *   console.log(business.legal_name);
 * }
 */
export function paginate<Path extends ListPath>(
  client: PaginatedClient,
  path: Path,
  ...init: RequiredInit<Path>
): ThredfiPaginator<ListItem<Path>, ListBody<Path>> {
  const pages = () =>
    walkPages(
      (page) => {
        const first = init[0] as Record<string, unknown> | undefined;
        const params = (first?.params ?? {}) as { query?: Record<string, unknown> };
        return client.GET(
          path as never,
          { ...first, params: { ...params, query: { ...params.query, page } } } as never,
        );
      },
      `GET ${path}`,
      init[0] as PageRequest | undefined,
    ) as AsyncIterableIterator<ThredfiPage<ListItem<Path>, ListBody<Path>>>;
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
  };
}

type RequiredInit<Path extends ListPath> =
  undefined extends MaybeOptionalInit<paths[Path], "get">
    ? [init?: MaybeOptionalInit<paths[Path], "get">]
    : [init: MaybeOptionalInit<paths[Path], "get">];

/** What a walk reads of the first request: where to start, the page size, the signal. */
export interface PageRequest {
  params?: { query?: { page?: unknown; page_size?: unknown } | undefined } | undefined;
  signal?: AbortSignal | null | undefined;
}

/**
 * Walks the pages that `fetchPage(n)` answers, from the `page` of `request` (default 1), with the
 * stop rules of {@link paginate}. `what` names the list in errors.
 */
export async function* walkPages(
  fetchPage: (page: number) => Promise<CallResult>,
  what: string,
  request: PageRequest | undefined,
): AsyncIterableIterator<ThredfiPage<unknown, unknown>> {
  const query = request?.params?.query ?? {};
  const signal = request?.signal ?? undefined;
  const requestedSize = positive(query.page_size);
  // Each page seen, by what it holds, with its number: a page coming back means a cycle.
  const seenPages = new Map<string, number>();
  let page = positive(query.page) ?? 1;
  let seen = 0;
  let previous: string | undefined;
  for (;;) {
    if (signal?.aborted) throw signal.reason;
    const result = await fetchPage(page);
    const body = unwrap(result) as PageShape;
    if (!Array.isArray(body?.results)) {
      throw new ThredfiError(`${what} answered something other than a page of results`);
    }
    const items = body.results;
    const fingerprint = fingerprintOf(items);
    // An empty page, or the page before once more (a server ignoring `page`), ends the list.
    if (items.length === 0 || fingerprint === previous) return;
    const earlier = seenPages.get(fingerprint);
    if (earlier !== undefined) {
      throw new ThredfiError(
        `${what}: page ${page} repeats page ${earlier}; the pages run in a cycle`,
      );
    }
    seenPages.set(fingerprint, page);
    previous = fingerprint;
    seen += items.length;
    yield { page, items, body, response: result.response };
    if (isLastPage(body, items.length, seen, requestedSize)) return;
    page++;
  }
}

/** Whether the page `body` (with `size` items, `seen` in all so far) is the list's last. */
export function isLastPage(
  body: PageShape,
  size: number,
  seen: number,
  requestedSize: number | undefined,
): boolean {
  const info = body.page_info ?? {};
  const count = positive(body.count);
  const currentPage = positive(info.current_page);
  const totalPages = positive(info.total_pages);
  if (body.next === null || body.count === 0) return true;
  if (currentPage !== undefined && totalPages !== undefined && currentPage >= totalPages)
    return true;
  if (count !== undefined && seen >= count) return true;
  // More is announced (a link, a count, a page total): a short page does not end the list, as a
  // server may cap pages below the size asked for.
  if (typeof body.next === "string" || count !== undefined || totalPages !== undefined)
    return false;
  const pageSize = positive(info.page_size) ?? requestedSize;
  return pageSize !== undefined && size < pageSize;
}

/**
 * What a page holds, cheaply and without recursion: each item's `id`, or its top-level fields
 * (nested values by name only). Two pages with the same fingerprint are the same page.
 */
function fingerprintOf(items: readonly unknown[]): string {
  return items
    .map((item) => {
      if (item === null || typeof item !== "object") return `${typeof item}:${String(item)}`;
      const { id } = item as { id?: unknown };
      if (typeof id === "string" || typeof id === "number") return `#${id}`;
      return Object.entries(item)
        .map(([key, value]) =>
          value !== null && typeof value === "object" ? key : `${key}=${String(value)}`,
        )
        .join("&");
    })
    .join("\n");
}

function positive(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number > 0 ? number : undefined;
}
