import { attempt } from "./attempt.js";
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
/** An https origin, or an http one on a loopback host. */
const SAFE_ORIGIN = /^(https:|http:\/\/(localhost|127(\.\d+){3}|\[::1\])(:\d+)?$)/;

/** Validates the options every client shares; throws `invalid_config` naming the option. */
export function resolveConnection(options: ConnectionOptions): ConnectionConfig {
  check(typeof options === "object" && options, "options must be an object");
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
  check(Number.isFinite(margin) && margin >= 0, "refreshMarginSeconds must be >= 0");
  // AbortSignal.timeout takes whole milliseconds that fit a 32-bit timer.
  check(
    Number.isInteger(timeoutMs) && timeoutMs > 0 && timeoutMs < 2 ** 31,
    "timeoutMs must be an integer from 1 to 2^31-1",
  );
  check(
    // Reading the methods may throw (a hostile getter): that is no logger either.
    !logger ||
      attempt(
        () =>
          typeof logger === "object" &&
          [logger.debug, logger.info, logger.warn, logger.error].every(
            (method) => method == null || typeof method === "function",
          ),
      ),
    "logger must be an object of functions",
  );
  const url = attempt(
    () =>
      new URL(
        options.baseUrl ?? `https://${environment === "sandbox" ? "sandbox" : "api"}.thredfi.com`,
      ),
  ) as URL;
  check(
    url &&
      SAFE_ORIGIN.test(url.origin) &&
      // Rejects credentials, query and fragment, which would break or leak from joined paths.
      url.href === url.origin + url.pathname,
    "baseUrl must be a plain https URL (http on loopback)",
  );
  return {
    baseUrl: url.href.replace(/\/+$/, ""),
    originPrefix: `${url.origin}/`,
    fetch,
    now,
    refreshMarginMs: margin * 1000,
    timeoutMs,
    // Logging never changes an outcome: a logger that throws or rejects is ignored.
    log(level, message) {
      attempt(() => Promise.resolve(logger?.[level]?.(message)).catch(() => {}));
    },
  };
}

/** Checks a UUID (8-4-4-4-12 hex digits, any version or variant) and returns it in lower case. */
export function requireId(name: string, value: unknown): string {
  check(typeof value === "string" && ID.test(value), `${name} must be a UUID`);
  return (value as string).toLowerCase();
}

/** Throws `invalid_config` with `problem`, which names the option but never its value. */
export function check(valid: unknown, problem: string): void {
  if (!valid) throw new ThredfiAuthError("invalid_config", problem);
}
