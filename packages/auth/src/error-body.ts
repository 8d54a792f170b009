/** The code and the words an error body of the Thredfi API or its token endpoints carries. */
export interface ErrorBodyReading {
  /** Thredfi's `error_code`, else an OAuth2 `error` code; `undefined` when the body names none. */
  code: string | undefined;
  /** The server's own words about the failure, else `HTTP <status>`. */
  words: string;
}

// An OAuth2 error code: one word such as `invalid_client`, never a sentence.
const OAUTH_CODE = /^[a-z][\w.-]*$/i;

/**
 * Reads an error body: Thredfi bodies carry a code in `error_code` and a sentence in `error`;
 * OAuth2 bodies a code in `error` and words in `error_description`; Django's default bodies
 * words in `detail`. A sentence in `error` is never taken for a code. A plain-text body (a
 * proxy's) is its own words; markup (an HTML error page) gives none. Never throws.
 */
export function readErrorBody(status: number, body: unknown): ErrorBodyReading {
  if (typeof body === "string") {
    const text = body.trim();
    return { code: undefined, words: text && !text.startsWith("<") ? text : `HTTP ${status}` };
  }
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const { error, error_code, error_description, detail, message } = fields;
  const code =
    typeof error_code === "string" && error_code
      ? error_code
      : typeof error === "string" && OAUTH_CODE.test(error)
        ? error
        : undefined;
  const words = [
    code === error ? error_description : error,
    error_description,
    detail,
    message,
  ].find((candidate): candidate is string => typeof candidate === "string" && candidate !== "");
  return { code, words: words ?? `HTTP ${status}` };
}
