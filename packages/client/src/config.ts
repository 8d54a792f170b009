import { ThredfiAuthError, type ThredfiFetch } from "@thredfi/auth";
import { createLog, defaultLogLevel, isLogLevel, type Log } from "./log.js";
import type { RequestOptions } from "./types.js";

/** The request behaviour of one client, validated once and shared by its layers. */
export interface ClientConfig {
  /** The caller's `fetch`, or the global one. */
  readonly fetch: ThredfiFetch;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly throwOnError: boolean;
  readonly log: Log;
  /** Strings that must never reach an error (the API key); tokens are added per request. */
  readonly secrets: readonly string[];
}

/** Longest timer a runtime accepts (2^31-1 ms, about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Validates the request options; throws `ThredfiAuthError` `invalid_config` naming the option. */
export function resolveClientConfig(
  options: RequestOptions & { fetch?: ThredfiFetch | undefined },
  secrets: readonly string[],
): ClientConfig {
  check(typeof options === "object" && options, "options are required");
  const {
    fetch = globalThis.fetch,
    timeoutMs = 60_000,
    maxRetries = 2,
    throwOnError = false,
    logger = globalThis.console,
    logLevel = defaultLogLevel(),
    retryBackoff = {},
  } = options;
  const { initialDelayMs = 500, maxDelayMs = 8000 } = retryBackoff ?? {};
  check(typeof fetch === "function", "fetch must be a function");
  check(isTimerMs(timeoutMs) && timeoutMs > 0, "timeoutMs must be an integer from 1 to 2^31-1");
  check(
    Number.isInteger(maxRetries) && maxRetries >= 0 && maxRetries <= 100,
    "maxRetries must be an integer from 0 to 100",
  );
  check(
    isTimerMs(initialDelayMs) && isTimerMs(maxDelayMs),
    "retryBackoff delays must be integers from 0 to 2^31-1",
  );
  check(
    logger === null ||
      (typeof logger === "object" &&
        [logger.debug, logger.info, logger.warn, logger.error].every(
          (method) => method == null || typeof method === "function",
        )),
    "logger must be an object of functions",
  );
  check(typeof throwOnError === "boolean", "throwOnError must be a boolean");
  check(isLogLevel(logLevel), 'logLevel must be "off", "error", "warn", "info" or "debug"');
  return {
    fetch,
    timeoutMs,
    maxRetries,
    initialRetryDelayMs: initialDelayMs,
    maxRetryDelayMs: maxDelayMs,
    throwOnError,
    log: createLog(logger ?? {}, logLevel),
    secrets,
  };
}

/** Throws `invalid_config` with `problem`, which names the option but never its value. */
export function check(valid: unknown, problem: string): void {
  if (!valid) throw new ThredfiAuthError("invalid_config", problem);
}

function isTimerMs(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_TIMER_MS;
}
