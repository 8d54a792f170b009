/**
 * Settles as `start()` does, or rejects with `signal.reason` as soon as `signal` aborts, as
 * `fetch` does. `signal` must not have aborted yet: callers check that before starting anything.
 * Giving up only stops this wait: the work itself goes on for whoever else awaits it.
 */
export function abortable<T>(start: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal?.reason);
    signal?.addEventListener("abort", abort);
    start()
      .then(resolve, reject)
      .finally(() => signal?.removeEventListener("abort", abort));
  });
}
