import type { ThredfiLogLevel } from "@thredfi/auth";
import {
  type ConnectionConfig,
  check,
  createDeadlines,
  createLog,
  type Deadlines,
  isLogLevel,
  isTimeoutMs,
  type Log,
  MAX_TIMER_MS,
  resolveConnection,
} from "@thredfi/auth/internal";
import { type AbortControllers, createAbortControllers } from "./abort-controllers.js";
import type { CallOptions, PipelineOptions } from "./options.js";

/** The request behaviour of one client, validated once and shared by every call. */
export interface ClientConfig {
  readonly connection: ConnectionConfig;
  /** The one timer of the client, on which every attempt's deadline runs. */
  readonly deadlines: Deadlines;
  /** The abort controllers its attempts take in turn. */
  readonly controllers: AbortControllers;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly initialRetryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly throwOnError: boolean;
  readonly log: Log;
  /** Strings that must never reach an error (the API key); the tokens a call sent are added. */
  readonly secrets: readonly string[];
}

/** Validates a client's options; throws `ThredfiAuthError` `invalid_config` naming the option. */
export function resolveClientConfig(
  options: PipelineOptions & Parameters<typeof resolveConnection>[0],
  secrets: readonly string[],
): ClientConfig {
  check(typeof options === "object" && options, "options must be an object");
  const {
    maxRetries = 2,
    throwOnError = false,
    logger = globalThis.console,
    logLevel = defaultLogLevel(),
    retryBackoff = {},
  } = options;
  const { initialDelayMs = 500, maxDelayMs = 8000 } = retryBackoff ?? {};
  checkMaxRetries(maxRetries);
  check(
    isDelay(initialDelayMs) && isDelay(maxDelayMs),
    "retryBackoff delays must be integers from 0 to 2^31-1",
  );
  check(typeof throwOnError === "boolean", "throwOnError must be a boolean");
  check(isLogLevel(logLevel), 'logLevel must be "off", "error", "warn", "info" or "debug"');
  const log = createLog(logger, logLevel, "thredfi: ");
  const connection = resolveConnection({ ...options, logger }, log);
  return {
    connection,
    deadlines: createDeadlines(),
    controllers: createAbortControllers(),
    timeoutMs: connection.timeoutMs,
    maxRetries,
    initialRetryDelayMs: initialDelayMs,
    maxRetryDelayMs: maxDelayMs,
    throwOnError,
    log,
    secrets,
  };
}

/** Validates the options of one call, with the same rules as the client's. */
export function checkCallOptions(options: CallOptions): void {
  const { timeoutMs, maxRetries, idempotencyKey, signal } = options;
  if (timeoutMs !== undefined) {
    check(isTimeoutMs(timeoutMs), "timeoutMs must be an integer from 1 to 2^31-1");
  }
  if (maxRetries !== undefined) checkMaxRetries(maxRetries);
  check(
    idempotencyKey == null || (typeof idempotencyKey === "string" && idempotencyKey !== ""),
    "idempotencyKey must be a non-empty string or null",
  );
  check(signal == null || signal instanceof AbortSignal, "signal must be an AbortSignal");
}

function checkMaxRetries(maxRetries: unknown): void {
  check(
    Number.isInteger(maxRetries) && (maxRetries as number) >= 0 && (maxRetries as number) <= 100,
    "maxRetries must be an integer from 0 to 100",
  );
}

function isDelay(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_TIMER_MS;
}

/** The `THREDFI_LOG` environment variable where one exists and names a level, else `"warn"`. */
function defaultLogLevel(): ThredfiLogLevel {
  let fromEnvironment: unknown;
  try {
    // No `node:` import: `process` exists on Node, Bun and Deno; reading it may be refused.
    fromEnvironment = (globalThis as { process?: { env?: Record<string, string | undefined> } })
      .process?.env?.THREDFI_LOG;
  } catch {}
  const level = typeof fromEnvironment === "string" ? fromEnvironment.trim().toLowerCase() : "";
  return isLogLevel(level) ? level : "warn";
}
