/**
 * What went wrong while getting or using a token. Besides the codes below, `code` can be the
 * `error` of an OAuth2 error body or the `error_code` of a Thredfi error body.
 */
export type ThredfiAuthErrorCode =
  | "http_error"
  | "network_error"
  | "timeout"
  | "unexpected_redirect"
  | "invalid_token_response"
  | "business_mismatch"
  | "invalid_config"
  | "token_provider_error"
  | (string & {});

/**
 * The base of every error the Thredfi SDK throws: `instanceof ThredfiError` catches them all.
 * Messages never contain the API key or a token, and `util.inspect` shows the stack, never the
 * `cause` (which is not enumerable, so `JSON.stringify` leaves it out too).
 */
export class ThredfiError extends Error {
  override readonly name: string = "ThredfiError";

  /** `util.inspect` prints the stack (name and message), never the cause. */
  [Symbol.for("nodejs.util.inspect.custom")](): string | undefined {
    return this.stack;
  }
}

/**
 * Every failure to get or use a token. `JSON.stringify` shows only the fields below.
 */
export class ThredfiAuthError extends ThredfiError {
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
}
