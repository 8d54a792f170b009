import type { Send } from "./attempt.js";
import type { ClientConfig } from "./config.js";
import { ThredfiTimeoutError } from "./errors.js";
import { safeText } from "./text.js";

/**
 * At `debug`, one line per attempt: method, path template, status (or `timeout`/`network
 * error`), duration, attempt number and request id. No query values, bodies or headers.
 */
export function withAttemptLog(config: ClientConfig, next: Send): Send {
  const { log } = config;
  if (!log.enabled("debug")) return next;
  return async (attempt) => {
    const { method, template, attempts } = attempt.call;
    const started = performance.now();
    const line = (outcome: string) =>
      `${method} ${template} ${outcome} ${Math.round(performance.now() - started)}ms attempt=${attempts}`;
    try {
      const response = await next(attempt);
      const requestId = response.headers.get("x-request-id") ?? response.headers.get("request-id");
      log(
        "debug",
        `${line(String(response.status))}${requestId ? ` request_id=${safeText(requestId)}` : ""}`,
      );
      return response;
    } catch (error) {
      if (attempt.call.signal?.aborted) log("debug", line("aborted"));
      else log("debug", line(error instanceof ThredfiTimeoutError ? "timeout" : "network_error"));
      throw error;
    }
  };
}
