import { ThredfiAuthError } from "./errors.js";
import { createLog, isLogger, type Log } from "./log.js";
import type { ConnectionOptions, ThredfiEnvironment, ThredfiFetch } from "./types.js";

/** Where and how a client talks to Thredfi, validated and normalised. */
export interface ConnectionConfig {
  /** Base URL without a trailing slash, e.g. `https://api.thredfi.com`. */
  readonly baseUrl: string;
  /** Origin plus `/`: only URLs starting with it may carry credentials. */
  readonly originPrefix: string;
  readonly fetch: ThredfiFetch;
  readonly now: () => number;
  readonly refreshMarginMs: number;
  /** Time limit of each token request, or `getToken` call, in milliseconds. */
  readonly timeoutMs: number;
  readonly log: Log;
}

/** Default time limit of a request, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Longest timer a runtime accepts (2^31-1 ms, about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Where each environment's Partner API is. */
export const ENVIRONMENT_URLS: Readonly<Record<ThredfiEnvironment, string>> = {
  production: "https://api.thredfi.com",
  sandbox: "https://sandbox.thredfi.com",
  staging: "https://staging-backend.thredfi.com",
  development: "https://dev-backend.thredfi.com",
};

const ID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
/** An http origin on a loopback host, where plain http is safe without being asked for. */
const LOOPBACK = /^http:\/\/(localhost|127(\.\d+){3}|\[::1\])(:\d+)?$/;

/** Validates the options every client shares; throws `invalid_config` naming the option. */
export function resolveConnection(options: ConnectionOptions, log?: Log): ConnectionConfig {
  check(typeof options === "object" && options, "options must be an object");
  const {
    environment = "production",
    fetch = globalThis.fetch,
    now = Date.now,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    allowInsecureHttp = false,
  } = options;
  const margin = options.refreshMarginSeconds ?? 300;
  check(
    Object.hasOwn(ENVIRONMENT_URLS, environment),
    'environment must be "production", "sandbox", "staging" or "development"',
  );
  check(
    typeof fetch === "function" && typeof now === "function",
    "fetch and now must be functions",
  );
  check(Number.isFinite(margin) && margin >= 0, "refreshMarginSeconds must be >= 0");
  check(isTimeoutMs(timeoutMs), "timeoutMs must be an integer from 1 to 2^31-1");
  check(typeof allowInsecureHttp === "boolean", "allowInsecureHttp must be a boolean");
  check(isLogger(options.logger), "logger must be an object of functions");
  // An empty string (an environment variable set to nothing) counts as unset.
  const url = parseUrl(options.baseUrl || ENVIRONMENT_URLS[environment]);
  check(
    url &&
      (url.protocol === "https:" ||
        (url.protocol === "http:" && (allowInsecureHttp || LOOPBACK.test(url.origin)))) &&
      // Rejects credentials, query and fragment, which would break or leak from joined paths.
      url.href === url.origin + url.pathname,
    "baseUrl must be a plain https URL (http on loopback, or anywhere with allowInsecureHttp)",
  );
  const base = (url as URL).href.replace(/\/+$/, "");
  return {
    baseUrl: base,
    originPrefix: `${(url as URL).origin}/`,
    fetch,
    now,
    refreshMarginMs: margin * 1000,
    timeoutMs,
    log: log ?? createLog(options.logger, "debug"),
  };
}

/** Whether `value` is a usable time limit: whole milliseconds from 1 to 2^31-1. */
export function isTimeoutMs(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_TIMER_MS;
}

/**
 * Checks a UUID (8-4-4-4-12 hex digits, any version or variant) and returns it in lower case;
 * throws `code` (`invalid_config` for an option) naming `name`, never echoing the value.
 */
export function requireId(name: string, value: unknown, code = "invalid_config"): string {
  check(
    typeof value === "string" && ID.test(value),
    `${name} must be a UUID (8-4-4-4-12 hex digits)`,
    code,
  );
  return (value as string).toLowerCase();
}

/** Checks a business id: a UUID, else `invalid_business_id`. Returns it in lower case. */
export function requireBusinessId(value: unknown): string {
  return requireId("businessId", value, "invalid_business_id");
}

/** Throws `code` (`invalid_config`) with `problem`, which names the option but never its value. */
export function check(valid: unknown, problem: string, code = "invalid_config"): void {
  if (!valid) throw new ThredfiAuthError(code, problem);
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {}
}
