import type { ThredfiLogger } from "./types.js";

/** How much a client logs: each level includes the ones before it. */
export type ThredfiLogLevel = "off" | "error" | "warn" | "info" | "debug";

/** A level a line is written at. */
export type LineLevel = Exclude<ThredfiLogLevel, "off">;

/** Writes one line at `level` when the client's level lets it through; never throws. */
export interface Log {
  (level: LineLevel, message: string): void;
  /** Whether lines at `level` are written: lets callers skip building a line nobody reads. */
  enabled(level: LineLevel): boolean;
}

const LEVELS: readonly ThredfiLogLevel[] = ["off", "error", "warn", "info", "debug"];

/** Whether `value` names a log level. */
export function isLogLevel(value: unknown): value is ThredfiLogLevel {
  return LEVELS.includes(value as ThredfiLogLevel);
}

/** Whether `value` can serve as a logger: absent, or an object whose methods are functions. */
export function isLogger(value: unknown): value is ThredfiLogger | null | undefined {
  if (value == null) return true;
  try {
    // Reading the methods may throw (a hostile getter): that is no logger either.
    const logger = value as ThredfiLogger;
    return (
      typeof value === "object" &&
      [logger.debug, logger.info, logger.warn, logger.error].every(
        (method) => method == null || typeof method === "function",
      )
    );
  } catch {
    return false;
  }
}

/**
 * A {@link Log} writing `prefix` + each line to `logger` up to `level`. Logging never changes an
 * outcome: a logger that throws, or whose methods return a rejected promise, is ignored.
 */
export function createLog(
  logger: ThredfiLogger | null | undefined,
  level: ThredfiLogLevel,
  prefix = "",
): Log {
  const threshold = LEVELS.indexOf(level);
  const enabled = (at: LineLevel) => LEVELS.indexOf(at) <= threshold;
  const log = ((at: LineLevel, message: string) => {
    if (!logger || !enabled(at)) return;
    try {
      const written: unknown = logger[at]?.(prefix + message);
      if (written instanceof Promise) written.catch(() => {});
    } catch {}
  }) as Log;
  log.enabled = enabled;
  return log;
}
