import type { operations } from "@thredfi/types";
import type { CallOptions } from "../options.js";

/**
 * Options of one resource call, after its arguments: the {@link CallOptions} and extra request
 * headers. They change this call only; none is sent on the wire but `headers`.
 */
export interface RequestOptions extends CallOptions {
  /** Headers added to this call's request (`null` removes one the client would send). */
  headers?: HeadersInit | Record<string, string | null | undefined> | undefined;
}

/** What `.withResponse()` resolves to: the data, the raw response and its request id. */
export interface WithResponse<T> {
  data: T;
  response: Response;
  /** The `x-request-id` (or `request-id`) header of the answer, for Thredfi's support. */
  requestId: string | undefined;
}

/**
 * The promise a resource method returns: it resolves to the data of a 2xx answer and rejects
 * with the `ThredfiApiError` (its subclass for the status) of any other answer.
 */
export interface APIPromise<T> extends Promise<T> {
  /** The data with the raw `Response` and its request id. */
  withResponse(): Promise<WithResponse<T>>;
}

/** One page of a list, as `list()` resolves to it. */
export interface Page<Item, Body = unknown> {
  /** The page's items (its `results`). */
  readonly data: Item[];
  /** The same array as `data`. */
  readonly items: Item[];
  /** How many items the whole list holds, when the answer says. */
  readonly count: number | undefined;
  /** The page number it was fetched as (`page` query parameter; the first page is 1). */
  readonly page: number;
  /** The whole body: `count`, `next`, `previous`, `page_info`, `results`. */
  readonly body: Body;
  readonly response: Response;
  /** Whether another page follows, by the stop rules of `paginate()`. */
  hasNextPage(): boolean;
  /** Fetches the next page, with this page's query and options; rejects when there is none. */
  getNextPage(): Promise<Page<Item, Body>>;
}

/**
 * What `list()` returns: awaited, the first page; iterated with `for await`, every item of every
 * page (the first page's answer reused), with the stop rules of `paginate()`, ended by the call's
 * `signal`.
 */
export interface PagePromise<Item, Body = unknown>
  extends APIPromise<Page<Item, Body>>,
    AsyncIterable<Item> {}

/** An operationId of the spec. */
export type OperationId = keyof operations;

type JsonOf<T> = T extends { content: infer Content }
  ? Content extends { "application/json": infer Json }
    ? Json
    : Content[keyof Content]
  : undefined;

/** The request body of an operation: its type in `@thredfi/types` itself. */
export type Body<Id extends OperationId> = JsonOf<NonNullable<operations[Id]["requestBody"]>>;

/** The query parameters of an operation. */
export type Query<Id extends OperationId> = NonNullable<operations[Id]["parameters"]["query"]>;

/** The data of an operation's answers of `Status`. */
export type Data<Id extends OperationId, Status extends keyof operations[Id]["responses"]> = JsonOf<
  operations[Id]["responses"][Status]
>;

/** One item of the page an operation answers with 200. */
export type Item<Id extends OperationId> =
  Data<Id, 200 & keyof operations[Id]["responses"]> extends { results?: infer Results }
    ? NonNullable<Results> extends readonly (infer One)[]
      ? One
      : never
    : never;
