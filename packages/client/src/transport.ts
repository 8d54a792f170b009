import type { ThredfiFetch } from "@thredfi/auth";
import type { Send } from "./attempt.js";
import { withAttemptLog } from "./attempt-log.js";
import { type CallRegistry, callOf, standaloneCall } from "./call-context.js";
import type { ClientConfig } from "./config.js";
import { ensureIdempotencyKey } from "./idempotency-key.js";
import { sendWithRetries } from "./retry.js";
import { withTimeout } from "./timeout.js";

/**
 * The `fetch` the token layer and the API clients send through: retries around a per-attempt
 * log line around a per-attempt timeout around the caller's `fetch`. Composed once per client.
 */
export function createTransport(config: ClientConfig, registry: CallRegistry): ThredfiFetch {
  const { fetch } = config;
  const send: Send = withAttemptLog(
    config,
    withTimeout(config, ({ request, init, signal }) =>
      fetch(request, init ? { ...init, signal: signal ?? null } : { signal: signal ?? null }),
    ),
  );
  return (request, init) => {
    let call = callOf(request, registry);
    if (!call) {
      ensureIdempotencyKey(request);
      call = standaloneCall(request);
    }
    return sendWithRetries(config, send, { request, init, call });
  };
}
