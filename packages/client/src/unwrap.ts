import { apiErrorFor, type ThredfiApiError } from "./errors.js";
import { exchangeOf } from "./exchanges.js";

/** What every call of an openapi-fetch client resolves to. */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

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

/** The {@link ThredfiApiError} for a non-2xx result, with its attempts and secrets redacted. */
export function apiErrorOf(result: CallResult): ThredfiApiError {
  const { response } = result;
  const exchange = exchangeOf(response);
  return apiErrorFor({
    status: response.status,
    body: result.error,
    headers: response.headers,
    attempts: exchange?.attempts,
    secrets: exchange?.secrets(),
  });
}
