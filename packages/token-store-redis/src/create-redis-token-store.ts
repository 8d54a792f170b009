import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient } from "@redis/client";
import type { StoredToken, ThredfiTokenStore, TokenKey, TokenStoreRequest } from "@thredfi/auth";
import {
  createRedisLink,
  type RedisCommandClient,
  type RedisLink,
  RedisUnavailable,
} from "./redis-link.js";
import {
  type KeyNames,
  keyNames,
  open,
  type PartnerKeys,
  partnerKeys,
  seal,
  valuePrefix,
} from "./seal.js";

export type { RedisCommandClient } from "./redis-link.js";

/** Options of {@link createRedisTokenStore}: `url` or `client`, not both. */
export interface RedisTokenStoreOptions {
  /**
   * Where Redis is, e.g. `redis://127.0.0.1:6379` or `rediss://user:password@redis.internal:6380`.
   * The store makes its own connection, reconnects on its own, and closes it on `close()`.
   */
  url?: string | undefined;
  /**
   * A node-redis client (`createClient()` from `redis` or `@redis/client`) of your own; connect it
   * before use and close it yourself. Create it with `disableOfflineQueue: true` so commands
   * fail at once while it is disconnected (they are bounded by `commandTimeoutMs` either way).
   */
  client?: RedisCommandClient | undefined;
  /** Prefix of every key the store writes. Default `"thredfi:"`. */
  keyPrefix?: string | undefined;
  /**
   * Longest wait for one Redis command, in milliseconds; past it the call fetches its token
   * itself. Default 100.
   */
  commandTimeoutMs?: number | undefined;
  /**
   * How long one process may hold the right to fetch a token for the fleet, in milliseconds:
   * the others wait for its token that long at most, then fetch their own. Default 10000.
   */
  lockTimeoutMs?: number | undefined;
}

/** A {@link ThredfiTokenStore} in Redis. */
export interface RedisTokenStore extends ThredfiTokenStore {
  /** Closes the connection the store opened from `url` (a `client` you passed stays open). */
  close(): Promise<void>;
}

const DEFAULT_PREFIX = "thredfi:";
/** First pause between two looks at a token another process is fetching; doubles up to the max. */
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 50;
/** A stored token this close to its expiry is not handed out while another process refreshes it. */
const MIN_LEFT_MS = 10_000;
/** Tokens recently refused by Thredfi, by value prefix: never taken from Redis again. */
const MAX_REFUSED = 1000;

/**
 * Creates a token store in Redis, shared by every process of a fleet that points at the same
 * Redis with the same partner credentials. Pass it as `tokenStore` to `createThredfiClient`:
 *
 * - for each token, one process of the fleet asks Thredfi (it holds a `SET NX PX` lock) while
 *   the others wait for its token; a refresh ahead of expiry happens once for the fleet, and the
 *   other processes keep using the valid token meanwhile;
 * - tokens are sealed with AES-256-GCM under a key derived from the API key (HKDF), key names are
 *   HMACs, so Redis holds no usable token and no partner or business id; a value that does not
 *   open is ignored and replaced;
 * - a token Thredfi refused (401) is deleted for the fleet, only if Redis still holds that token;
 * - Redis down, slow or restarted never fails a call: each Redis command waits at most
 *   `commandTimeoutMs`, then the process fetches the token itself; one warning per outage.
 *
 * Node.js only (it uses `node:crypto` and a TCP connection). Throws a `TypeError` naming the
 * option when the options are malformed (never quoting their values).
 */
export function createRedisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  if (typeof options !== "object" || options === null) {
    throw new TypeError("createRedisTokenStore: options must be an object");
  }
  const {
    url,
    client,
    keyPrefix = DEFAULT_PREFIX,
    commandTimeoutMs = 100,
    lockTimeoutMs = 10_000,
  } = options;
  check((url == null) !== (client == null), "pass either url or client");
  check(
    url == null || (typeof url === "string" && /^rediss?:\/\//.test(url)),
    "url must be a redis:// or rediss:// URL",
  );
  check(
    client == null || (typeof client.sendCommand === "function" && "isReady" in client),
    "client must be a node-redis client",
  );
  check(typeof keyPrefix === "string", "keyPrefix must be a string");
  check(isMs(commandTimeoutMs), "commandTimeoutMs must be an integer from 1 to 60000");
  check(isMs(lockTimeoutMs), "lockTimeoutMs must be an integer from 1 to 60000");

  let ownClient: ReturnType<typeof connect> | undefined;
  let link: RedisLink;
  if (client) {
    link = createRedisLink(client, commandTimeoutMs, undefined);
  } else {
    ownClient = connect(url as string);
    link = createRedisLink(ownClient.client, commandTimeoutMs, ownClient.connected);
  }
  const state: StoreState = {
    link,
    keyPrefix,
    lockTimeoutMs,
    refused: new Set(),
    log: () => {},
  };

  return {
    token: (request) => token(state, request),
    invalidate: (key, refusedToken, secret) => invalidate(state, key, refusedToken, secret),
    async close() {
      ownClient?.client.destroy();
    },
  };
}

interface StoreState {
  readonly link: RedisLink;
  readonly keyPrefix: string;
  readonly lockTimeoutMs: number;
  /** Value prefixes of tokens Thredfi refused, oldest first. */
  readonly refused: Set<string>;
  /** The log of the latest request, for what happens outside one (an invalidation). */
  log: TokenStoreRequest["log"];
}

/** One request's view of Redis: its key names, keys and log. */
interface Lookup {
  readonly state: StoreState;
  readonly request: TokenStoreRequest;
  readonly keys: PartnerKeys;
  readonly names: KeyNames;
}

async function token(state: StoreState, request: TokenStoreRequest): Promise<StoredToken> {
  state.log = request.log;
  if (!(await state.link.available(request.log))) return request.mint();
  const keys = partnerKeys(request.secret);
  const lookup: Lookup = {
    state,
    request,
    keys,
    names: keyNames(keys, state.keyPrefix, request.key),
  };
  try {
    return await shared(lookup);
  } catch (error) {
    if (error instanceof RedisUnavailable) return request.mint();
    throw error;
  }
}

/**
 * The stored token when it serves, else the token of the one process that holds the lock:
 * this process when it takes the lock, another one that this process waits for otherwise.
 */
async function shared(lookup: Lookup): Promise<StoredToken> {
  const { request, state } = lookup;
  const deadline = Date.now() + state.lockTimeoutMs;
  for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
    const stored = await read(lookup);
    if (stored && serves(stored, request)) return stored;
    const lock = await tryLock(lookup);
    if (lock !== undefined) return fetchForFleet(lookup, lock);
    // Another process is fetching: a valid token serves meanwhile, as during a refresh ahead.
    if (request.current) return request.current;
    if (stored && stored.expiresAt - request.now() >= MIN_LEFT_MS) return stored;
    if (Date.now() + pause > deadline) {
      // Its holder died or is slow: fetch here, and share what comes back.
      return write(lookup, await request.mint());
    }
    await sleep(pause);
  }
}

/** Whether a stored token answers `request`: usable long enough, and newer than the one refreshed. */
function serves(stored: StoredToken, request: TokenStoreRequest): boolean {
  return (
    stored.expiresAt >= request.usableUntil &&
    (request.current === undefined || stored.expiresAt > request.current.expiresAt)
  );
}

/** With the lock held: a token stored since the last look, else one fetched and stored here. */
async function fetchForFleet(lookup: Lookup, lock: string): Promise<StoredToken> {
  try {
    const stored = await read(lookup);
    if (stored && serves(stored, lookup.request)) return stored;
    return await write(lookup, await lookup.request.mint());
  } finally {
    unlock(lookup, lock);
  }
}

/** The token stored for the lookup's key, or `undefined` when none opens or Thredfi refused it. */
async function read({ state, request, keys, names }: Lookup): Promise<StoredToken | undefined> {
  const value = await state.link.command(["GET", names.token], request.log);
  if (typeof value !== "string") return undefined;
  const stored = open(keys, names.token, value);
  if (!stored || state.refused.has(valuePrefix(keys, stored.accessToken))) return undefined;
  return stored;
}

/** Stores `fresh` until it expires and returns it; a Redis failure only skips the storing. */
async function write(
  { state, request, keys, names }: Lookup,
  fresh: StoredToken,
): Promise<StoredToken> {
  const ttlMs = Math.round(fresh.expiresAt - request.now());
  if (ttlMs >= 1) {
    const value = seal(keys, names.token, fresh);
    await state.link
      .command(["SET", names.token, value, "PX", String(ttlMs)], request.log)
      .catch(() => {});
  }
  return fresh;
}

/** Takes the lock of the lookup's key; its owner id, or `undefined` while another process holds it. */
async function tryLock({ state, request, names }: Lookup): Promise<string | undefined> {
  const owner = randomUUID();
  try {
    const reply = await state.link.command(
      ["SET", names.lock, owner, "NX", "PX", String(state.lockTimeoutMs)],
      request.log,
    );
    return reply === "OK" ? owner : undefined;
  } catch (error) {
    // The SET may still land after the wait was given up: drop the lock if it is ours.
    unlock({ state, request, names } as Lookup, owner);
    throw error;
  }
}

const DELETE_IF_EQUAL =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";
const DELETE_IF_PREFIX =
  "local v = redis.call('GET', KEYS[1]) if v and string.sub(v, 1, #ARGV[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/** Releases the lock if this process still holds it (not one taken after it expired). */
function unlock({ state, request, names }: Lookup, owner: string): void {
  state.link
    .command(["EVAL", DELETE_IF_EQUAL, "1", names.lock, owner], request.log)
    .catch(() => {});
}

/** Deletes the stored token if it is still `refusedToken` (compare-and-delete in one script). */
async function invalidate(
  state: StoreState,
  key: TokenKey,
  refusedToken: StoredToken,
  secret: string,
): Promise<void> {
  const keys = partnerKeys(secret);
  const prefix = valuePrefix(keys, refusedToken.accessToken);
  state.refused.add(prefix);
  if (state.refused.size > MAX_REFUSED)
    state.refused.delete(state.refused.values().next().value as string);
  if (!(await state.link.available(state.log))) return;
  const { token: name } = keyNames(keys, state.keyPrefix, key);
  await state.link
    .command(["EVAL", DELETE_IF_PREFIX, "1", name, prefix], state.log)
    .catch(() => {});
}

/** A client of the store's own, reconnecting after 50 ms, doubling up to 2 s. */
function connect(url: string) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  // Failures surface through the commands (and the one warning per outage); without a listener
  // an `error` event would crash the process.
  client.on("error", () => {});
  // The connection alone never keeps a process alive (each command's wait does, while it runs).
  client.unref();
  client.connect().catch(() => {});
  // Settles at the first connection or the first failure to connect (Redis down at start), so
  // calls made meanwhile wait for the outcome rather than for a fixed time.
  const connected = new Promise<void>((resolve) => {
    client.once("ready", resolve);
    client.once("error", () => resolve());
  });
  return { client, connected };
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new TypeError(`createRedisTokenStore: ${message}`);
}

function isMs(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 60_000;
}
