import type { ThredfiLogger } from "@thredfi/auth";

/** How much the client logs: each level includes the ones before it. */
export type ThredfiLogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Writes one line at `level` when the client's `logLevel` lets it through. */
export interface Log {
  (level: Exclude<ThredfiLogLevel, "off">, message: string): void;
  /** Whether lines at `level` are written: lets callers skip building a line nobody reads. */
  enabled(level: Exclude<ThredfiLogLevel, "off">): boolean;
}

const LEVELS: readonly ThredfiLogLevel[] = ["off", "error", "warn", "info", "debug"];

/** Whether `value` names a log level. */
export function isLogLevel(value: unknown): value is ThredfiLogLevel {
  return LEVELS.includes(value as ThredfiLogLevel);
}

/** The `THREDFI_LOG` environment variable where one exists and names a level, else `"warn"`. */
export function defaultLogLevel(): ThredfiLogLevel {
  let fromEnvironment: unknown;
  try {
    // No `node:` import: `process` exists on Node, Bun and Deno; reading it may be refused.
    fromEnvironment = (globalThis as { process?: { env?: Record<string, string | undefined> } })
      .process?.env?.THREDFI_LOG;
  } catch {}
  const level = typeof fromEnvironment === "string" ? fromEnvironment.trim().toLowerCase() : "";
  return isLogLevel(level) ? level : "warn";
}

/** A {@link Log} writing to `logger` (the console by default) up to `level`; never throws. */
export function createLog(logger: ThredfiLogger, level: ThredfiLogLevel): Log {
  const threshold = LEVELS.indexOf(level);
  const enabled = (at: Exclude<ThredfiLogLevel, "off">) => LEVELS.indexOf(at) <= threshold;
  const log = ((at, message) => {
    if (!enabled(at)) return;
    // A logger that throws must never change what a call returns or throws.
    try {
      logger[at]?.(`thredfi: ${message}`);
    } catch {}
  }) as Log;
  log.enabled = enabled;
  return log;
}

/**
 * The logger handed to `@thredfi/auth`: its token lines (fetches, refreshes, the 401 replay,
 * written at `debug` there) are token refreshes here, so they arrive at `info`.
 */
export function authLogger(log: Log): Required<ThredfiLogger> {
  return {
    debug: (message) => log("info", message),
    info: (message) => log("info", message),
    warn: (message) => log("warn", message),
    error: (message) => log("error", message),
  };
}
