import { createClient } from "@redis/client";
import { createAuthClient, type ThredfiTokenStore } from "@thredfi/auth";
import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { freePort } from "@thredfi/test-support/free-port";
import { createRedisServer, type RedisServer } from "@thredfi/test-support/redis-server";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createRedisTokenStore, type RedisTokenStore } from "../src/index.js";
import { keyNames, partnerKeys } from "../src/seal.js";
import { startDelayProxy } from "./support/delay-proxy.js";
import { apiKey, businessId, inspectRedis, partnerId, uniquePrefix } from "./support/fixtures.js";

const redisUrl = inject("redisUrl");
const businessTokenPath = (id: string) => `/v1/platform/${id}/oauth2/token/`;
const businessPath = (id: string) => `/v1/platform/businesses/${id}/`;

describe.skipIf(!redisUrl)("the Redis token store", () => {
  const thredfi = useTestServer();
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /**
   * A store of its own (as each process of a fleet has), closed after the test. Tests of how the
   * fleet shares tokens allow Redis 1 s per command, so that a loaded test machine does not make
   * them fetch their own; the tests of Redis failing use the default 100 ms.
   */
  function store(options: {
    url?: string;
    keyPrefix: string;
    commandTimeoutMs?: number;
  }): RedisTokenStore {
    const created = createRedisTokenStore({
      url: options.url ?? redisUrl,
      keyPrefix: options.keyPrefix,
      commandTimeoutMs: options.commandTimeoutMs ?? 1000,
    });
    cleanup.push(() => created.close());
    return created;
  }

  /** A client standing for one process of the fleet, with its log lines. */
  function member(tokenStore: ThredfiTokenStore, now?: () => number) {
    const lines: Array<{ level: string; message: string }> = [];
    const at = (level: string) => (message: string) => lines.push({ level, message });
    const client = createAuthClient({
      partnerId,
      apiKey,
      baseUrl: thredfi.url,
      tokenStore,
      ...(now ? { now } : {}),
      logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
    });
    return { client, lines, warnings: () => lines.filter((line) => line.level === "warn") };
  }

  const tokenRequests = () =>
    thredfi.requests.filter((request) => request.path.endsWith("/oauth2/token/")).length;

  it("answers a call whose token is in memory without touching Redis", async () => {
    const redis = createClient({ url: redisUrl });
    await redis.connect();
    cleanup.push(() => redis.close());
    let commands = 0;
    const counted = {
      sendCommand: (args: string[]) => {
        commands++;
        return redis.sendCommand(args);
      },
      get isReady() {
        return redis.isReady;
      },
    };
    const { client } = member(
      createRedisTokenStore({ client: counted, keyPrefix: uniquePrefix() }),
    );
    await client.tokens.business(businessId(1));
    const afterFirst = commands;

    for (let i = 0; i < 20; i++)
      await client.business(businessId(1)).GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: businessId(1) } },
      });

    expect(afterFirst).toBeGreaterThan(0);
    expect(commands).toBe(afterFirst);
    expect(tokenRequests()).toBe(2);
  });

  it("refreshes ahead once for the fleet while the other processes keep using the valid token", async () => {
    const clock = { now: Date.now() };
    const keyPrefix = uniquePrefix();
    const fleet = Array.from({ length: 4 }, () => member(store({ keyPrefix }), () => clock.now));
    const id = businessId(2);
    const first = await Promise.all(fleet.map((m) => m.client.tokens.business(id)));
    expect(tokenRequests()).toBe(2);

    let open: () => void = () => {};
    thredfi.hold("POST", businessTokenPath(id), new Promise<void>((resolve) => (open = resolve)));
    clock.now += (3600 - 300 + 1) * 1000;
    const inWindow = await Promise.all(fleet.map((m) => m.client.tokens.business(id)));
    await eventually(async () => {
      expect(thredfi.count("POST", businessTokenPath(id))).toBe(2);
    });
    await sleep(200);

    // Every process got the valid token at once; one refresh (with the partner token's) is out.
    expect(inWindow.map((t) => t.access_token)).toEqual(first.map((t) => t.access_token));
    expect(thredfi.count("POST", businessTokenPath(id))).toBe(2);
    expect(thredfi.count("POST", PARTNER_TOKEN_PATH)).toBe(2);

    open();
    const refreshed = await eventually(async () => {
      // The partner token refreshes in the same window: the last business token is the refresh.
      const fresh = thredfi.issuedTokens
        .filter((token) => token.startsWith("business-token-"))
        .at(-1);
      expect(fresh).not.toBe(first[0]?.access_token);
      // Past the pause, a call looks again in the background; a later one gets the result.
      clock.now += 1500;
      await Promise.all(fleet.map((m) => m.client.tokens.business(id)));
      await sleep(50);
      const after = await Promise.all(fleet.map((m) => m.client.tokens.business(id)));
      expect(after.map((t) => t.access_token)).toEqual(fleet.map(() => fresh));
      return fresh;
    });

    expect(refreshed).not.toBe(first[0]?.access_token);
    expect(thredfi.count("POST", businessTokenPath(id))).toBe(2);
    expect(thredfi.count("POST", PARTNER_TOKEN_PATH)).toBe(2);
  });

  it("drops a token Thredfi refuses for the whole fleet, only while Redis still holds that token", async () => {
    const keyPrefix = uniquePrefix();
    const [a, b, c] = [
      member(store({ keyPrefix })),
      member(store({ keyPrefix })),
      member(store({ keyPrefix })),
    ];
    const id = businessId(3);
    const refused = (await a.client.tokens.business(id)).access_token;
    expect((await b.client.tokens.business(id)).access_token).toBe(refused);
    thredfi.always("GET", businessPath(id), (request) =>
      request.headers.authorization === `Bearer ${refused}`
        ? { status: 401, json: { error: "invalid_token" } }
        : { json: { ok: true } },
    );
    const get = (m: ReturnType<typeof member>) =>
      m.client
        .business(id)
        .GET("/v1/platform/businesses/{business_id}/", { params: { path: { business_id: id } } });

    const fromA = await get(a);
    const fromB = await get(b);

    expect(fromA.response.status).toBe(200);
    expect(fromB.response.status).toBe(200);
    // A's 401 replaced the token for everyone; B's 401 on the old token did not delete A's new one.
    expect(thredfi.count("POST", businessTokenPath(id))).toBe(2);
    const fresh = thredfi.issuedTokens.at(-1);
    expect((await c.client.tokens.business(id)).access_token).toBe(fresh);
    expect(thredfi.count("POST", businessTokenPath(id))).toBe(2);
  });

  it("ignores and replaces a value that does not open", async () => {
    const keyPrefix = uniquePrefix();
    const id = businessId(4);
    const before = (await member(store({ keyPrefix })).client.tokens.business(id)).access_token;
    const redis = await inspectRedis(redisUrl);
    cleanup.push(() => redis.close());
    for (const [key] of await redis.entries(keyPrefix)) {
      if (key.endsWith(":token")) await redis.client.set(key, "v1.garbage.bm90IGEgdG9rZW4=");
    }

    const replaced = (await member(store({ keyPrefix })).client.tokens.business(id)).access_token;
    const shared = (await member(store({ keyPrefix })).client.tokens.business(id)).access_token;

    expect(replaced).not.toBe(before);
    expect(shared).toBe(replaced);
    expect(tokenRequests()).toBe(4);
    for (const [key, value] of await redis.entries(keyPrefix)) {
      if (key.endsWith(":token")) expect(value).toMatch(/^v1\.[\w-]+\.[A-Za-z0-9+/=]{40,}$/);
    }
  });

  it("ignores a value copied from another business's key", async () => {
    const keyPrefix = uniquePrefix();
    const [one, two] = [businessId(5), businessId(6)];
    const first = member(store({ keyPrefix }));
    const tokenOfOne = (await first.client.tokens.business(one)).access_token;
    await first.client.tokens.business(two);
    const redis = await inspectRedis(redisUrl);
    cleanup.push(() => redis.close());
    const keys = partnerKeys(apiKey);
    const nameOf = (businessId: string) =>
      keyNames(keys, keyPrefix, { baseUrl: thredfi.url, partnerId, businessId }).token;
    await redis.client.set(nameOf(two), (await redis.client.get(nameOf(one))) as string);

    const tokenOfTwo = (await member(store({ keyPrefix })).client.tokens.business(two))
      .access_token;

    expect(tokenOfTwo).not.toBe(tokenOfOne);
    expect(thredfi.count("POST", businessTokenPath(two))).toBe(2);
  });

  describe("when Redis fails", () => {
    let ownRedis: RedisServer | undefined;
    afterEach(async () => {
      await ownRedis?.stop();
      ownRedis = undefined;
    });

    it("serves every call while Redis is down at start, warns once, and shares tokens once Redis is up", async () => {
      ownRedis = await createRedisServer(await freePort());
      const keyPrefix = uniquePrefix();
      const early = member(store({ url: ownRedis.url, keyPrefix, commandTimeoutMs: 100 }));

      for (let n = 0; n < 10; n++) {
        const started = performance.now();
        await early.client.tokens.business(businessId(n));
        expect(performance.now() - started).toBeLessThan(500);
      }
      await Promise.all([20, 21, 22].map((n) => early.client.tokens.business(businessId(n))));

      expect(early.warnings()).toHaveLength(1);
      expect(early.warnings()[0]?.message).toContain("token store: Redis is unavailable");

      await ownRedis.start();
      await eventually(async () => {
        early.client.tokens.clear();
        await early.client.tokens.business(businessId(30));
        expect(early.lines.some((line) => line.message.includes("Redis answers again"))).toBe(true);
      });
      const requests = tokenRequests();
      const later = member(store({ url: ownRedis.url, keyPrefix }));
      const { access_token } = await later.client.tokens.business(businessId(30));
      expect(access_token).toBe((await early.client.tokens.business(businessId(30))).access_token);
      expect(tokenRequests()).toBe(requests);
      expect(early.warnings()).toHaveLength(1);
    });

    it("waits about 100 ms per call on a Redis that answers every command after 2 s, warns once", async () => {
      const port = Number(new URL(redisUrl).port);
      const proxy = await startDelayProxy(port, 0);
      cleanup.push(() => proxy.close());
      const keyPrefix = uniquePrefix();
      const slow = member(store({ url: proxy.url, keyPrefix, commandTimeoutMs: 100 }));
      const redis = await inspectRedis(redisUrl);
      cleanup.push(() => redis.close());
      // Connected and sharing (the partner token is in Redis) before Redis turns slow.
      await eventually(async () => {
        slow.client.tokens.clear();
        await slow.client.tokens.partner();
        expect(await redis.entries(keyPrefix)).not.toEqual([]);
      });
      const warningsBefore = slow.warnings().length;
      const partnerTokens = thredfi.count("POST", PARTNER_TOKEN_PATH);
      proxy.delayMs = 2000;

      for (let n = 0; n < 8; n++) {
        const started = performance.now();
        await slow.client.tokens.business(businessId(40 + n));
        expect(performance.now() - started).toBeLessThan(400);
      }

      const warnings = slow.warnings().slice(warningsBefore);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toMatch(/Redis is unavailable \(no answer within 100 ms\)/);
      expect(thredfi.count("POST", PARTNER_TOKEN_PATH)).toBe(partnerTokens);
    });
  });

  it("rejects malformed options without quoting them", () => {
    const secretUrl = "http://user:hunter2@redis.internal:6379";
    expect(() => createRedisTokenStore({ url: secretUrl })).toThrow(
      /url must be a redis:\/\/ or rediss:\/\/ URL/,
    );
    expect(() => createRedisTokenStore({ url: secretUrl })).not.toThrow(/hunter2/);
    expect(() => createRedisTokenStore({})).toThrow(/pass either url or client/);
    expect(() => createRedisTokenStore({ url: redisUrl, commandTimeoutMs: 0 })).toThrow(
      /commandTimeoutMs/,
    );
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `check` until it passes, for up to 5 s; what it returns the time it passes. */
async function eventually<T>(check: () => Promise<T>): Promise<T> {
  const until = Date.now() + 5000;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await sleep(100);
    }
  }
}
