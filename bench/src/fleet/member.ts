import { createInterface } from "node:readline";
import { createThredfiClient } from "@thredfi/client";
import { createRedisTokenStore } from "@thredfi/token-store-redis";
import { apiKey, businessId, partnerId } from "../support/fixtures.js";

// Child-process entry: one process of the fleet. Run with:
// <base URL> <redis URL or "-"> <businesses> <burst> <key prefix> <command timeout ms>.
// Prints "ready", waits for a line on stdin, then makes <burst> concurrent calls to each
// business (5 businesses at a time). With a store it then times, for every business, a token
// read from Redis (after forgetting the process's cache) and the same token read from memory.
// Prints its numbers as one JSON line.

const [baseUrl, redisUrl, businessesArg, burstArg, keyPrefix, timeoutArg] = process.argv.slice(2);
if (baseUrl === undefined || redisUrl === undefined)
  throw new Error("usage: <base URL> <redis URL> …");
const businesses = Array.from({ length: Number(businessesArg) }, (_, n) => businessId(n));
const burst = Number(burstArg);
const tokenStore =
  redisUrl === "-"
    ? undefined
    : createRedisTokenStore({ url: redisUrl, keyPrefix, commandTimeoutMs: Number(timeoutArg) });
const warnings: string[] = [];
const thredfi = createThredfiClient({
  partnerId,
  apiKey,
  baseUrl,
  tokenStore,
  logger: { warn: (message) => warnings.push(message) },
});

process.stdout.write("ready\n");
await new Promise((resolve) => createInterface({ input: process.stdin }).once("line", resolve));

let failures = 0;
const queue = [...businesses];
const worker = async () => {
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const business = thredfi.business(id);
    const calls = Array.from({ length: burst }, () =>
      business.GET("/v1/platform/businesses/{business_id}/", {
        params: { path: { business_id: id } },
      }),
    );
    for (const { response } of await Promise.all(calls)) if (!response.ok) failures++;
  }
};
await Promise.all(Array.from({ length: 5 }, worker));

const fromRedisMs: number[] = [];
const fromMemoryMs: number[] = [];
if (tokenStore) {
  thredfi.tokens.clear();
  for (const id of businesses) {
    const started = performance.now();
    await thredfi.tokens.business(id);
    fromRedisMs.push(performance.now() - started);
  }
  for (const id of businesses) {
    const started = performance.now();
    await thredfi.tokens.business(id);
    fromMemoryMs.push(performance.now() - started);
  }
  await tokenStore.close();
}
process.stdout.write(
  `${JSON.stringify({ failures, warnings: warnings.length, fromRedisMs, fromMemoryMs })}\n`,
);
