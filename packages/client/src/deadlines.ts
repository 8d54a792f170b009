/** Something that must happen unless it is cancelled first. */
export interface Deadline {
  /** The sweep after which it is due. */
  due: number;
  expire(): void;
}

/** The running deadlines of one client, all of the same length. */
export interface Deadlines {
  /** Starts `expire`'s countdown of `timeoutMs`; returns the deadline to {@link Deadlines.cancel}. */
  start(expire: () => void): Deadline;
  cancel(deadline: Deadline): void;
}

/**
 * Deadlines of `timeoutMs` kept by one timer per client that sweeps every tenth of `timeoutMs`
 * (at most every second) while any deadline runs: a deadline expires between `timeoutMs` and
 * `timeoutMs` plus one tick after it started. Far cheaper per request than a timer each. The
 * timer is unref'd where the runtime allows, so it never keeps a process alive on its own.
 */
export function createDeadlines(timeoutMs: number): Deadlines {
  const tickMs = Math.max(1, Math.min(1000, Math.ceil(timeoutMs / 10)));
  const ticks = Math.ceil(timeoutMs / tickMs) + 1;
  const running = new Set<Deadline>();
  let sweeps = 0;
  let armed = false;

  function sweep() {
    sweeps++;
    for (const deadline of running) {
      if (deadline.due <= sweeps) {
        running.delete(deadline);
        deadline.expire();
      }
    }
    armed = running.size > 0;
    if (armed) arm();
  }

  function arm() {
    const timer = setTimeout(sweep, tickMs) as { unref?: () => void };
    timer.unref?.();
  }

  return {
    start(expire) {
      const deadline = { due: sweeps + ticks, expire };
      running.add(deadline);
      if (!armed) {
        armed = true;
        arm();
      }
      return deadline;
    },
    cancel(deadline) {
      running.delete(deadline);
    },
  };
}
