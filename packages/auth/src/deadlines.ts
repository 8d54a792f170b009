/** Something that must happen unless it is cancelled first. */
export interface Deadline {
  /** `performance.now()` at which it is due. */
  at: number;
  /** How often the sweep must run for this deadline to be on time. */
  tickMs: number;
  /** Called as a method of the deadline, so one function can serve many. */
  expire(): void;
}

/** The running deadlines of one client. */
export interface Deadlines {
  /** Calls `expire` about `ms` from now (never sooner, at most a tenth later) unless cancelled. */
  start(ms: number, expire: () => void): Deadline;
  /** Runs `deadline` again, due `ms` from now: a deadline object reused attempt after attempt. */
  restart(deadline: Deadline, ms: number): void;
  cancel(deadline: Deadline): void;
}

/**
 * Deadlines kept by one timer per client, which sweeps every tenth of the shortest running time
 * limit (at most every second) while any deadline runs: far cheaper per request than a timer
 * each, so a call carries a deadline without owning a timer. The timer is unref'd where the
 * runtime allows, so it never keeps a process alive on its own.
 */
export function createDeadlines(): Deadlines {
  const running = new Set<Deadline>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedTickMs = Number.POSITIVE_INFINITY;

  function arm(tickMs: number) {
    clearTimeout(timer);
    armedTickMs = tickMs;
    timer = setTimeout(sweep, tickMs);
    (timer as { unref?: () => void }).unref?.();
  }

  function sweep() {
    const time = performance.now();
    let tickMs = Number.POSITIVE_INFINITY;
    for (const deadline of running) {
      if (deadline.at <= time) {
        running.delete(deadline);
        deadline.expire();
      } else tickMs = Math.min(tickMs, deadline.tickMs);
    }
    armedTickMs = Number.POSITIVE_INFINITY;
    if (running.size > 0) arm(tickMs);
  }

  function restart(deadline: Deadline, ms: number): void {
    const tickMs = Math.max(1, Math.min(1000, Math.ceil(ms / 10)));
    deadline.at = performance.now() + ms;
    deadline.tickMs = tickMs;
    running.add(deadline);
    if (tickMs < armedTickMs) arm(tickMs);
  }

  return {
    start(ms, expire) {
      const deadline = { at: 0, tickMs: 0, expire };
      restart(deadline, ms);
      return deadline;
    },
    restart,
    cancel(deadline) {
      running.delete(deadline);
    },
  };
}

/**
 * Runs `work` with a signal that aborts after `ms`, and rejects with `onTimeout()` at that moment
 * even when `work` ignores the signal (a custom `fetch` or `getToken` may), so hung work always
 * ends. Also rejects with `caller.reason` as soon as `caller` aborts.
 */
export function withDeadline<T>(
  deadlines: Deadlines,
  ms: number,
  onTimeout: () => unknown,
  work: (signal: AbortSignal) => Promise<T>,
  caller?: AbortSignal,
): Promise<T> {
  if (caller?.aborted) return Promise.reject(caller.reason);
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const stop = (reason: unknown) => {
      controller.abort(reason);
      reject(reason);
    };
    const onAbort = () => stop(caller?.reason);
    const deadline = deadlines.start(ms, () => stop(onTimeout()));
    caller?.addEventListener("abort", onAbort);
    let running: Promise<T>;
    try {
      running = work(controller.signal);
    } catch (error) {
      running = Promise.reject(error);
    }
    running.then(resolve, reject).finally(() => {
      deadlines.cancel(deadline);
      caller?.removeEventListener("abort", onAbort);
    });
  });
}
