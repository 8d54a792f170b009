import { ThredfiAuthError } from "./errors.js";
import type { ConnectionOptions, ThredfiFetch, ThredfiLogger } from "./types.js";

/** Writes one log line at `level`; lines never contain secrets. */
export type Log = (level: keyof ThredfiLogger, message: string) => void;

/** Where and how a client talks to Thredfi, validated and normalised. */
export interface ConnectionConfig {
  /** Base URL without a trailing slash, e.g. `https://api.thredfi.com`. */
  readonly baseUrl: string;
  /** Origin plus `/`: only URLs starting with it may carry credentials. */
  readonly originPrefix: string;
  readonly fetch: ThredfiFetch;
  readonly now: () => number;
  readonly refreshMarginMs: number;
  /** Time limit of each token request (or `getToken` call). */
  readonly timeoutMs: number;
  readonly log: Log;
}

const ID = /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** Validates the options every client shares; throws `invalid_config` naming the option. */
export function resolveConnection(options: ConnectionOptions): ConnectionConfig {
  check(typeof options === "object" && options, "options are required");
  const {
    environment = "production",
    fetch = globalThis.fetch,
    now = Date.now,
    logger,
    timeoutMs = 30_000,
  } = options;
  const margin = options.refreshMarginSeconds ?? 300;
  check(
    environment === "production" || environment === "sandbox",
    'environment must be "production" or "sandbox"',
  );
  check(
    typeof fetch === "function" && typeof now === "function",
    "fetch and now must be functions",
  );
  check(isFiniteAtLeast(margin, 0), "refreshMarginSeconds must be >= 0");
  // AbortSignal.timeout takes whole milliseconds that fit a 32-bit timer.
  check(
    Number.isInteger(timeoutMs) && timeoutMs > 0 && timeoutMs < 2 ** 31,
    "timeoutMs must be an integer from 1 to 2^31-1",
  );
  check(
    !logger ||
      (typeof logger === "object" &&
        [logger.debug, logger.info, logger.warn, logger.error].every(
          (method) => method == null || typeof method === "function",
        )),
    "logger must be an object of functions",
  );
  const url = parseBaseUrl(
    options.baseUrl ?? `https://${environment === "sandbox" ? "sandbox" : "api"}.thredfi.com`,
  );
  return {
    baseUrl: url.origin + url.pathname.replace(/\/+$/, ""),
    originPrefix: `${url.origin}/`,
    fetch,
    now,
    refreshMarginMs: margin * 1000,
    timeoutMs,
    // Logging never changes an outcome: a logger that throws or rejects is ignored.
    log(level, message) {
      try {
        Promise.resolve(logger?.[level]?.(message)).catch(() => {});
      } catch {}
    },
  };
}

/** Checks an 8-4-4-4-12 hex id (any version or variant) and returns it in lower case. */
export function requireId(name: string, value: unknown): string {
  check(typeof value === "string" && ID.test(value), `${name} must be a 8-4-4-4-12 hex id`);
  return (value as string).toLowerCase();
}

/** Throws `invalid_config` with `problem`, which names the option but never its value. */
export function check(valid: unknown, problem: string): void {
  if (!valid) throw new ThredfiAuthError("invalid_config", problem);
}

/** A finite number that is at least `min`. */
export function isFiniteAtLeast(value: unknown, min: number): value is number {
  return typeof value === "number" && value >= min && value < Infinity;
}

function parseBaseUrl(value: unknown): URL {
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {}
  check(
    url &&
      (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.test(url.hostname))) &&
      // Rejects credentials, query and fragment, which would break or leak from joined paths.
      url.href === url.origin + url.pathname,
    "baseUrl must be a plain https URL (http on loopback)",
  );
  return url as URL;
}
