import { createClient } from "@redis/client";

/** Credentials of the test partner (none is a real secret). */
export const partnerId = "a1b2c3d4-5678-90ab-cdef-1234567890ab";
export const apiKey = "sk_test_token-store-redis-not-a-secret";

/** The n-th business id, a valid 8-4-4-4-12 hex id. */
export function businessId(n: number): string {
  return `b0000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** A fresh key prefix, so that tests sharing one Redis never see each other's keys. */
export function uniquePrefix(): string {
  return `test-${Math.random().toString(36).slice(2, 10)}:`;
}

/** A plain node-redis client to look at what the store wrote; `close()` it after. */
export async function inspectRedis(url: string) {
  const client = createClient({ url });
  client.on("error", () => {});
  await client.connect();
  return {
    client,
    /** Every key under `prefix` with its value (GET), in key order. */
    async entries(prefix: string): Promise<Array<[string, string | null]>> {
      const keys = (await client.keys(`${prefix}*`)).sort();
      return Promise.all(
        keys.map(async (key) => [key, await client.get(key)] as [string, string | null]),
      );
    },
    close: () => client.close(),
  };
}
