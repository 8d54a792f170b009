import type { Call } from "./call.js";
import type { ClientConfig } from "./config.js";

/** A `Retry-After` longer than this is not waited for; the usual backoff applies instead. */
export const RETRY_AFTER_LIMIT_MS = 60_000;

const FREELY_RETRIED = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

/** Whether an answer with `status` is worth another attempt: 408, 429 and 500 and above. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Whether a call of `method` may be sent again: GET, HEAD, PUT, DELETE and OPTIONS always, POST
 * and PATCH only with an `Idempotency-Key`. A stream body is read as it is sent, so never.
 */
export function isRetryableCall(method: string, hasKey: boolean, body: unknown): boolean {
  return (
    !(body instanceof ReadableStream) &&
    (FREELY_RETRIED.has(method) || ((method === "POST" || method === "PATCH") && hasKey))
  );
}

/** Whether `call` has another retry left for a failure of its last attempt. */
export function mayRetry(call: Call): boolean {
  return call.retryable && call.retries < call.maxRetries && !call.signal?.aborted;
}

/** Warns that `call` failed with `what` and has no retries left, when it had any to spend. */
export function warnGivingUp(config: ClientConfig, call: Call, what: string): void {
  if (call.retryable && call.maxRetries > 0 && !call.signal?.aborted) {
    config.log(
      "warn",
      `${call.method} ${call.template}: ${what} after ${call.attempts} attempts; giving up`,
    );
  }
}

/**
 * The wait before retry `retry + 1`: the answer's `retry-after-ms` or `Retry-After` (whole
 * seconds, or an HTTP date) when it is at most 60 s, else full jitter up to
 * `initialRetryDelayMs · 2^retry`, capped at `maxRetryDelayMs`.
 */
export function retryDelayMs(config: ClientConfig, retry: number, response?: Response): number {
  const asked = response && retryAfterMs(response.headers);
  if (asked !== undefined && asked <= RETRY_AFTER_LIMIT_MS) return Math.ceil(asked);
  const ceiling = Math.min(config.maxRetryDelayMs, config.initialRetryDelayMs * 2 ** retry);
  return Math.round(Math.random() * ceiling);
}

// The three forms of an HTTP date (RFC 9110, 5.6.7): IMF-fixdate, RFC 850 and asctime.
const HTTP_DATE =
  /^(\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT|\w{6,9}, \d{2}-\w{3}-\d{2} \d{2}:\d{2}:\d{2} GMT|\w{3} \w{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

/** The wait an answer asks for, in ms; `undefined` for none or anything malformed (`-1`, `5, 10`). */
export function retryAfterMs(headers: Headers): number | undefined {
  const milliseconds = headers.get("retry-after-ms")?.trim();
  if (milliseconds && /^\d+(\.\d+)?$/.test(milliseconds)) return Number(milliseconds);
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
