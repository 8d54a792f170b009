import type { TokenStoreRequest } from "@thredfi/auth";

/**
 * What the store needs of a Redis client: raw commands and whether it is connected. Every
 * node-redis client (`createClient()` of `redis` or `@redis/client`, v4 and later) has both.
 */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>;
  readonly isReady: boolean;
}

type Log = TokenStoreRequest["log"];

/**
 * Redis as the store sees it: commands that never wait longer than a bound, and an outage
 * state, so that a Redis that is down or slow costs each call at most that bound and is
 * reported once per outage.
 */
export interface RedisLink {
  /**
   * Whether Redis may be asked now: connected, and not in the pause after a failed command.
   * While the first connection is being made, waits for it up to the bound.
   */
  available(log: Log): boolean | Promise<boolean>;
  /** Sends `args`; rejects with {@link RedisUnavailable} on an error or after the bound. */
  command(args: string[], log: Log): Promise<unknown>;
}

/** Redis failed to answer a command in time (or at all): the caller fetches the token itself. */
export class RedisUnavailable extends Error {
  override readonly name = "RedisUnavailable";
}

/** How many times a wait is extended because this process was too busy to see an answer. */
const MAX_BUSY_WAITS = 4;
/** How long after a failed command the store leaves Redis alone before trying again. */
const RETRY_AFTER_MS = 1000;

/**
 * A {@link RedisLink} over `client`. `firstConnection` settles once a client the store created
 * is first connected; calls made meanwhile wait for it up to `timeoutMs`.
 */
export function createRedisLink(
  client: RedisCommandClient,
  timeoutMs: number,
  firstConnection: Promise<unknown> | undefined,
): RedisLink {
  let connecting = firstConnection;
  connecting?.then(
    () => {
      connecting = undefined;
    },
    () => {},
  );
  /** Set during an outage: when Redis may be tried again. */
  let outage: { retryAt: number } | undefined;

  function failed(log: Log, reason: string): RedisUnavailable {
    if (!outage) {
      log(
        "warn",
        `token store: Redis is unavailable (${reason}); each process fetches its own tokens until it answers again`,
      );
    }
    outage = { retryAt: Date.now() + RETRY_AFTER_MS };
    return new RedisUnavailable(reason);
  }

  function answered(log: Log): void {
    if (outage) {
      outage = undefined;
      log("info", "token store: Redis answers again; tokens are shared again");
    }
  }

  function availableNow(log: Log): boolean {
    if (!client.isReady) {
      failed(log, "not connected");
      return false;
    }
    return !outage || Date.now() >= outage.retryAt;
  }

  return {
    available(log) {
      if (connecting === undefined || client.isReady) return availableNow(log);
      return bounded(connecting, timeoutMs).then(
        () => availableNow(log),
        () => availableNow(log),
      );
    },
    async command(args, log) {
      try {
        const reply = await bounded(client.sendCommand(args), timeoutMs);
        answered(log);
        return reply;
      } catch (error) {
        throw failed(log, reasonOf(error, timeoutMs));
      }
    },
  };
}

class TimedOut extends Error {}

/**
 * Settles as `work` does, or rejects with `TimedOut` once `timeoutMs` have passed while this
 * process was responsive. A timer that fires late means the process itself was busy (a burst of
 * calls on a loaded machine), not that Redis was slow: the wait is then extended by another
 * `timeoutMs`, at most {@link MAX_BUSY_WAITS} times. The timeout is also decided one turn of the
 * event loop late (`setImmediate`), after the I/O already received.
 */
function bounded<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let late: ReturnType<typeof setImmediate> | undefined;
    let extensions = 0;
    const wait = () => {
      const due = performance.now() + timeoutMs;
      timer = setTimeout(() => {
        const now = performance.now();
        const busy = now - due > timeoutMs / 2;
        if (busy && extensions++ < MAX_BUSY_WAITS) return wait();
        late = setImmediate(() => reject(new TimedOut()));
      }, timeoutMs);
    };
    wait();
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      if (late) clearImmediate(late);
    });
  });
}

/** A reason fit for a log line: a timeout, an error code or class name, never a message. */
function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof TimedOut) return `no answer within ${timeoutMs} ms`;
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  if (typeof code === "string" && /^[A-Z_]{2,40}$/.test(code)) return code;
  if (typeof name === "string" && /^\w{1,40}$/.test(name)) return name;
  return "error";
}
