import { ThredfiError } from "@thredfi/auth";
import type { paths } from "@thredfi/types";
import type {
  Client,
  ClientPathsWithMethod,
  FetchResponse,
  MaybeOptionalInit,
} from "openapi-fetch";
import { type CallResult, unwrap } from "./unwrap.js";

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
 * `current_page >= total_pages`, a short page, once `count` items were seen, or when the server
 * answers a page it already sent. A non-2xx answer throws its `ThredfiApiError`; the caller's
 * signal (`init.signal`) ends the walk.
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
      client,
      path,
      init[0] as Record<string, unknown> | undefined,
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

async function* walkPages(
  client: PaginatedClient,
  path: string,
  init: Record<string, unknown> | undefined,
): AsyncIterableIterator<ThredfiPage<unknown, unknown>> {
  const params = (init?.params ?? {}) as { query?: Record<string, unknown> };
  const query = params.query ?? {};
  const signal = init?.signal as AbortSignal | undefined;
  const requestedSize = positive(query.page_size);
  let page = positive(query.page) ?? 1;
  let seen = 0;
  let previous: string | undefined;
  for (;;) {
    if (signal?.aborted) throw signal.reason;
    const result = await client.GET(
      path as never,
      { ...init, params: { ...params, query: { ...query, page } } } as never,
    );
    const body = unwrap(result) as PageShape;
    if (!Array.isArray(body?.results)) {
      throw new ThredfiError(`GET ${path} answered something other than a page of results`);
    }
    const items = body.results;
    const fingerprint = JSON.stringify(items);
    // An empty page, or the page before once more (a server ignoring `page`), ends the list.
    if (items.length === 0 || fingerprint === previous) return;
    previous = fingerprint;
    seen += items.length;
    yield { page, items, body, response: result.response };
    const info = body.page_info ?? {};
    const pageSize = positive(info.page_size) ?? requestedSize;
    const count = positive(body.count);
    const currentPage = positive(info.current_page);
    const totalPages = positive(info.total_pages);
    if (
      body.next === null ||
      (currentPage !== undefined && totalPages !== undefined && currentPage >= totalPages) ||
      (pageSize !== undefined && items.length < pageSize) ||
      (count !== undefined && seen >= count) ||
      body.count === 0
    ) {
      return;
    }
    page++;
  }
}

function positive(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number > 0 ? number : undefined;
}
