/**
 * Uses of one controller before it is replaced. Each request sent with its signal leaves an
 * abort listener on it until the request is garbage collected; this bounds them.
 */
const MAX_USES = 64;
/** Idle controllers kept: about as many as calls a client runs at once. */
const MAX_IDLE = 32;

/** A controller lent to one call at a time, and how many calls have used it. */
export interface ControllerLease {
  readonly controller: AbortController;
  uses: number;
}

/**
 * The abort controllers of one client's attempts. Creating a controller costs more than the
 * rest of an attempt's own work, and a call that ends without aborting leaves its controller as
 * good as new, so the next call takes it over.
 */
export interface AbortControllers {
  /** A controller that has not aborted: an idle one, else a new one. */
  take(): ControllerLease;
  /**
   * Takes `lease` back once its call is over. One that aborted, or whose answer the caller is
   * still reading (a stream, which aborting would cut), is never lent again.
   */
  give(lease: ControllerLease): void;
}

export function createAbortControllers(): AbortControllers {
  const idle: ControllerLease[] = [];
  return {
    take: () => idle.pop() ?? { controller: new AbortController(), uses: 0 },
    give(lease) {
      if (lease.controller.signal.aborted || ++lease.uses >= MAX_USES) return;
      if (idle.length < MAX_IDLE) idle.push(lease);
    },
  };
}
