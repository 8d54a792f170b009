import type { CallResult } from "./call.js";
import { apiErrorOf } from "./read-answer.js";

type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

/**
 * The `data` of a call's result, or the matching {@link ThredfiApiError} thrown for a non-2xx
 * answer. Takes the result or the call's promise.
 *
 * @example
 * const business = await unwrap(thredfi.partner.GET("/v1/platform/businesses/{business_id}/", {
 *   params: { path: { business_id } },
 * }));
 */
export function unwrap<R extends CallResult>(result: Promise<R>): Promise<DataOf<R>>;
export function unwrap<R extends CallResult>(result: R): DataOf<R>;
export function unwrap<R extends CallResult>(
  result: R | Promise<R>,
): DataOf<R> | Promise<DataOf<R>> {
  if (result instanceof Promise) return result.then((settled) => unwrap(settled));
  if (!result.response.ok) throw apiErrorOf(result);
  return result.data as DataOf<R>;
}
