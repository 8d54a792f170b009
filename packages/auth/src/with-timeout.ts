import { abortable } from "./abortable.js";
import { ThredfiAuthError } from "./errors.js";

/**
 * Runs `work` with a signal that aborts after `ms`, and rejects with `timeout` at that moment
 * even when `work` ignores the signal (a custom `fetch` may), so a hung request always ends.
 */
export function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  return abortable(() => work(signal), signal).catch((error) => {
    throw signal.aborted
      ? new ThredfiAuthError("timeout", `no answer within ${ms} ms`, undefined, error)
      : error;
  });
}
