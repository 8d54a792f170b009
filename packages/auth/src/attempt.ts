/** What `run()` returns, or `undefined` when it throws. */
export function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {}
}
