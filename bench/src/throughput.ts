import type { HotPathRequest } from "./openapi-fetch-clients.js";
import { elapsedMs } from "./stats.js";

/**
 * Runs `count` requests, `concurrency` at a time, and returns requests per second. Any failed
 * request aborts the measurement.
 */
export async function measureThroughput(
  request: HotPathRequest,
  count: number,
  concurrency: number,
): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await request();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / (elapsedMs(start) / 1000);
}
