import { ThredfiError } from "@thredfi/auth";
import { safeText } from "@thredfi/auth/internal";
import type { Call, CallResult } from "./call.js";
import { errorBodyCopy } from "./error-body-copy.js";
import { apiErrorClassOf, type ThredfiApiError } from "./errors.js";

// The error of a non-2xx result, built once with what only the call knows (its secrets and
// attempts): a property of the result object, which belongs to this call alone.
const API_ERROR = Symbol("thredfi.apiError");
type ErrorResult = CallResult & { [API_ERROR]?: ThredfiApiError };

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * Reads the final answer of `call` into its result, as openapi-fetch does: no body for 204, HEAD
 * or `Content-Length: 0`; a 2xx body parsed as `parseAs` asks (JSON by default); any other body
 * parsed as JSON when it is JSON, else kept as text, with the call's secrets redacted. Never
 * throws anything but a `ThredfiError`; a body that breaks off rejects with the stream's error.
 */
export async function readAnswer(
  call: Call,
  response: Response,
  parseAs = call.parseAs,
): Promise<CallResult> {
  const { status, headers } = response;
  const length = headers.get("content-length");
  const empty =
    status === 204 ||
    call.method === "HEAD" ||
    (length === "0" && !headers.get("transfer-encoding")?.includes("chunked"));
  if (parseAs === "buffer") return { response: await buffered(response) };
  if (response.ok) {
    if (empty) return { data: undefined, response };
    if (parseAs !== "json") return { data: await readData(response, parseAs), response };
    // JSON, the common case, read here: one step less on every call.
    const text = await response.text();
    return { data: text || length ? parseJson(call, text) : undefined, response };
  }
  return errorResult(call, response, empty ? "" : await response.text());
}

/** The `ThredfiApiError` of a non-2xx result of the SDK, else one built from the result itself. */
export function apiErrorOf(result: CallResult): ThredfiApiError {
  const { response } = result;
  const ApiError = apiErrorClassOf(response.status);
  return (
    (result as ErrorResult)[API_ERROR] ??
    new ApiError(response.status, result.error, response.headers, 1)
  );
}

/** The result of a non-2xx answer whose body is `text`. */
export function errorResult(call: Call, response: Response, text: string): CallResult {
  const secrets = secretsOf(call);
  const error = errorBodyCopy(text, secrets);
  const ApiError = apiErrorClassOf(response.status);
  const result: ErrorResult = { error, response };
  Object.defineProperty(result, API_ERROR, {
    value: new ApiError(response.status, error, response.headers, call.attempts),
  });
  return result;
}

/** The body as `parseAs` asks: the stream itself, or the promise of text, a Blob or bytes. */
function readData(response: Response, parseAs: Exclude<Call["parseAs"], "buffer" | "json">) {
  return parseAs === "stream" ? response.body : response[parseAs]();
}

/** `text` parsed; a `ThredfiError` (the parser's words redacted) when it is not JSON. */
function parseJson(call: Call, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the text, which may echo a credential.
    const cause = new SyntaxError(safeText((error as Error).message, secretsOf(call)));
    throw new ThredfiError(`${call.method} ${call.template}: the answer is not valid JSON`, {
      cause,
    });
  }
}

/** `response` with its body read into memory, for middleware that reads it and the SDK after. */
async function buffered(response: Response): Promise<Response> {
  const { status, statusText, headers } = response;
  const body = NULL_BODY_STATUSES.has(status) ? null : await response.arrayBuffer();
  return new Response(body, { status, statusText, headers });
}

/** The call's secrets and the credentials of the tokens it sent. */
function secretsOf(call: Call): string[] {
  const secrets = [...call.secrets];
  for (const token of [call.token, call.refusedToken]) if (token) secrets.push(token.accessToken);
  return secrets;
}
