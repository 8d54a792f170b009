import { PARTNER_TOKEN_PATH, useTestServer } from "@thredfi/test-support";
import { createRedisServer, type RedisServer } from "@thredfi/test-support/redis-server";
import { afterEach, describe, expect, inject, it } from "vitest";
import { apiKey, businessId, inspectRedis, partnerId, uniquePrefix } from "./support/fixtures.js";
import { type Fleet, startFleet } from "./support/fleet.js";

const redisUrl = inject("redisUrl");
const businessTokenPath = (id: string) => `/v1/platform/${id}/oauth2/token/`;

describe.skipIf(!redisUrl)("a fleet of processes sharing one Redis", () => {
  const thredfi = useTestServer();
  let fleet: Fleet | undefined;
  let ownRedis: RedisServer | undefined;
  afterEach(async () => {
    await fleet?.close();
    await ownRedis?.stop();
    fleet = undefined;
    ownRedis = undefined;
  });

  function slowTokens(delayMs: number) {
    thredfi.always("POST", PARTNER_TOKEN_PATH, (request) => ({
      ...thredfi.standardReply(request),
      delayMs,
    }));
    for (let n = 0; n < 40; n++) {
      thredfi.always("POST", businessTokenPath(businessId(n)), (request) => ({
        ...thredfi.standardReply(request),
        delayMs,
      }));
    }
  }

  const start = (size: number, url = redisUrl) =>
    startFleet(size, {
      redisUrl: url,
      baseUrl: thredfi.url,
      partnerId,
      apiKey,
      keyPrefix: uniquePrefix(),
      // How the fleet shares tokens, on a test machine loaded with other suites: Redis may take
      // its time. The outage test relies on the connection dropping, where nothing waits.
      commandTimeoutMs: 1000,
    });

  it("asks Thredfi for one partner token and one business token however many processes race for them", async () => {
    slowTokens(50);
    fleet = await start(6);
    const business = businessId(1);

    const replies = await Promise.all(
      fleet.members.map((m) => m.tokens([business, business, business])),
    );

    expect(thredfi.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    expect(thredfi.count("POST", businessTokenPath(business))).toBe(1);
    const seen = new Set(replies.flatMap((reply) => reply.tokens));
    expect([...seen]).toEqual([thredfi.issuedTokens[1]]);
  });

  it("asks once per business when every process wants every business", async () => {
    slowTokens(20);
    fleet = await start(4);
    const businesses = Array.from({ length: 20 }, (_, n) => businessId(n));

    const replies = await Promise.all(fleet.members.map((m) => m.tokens(businesses)));

    expect(thredfi.count("POST", PARTNER_TOKEN_PATH)).toBe(1);
    for (const id of businesses) expect(thredfi.count("POST", businessTokenPath(id))).toBe(1);
    for (const reply of replies) expect(reply.tokens).toEqual(replies[0]?.tokens);
  });

  it("keeps every call succeeding while Redis stops and restarts empty, warns once per process, and converges", async () => {
    ownRedis = await createRedisServer();
    await ownRedis.start();
    fleet = await start(4, ownRedis.url);
    const businesses = [businessId(1), businessId(2), businessId(3)];
    await Promise.all(fleet.members.map((m) => m.tokens(businesses)));

    const running = Promise.all(fleet.members.map((m) => m.loop(businesses, 3000, 20)));
    await sleep(800);
    await ownRedis.stop();
    await sleep(1000);
    await ownRedis.start();
    const loops = await running;
    // Reconnecting takes at most 2 s of back-off.
    await sleep(2500);
    const before = thredfi.requests.length;
    const final = await Promise.all(fleet.members.map((m) => m.tokens(businesses, true)));

    for (const loop of loops) {
      expect(loop.failures).toBe(0);
      expect(loop.calls).toBeGreaterThan(30);
      // Each Redis command waits 100 ms at most; a call also fetches its token.
      expect(loop.maxMs).toBeLessThan(1000);
    }
    for (const reply of final) expect(reply.tokens).toEqual(final[0]?.tokens);
    expect(thredfi.requests.length - before).toBeLessThanOrEqual(businesses.length + 1);
    for (const member of fleet.members) {
      const lines = await member.logs();
      const warnings = lines.filter((line) => line.level === "warn");
      expect(warnings.map((line) => line.message)).toEqual([
        expect.stringContaining("token store: Redis is unavailable"),
      ]);
      expect(lines.filter((line) => line.message.includes("Redis answers again"))).toHaveLength(1);
    }
  });

  it("writes no token, API key, partner id or business id to Redis keys, values or logs", async () => {
    const prefix = uniquePrefix();
    fleet = await startFleet(3, {
      redisUrl,
      baseUrl: thredfi.url,
      partnerId,
      apiKey,
      keyPrefix: prefix,
      commandTimeoutMs: 1000,
    });
    const businesses = [businessId(7), businessId(8)];
    await Promise.all(fleet.members.map((m) => m.tokens(businesses)));

    const redis = await inspectRedis(redisUrl);
    const entries = await redis.entries(prefix);
    await redis.close();
    const logs = (await Promise.all(fleet.members.map((m) => m.logs()))).flat();
    const credentials = [...thredfi.issuedTokens, apiKey];
    const ids = [partnerId, ...businesses];

    expect(entries.filter(([key]) => key.endsWith(":token"))).toHaveLength(3);
    const inRedis = entries.flat().join("\n").toLowerCase();
    for (const secret of [...credentials, ...ids].flatMap(spellings))
      expect(inRedis).not.toContain(secret);
    // The SDK's log lines name businesses (as without a store), never a credential.
    const logged = logs
      .map((line) => line.message)
      .join("\n")
      .toLowerCase();
    for (const secret of credentials.flatMap(spellings)) expect(logged).not.toContain(secret);
  });
});

/** The ways a secret could show: as is, without dashes, in base64. */
function spellings(secret: string): string[] {
  return [secret, secret.replaceAll("-", ""), Buffer.from(secret).toString("base64")].map((form) =>
    form.toLowerCase(),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
