import { abortable } from "./abortable.js";
import { ThredfiAuthError } from "./errors.js";

/**
 * Runs one token request, `work`, with a signal that aborts after `ms`. Rejects with `timeout`
 * at that moment even when `work` ignores the signal (a custom `fetch` may), so a hung request
 * always ends. A {@link ThredfiAuthError} from `work` passes through; any other failure becomes
 * `network_error`, with the failure as its cause.
 */
export function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(ms);
  return abortable(() => work(signal), signal).catch((error) => {
    throw signal.aborted
      ? new ThredfiAuthError("timeout", `no answer within ${ms} ms`, undefined, error)
      : error instanceof ThredfiAuthError
        ? error
        : new ThredfiAuthError("network_error", "token request failed", undefined, error);
  });
}
