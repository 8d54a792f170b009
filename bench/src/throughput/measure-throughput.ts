import type { HotPathRequest } from "../clients/hot-path.js";
import { elapsedMs } from "../support/stats.js";

/** Requests per wall-clock second, and per second of CPU time the client process used. */
export interface Throughput {
  requestsPerSecond: number;
  /** Less sensitive to neighbours on a shared machine: waiting for a core costs no CPU time. */
  requestsPerCpuSecond: number;
}

/**
 * Runs `count` requests, `concurrency` at a time, and returns their throughput. Any failed
 * request aborts the measurement.
 */
export async function measureThroughput(
  request: HotPathRequest,
  count: number,
  concurrency: number,
): Promise<Throughput> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await request();
    }
  };
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = elapsedMs(start);
  const cpu = process.cpuUsage(cpuStart);
  return {
    requestsPerSecond: count / (wallMs / 1000),
    requestsPerCpuSecond: count / ((cpu.user + cpu.system) / 1e6),
  };
}
