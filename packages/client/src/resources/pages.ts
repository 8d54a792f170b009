import { ThredfiError } from "@thredfi/auth";
import type { CallResult } from "../call.js";
import { isLastPage, walkPages } from "../paginate.js";
import { ResourcePromise } from "./api-promise.js";
import { dataOf, type MethodSpec, type ResourceContext, sendResourceCall } from "./send-call.js";
import type { Page, PagePromise, RequestOptions } from "./types.js";

/** What a list call keeps to fetch its other pages. */
interface ListCall {
  readonly context: ResourceContext;
  readonly spec: MethodSpec;
  readonly ids: readonly unknown[];
  readonly query: Record<string, unknown> | undefined;
  readonly options: RequestOptions | undefined;
}

interface PageBody {
  count?: unknown;
  results?: unknown;
}

/**
 * `list(...)`: the first page is requested at once (with the query as given); the promise
 * resolves to it, and `for await` walks every item of every page from it with `walkPages`,
 * reusing the first page's answer.
 */
export function listPages(
  context: ResourceContext,
  spec: MethodSpec,
  ids: readonly unknown[],
  query: Record<string, unknown> | undefined,
  options: RequestOptions | undefined,
): PagePromise<unknown> {
  const list: ListCall = { context, spec, ids, query, options };
  return new ListPromise(list, sendPage(list, undefined));
}

/** The promise of `list()`: the first page when awaited, every item when iterated. */
class ListPromise extends ResourcePromise<Page<unknown>> implements PagePromise<unknown> {
  readonly #list: ListCall;

  constructor(list: ListCall, first: Promise<CallResult>) {
    const start = positive(list.query?.page) ?? 1;
    super(first, (result) => pageOf(list, result, start, 0));
    this.#list = list;
  }

  [Symbol.asyncIterator](): AsyncIterator<unknown> {
    return items(this.#list, this.sent);
  }
}

async function* items(list: ListCall, first: Promise<CallResult>): AsyncGenerator<unknown> {
  let firstSent = false;
  const fetchPage = (page: number) => {
    if (firstSent) return sendPage(list, page);
    firstSent = true;
    return first;
  };
  const request = { params: { query: list.query }, signal: list.options?.signal };
  for await (const page of walkPages(fetchPage, `GET ${list.spec.template}`, request)) {
    yield* page.items;
  }
}

/** Sends the request of page `page` (`undefined`: the query as the caller gave it). */
function sendPage(list: ListCall, page: number | undefined): Promise<CallResult> {
  try {
    const query = page === undefined ? list.query : { ...list.query, page };
    return sendResourceCall(list.context, list.spec, list.ids, undefined, query, list.options);
  } catch (error) {
    return Promise.reject(error);
  }
}

function pageOf(
  list: ListCall,
  result: CallResult,
  page: number,
  seenBefore: number,
): Page<unknown> {
  const body = dataOf(result) as PageBody;
  if (!Array.isArray(body?.results)) {
    throw new ThredfiError(
      `GET ${list.spec.template} answered something other than a page of results`,
    );
  }
  return new ResourcePage(list, body, result.response, page, seenBefore + body.results.length);
}

class ResourcePage implements Page<unknown> {
  readonly #list: ListCall;
  readonly #seen: number;
  readonly data: unknown[];

  constructor(
    list: ListCall,
    readonly body: PageBody,
    readonly response: Response,
    readonly page: number,
    seen: number,
  ) {
    this.#list = list;
    this.#seen = seen;
    this.data = body.results as unknown[];
  }

  get items(): unknown[] {
    return this.data;
  }

  get count(): number | undefined {
    return typeof this.body.count === "number" ? this.body.count : undefined;
  }

  hasNextPage(): boolean {
    const size = this.data.length;
    const requested = positive(this.#list.query?.page_size);
    return size > 0 && !isLastPage(this.body, size, this.#seen, requested);
  }

  getNextPage(): Promise<Page<unknown>> {
    if (!this.hasNextPage()) {
      return Promise.reject(
        new ThredfiError(`GET ${this.#list.spec.template}: page ${this.page} is the last page`),
      );
    }
    const next = this.page + 1;
    return sendPage(this.#list, next).then((result) =>
      pageOf(this.#list, result, next, this.#seen),
    );
  }
}

function positive(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number > 0 ? number : undefined;
}
