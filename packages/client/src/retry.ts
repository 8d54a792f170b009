import type { Attempt, Send } from "./attempt.js";
import type { ClientConfig } from "./config.js";
import { ThredfiConnectionError } from "./errors.js";
import { recordExchange } from "./exchanges.js";
import { takesIdempotencyKey } from "./idempotency-key.js";

/** A `Retry-After` longer than this is not waited for; the usual backoff applies instead. */
export const RETRY_AFTER_LIMIT_MS = 60_000;

const FREELY_RETRIED = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** Whether an answer with `status` is worth another attempt: 408, 429 and 500 and above. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Sends `attempt` and retries it up to `maxRetries` times after a network failure, a timeout
 * or a retryable status, when its method allows: GET, HEAD, PUT, DELETE and OPTIONS always,
 * POST and PATCH only with an `Idempotency-Key`. A request with a body is read once and sent
 * with the same bytes every time. The caller's abort ends a backoff wait at once.
 */
export async function sendWithRetries(
  config: ClientConfig,
  send: Send,
  attempt: Attempt,
): Promise<Response> {
  const { request, call } = attempt;
  const { log, maxRetries } = config;
  const body = request.body === null ? null : await request.arrayBuffer();
  const retryable =
    FREELY_RETRIED.has(request.method) ||
    (takesIdempotencyKey(request.method) && request.headers.has("idempotency-key"));
  for (let retry = 0; ; retry++) {
    call.attempts++;
    const sent = body === null ? request : new Request(request, { body });
    let response: Response | undefined;
    let failure: ThredfiConnectionError | undefined;
    try {
      response = await send({ request: sent, init: attempt.init, call });
    } catch (error) {
      if (!(error instanceof ThredfiConnectionError)) throw error;
      failure = error;
    }
    if (response && !isRetryableStatus(response.status)) return recorded(config, attempt, response);
    const what = response ? `HTTP ${response.status}` : (failure as ThredfiConnectionError).name;
    if (!retryable || retry >= maxRetries) {
      if (retryable && maxRetries > 0) {
        log(
          "warn",
          `${call.method} ${call.template}: ${what} after ${call.attempts} attempts; giving up`,
        );
      }
      if (response) return recorded(config, attempt, response);
      throw failure;
    }
    call.settle?.();
    const delayMs = retryDelayMs(config, retry, response);
    void response?.body?.cancel().catch(() => {});
    log(
      "info",
      `${call.method} ${call.template}: ${what} on attempt ${call.attempts}; retrying in ${delayMs} ms (attempt ${call.attempts + 1} of ${call.attempts + maxRetries - retry})`,
    );
    await sleep(delayMs, call.signal);
  }
}

/**
 * `response`, remembering its attempts and the request's credentials for the error built from it
 * later: only a non-2xx answer ever becomes one.
 */
function recorded(config: ClientConfig, { request, call }: Attempt, response: Response): Response {
  if (!response.ok) recordExchange(response, call.attempts, request, config.secrets);
  return response;
}

/**
 * The wait before retry `retry + 1`: the answer's `Retry-After` (seconds or an HTTP date) or
 * `retry-after-ms` when it is at most 60 s, else full jitter up to
 * `initialRetryDelayMs · 2^retry`, capped at `maxRetryDelayMs`.
 */
export function retryDelayMs(config: ClientConfig, retry: number, response?: Response): number {
  const asked = response && retryAfterMs(response.headers);
  if (asked !== undefined && asked >= 0 && asked <= RETRY_AFTER_LIMIT_MS) return Math.ceil(asked);
  const ceiling = Math.min(config.maxRetryDelayMs, config.initialRetryDelayMs * 2 ** retry);
  return Math.round(Math.random() * ceiling);
}

function retryAfterMs(headers: Headers): number | undefined {
  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds !== null && /^\s*\d+(\.\d+)?\s*$/.test(milliseconds))
    return Number(milliseconds);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
