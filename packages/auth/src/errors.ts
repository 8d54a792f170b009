/**
 * What went wrong while getting or using a token. Besides the codes below, `code` can be the
 * `error` of an OAuth2 error body or the `error_code` of a Thredfi error body.
 */
export type ThredfiAuthErrorCode =
  | "http_error"
  | "network_error"
  | "timeout"
  | "invalid_token_response"
  | "business_mismatch"
  | "invalid_config"
  | "token_provider_error"
  | (string & {});

/**
 * Every failure to get or use a token. Messages never contain the API key or a token, and
 * `JSON.stringify` / `util.inspect` show only the fields below: `cause` is not enumerable.
 */
export class ThredfiAuthError extends Error {
  override readonly name = "ThredfiAuthError";

  /**
   * @internal Built by the SDK; callers only read the fields.
   * @param code Machine-readable reason, e.g. `invalid_client`, `timeout`, `business_mismatch`.
   * @param description Human-readable explanation, free of secrets.
   * @param status HTTP status of the response that failed, or `undefined` when there was none.
   */
  constructor(
    readonly code: ThredfiAuthErrorCode,
    readonly description: string,
    readonly status?: number,
    cause?: unknown,
  ) {
    super(`${code}: ${description}${status ? ` (HTTP ${status})` : ""}`, { cause });
  }

  /** `util.inspect` prints the stack (code, description, status), never the cause. */
  [Symbol.for("nodejs.util.inspect.custom")](): string | undefined {
    return this.stack;
  }
}
