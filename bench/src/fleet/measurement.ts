import { spawn, spawnSync } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createRedisServer, hasRedisServer } from "@thredfi/test-support/redis-server";
import type { FakeThredfiServer } from "../fake-thredfi/index.js";
import type { Measurement } from "../measurement.js";
import { instructionsPerRequest } from "../support/callgrind.js";
import { bundleChild, workPath } from "../support/child-process.js";
import { count, ms, row, type TableRow, times, verdict } from "../support/format.js";
import { median } from "../support/stats.js";

/** Settings of the fleet measurement. */
export interface FleetSettings {
  processes: number;
  businesses: number;
  /** Concurrent calls per business in each process. */
  burst: number;
  /** Calls of the short callgrind run; the long one makes 4N. */
  n: number;
  warmupCalls: number;
  /**
   * `commandTimeoutMs` of the second run with the store. On this 2-core machine the 8 processes,
   * the fake Thredfi and Redis share the CPU, and a burst delays some Redis answers beyond the
   * default 100 ms: those calls fetch their own tokens.
   */
  loadedTimeoutMs: number;
}

/** Token requests of one fleet run, and what its processes saw. */
export interface FleetRun {
  partnerTokenRequests: number;
  businessTokenRequests: number;
  failedCalls: number;
  warnings: number;
}

/** The fleet with and without the Redis store, the cost of a Redis read and of a memory hit. */
export type FleetResult =
  | {
      measured: true;
      settings: FleetSettings;
      withStore: FleetRun;
      /** The same with `commandTimeoutMs: loadedTimeoutMs`. */
      withStoreLongerBound: FleetRun;
      withoutStore: FleetRun;
      /** A token read from Redis (cache forgotten) and from memory, over every process and business. */
      readFromRedisMs: { p50: number; p99: number };
      readFromMemoryMs: { p50: number; p99: number };
      /** Instructions per in-memory call with the store ÷ without (null: a second run without). */
      instructions:
        | { ratio: number; nullRatio: number; perCall: Record<string, number> }
        | { skipped: string };
      pass: boolean;
    }
  | { measured: false; reason: string };

const settings: FleetSettings = {
  processes: 8,
  businesses: 200,
  burst: 5,
  // Long windows: the store's process collects garbage on another rhythm, which 150 calls
  // leave visible (0.998× to 1.154× between runs); 600 keep it to a few percent.
  n: 600,
  warmupCalls: 200,
  loadedTimeoutMs: 1000,
};
const instructionTarget = 1.02;

/** 8: a fleet of processes sharing tokens through `@thredfi/token-store-redis`. */
export const fleet: Measurement<"fleet", FleetResult> = {
  name: "fleet",
  key: "fleet",
  title: "8 fleet with a Redis token store",
  run: async (context) => measureFleet(await context.fakeThredfi(), settings),
  rows: fleetRows,
  method: (result) => {
    const used = result?.measured ? result.settings : settings;
    return `- **8. Fleet with a Redis token store**: ${used.processes} Node processes, each with its own
  \`createThredfiClient\`, start together against the loopback fake Thredfi and each make
  ${used.burst} concurrent calls to each of ${used.businesses} businesses, once with
  \`@thredfi/token-store-redis\` on a \`redis-server\` the benchmark starts, once without. The fake
  counts token requests: target ${count(1 + used.businesses)} with the store (one partner token,
  one token per business, for the whole fleet), against ${count(used.processes * (1 + used.businesses))}
  without. The run with the store is made twice: with the default \`commandTimeoutMs\` of 100 ms,
  and with ${used.loadedTimeoutMs} ms, since on this 2-core machine the processes, the fake and Redis share
  the CPU and a burst holds some Redis answers back beyond 100 ms (each such call fetches its own
  token: the store's fallback at work). Then each process forgets its cache and reads every business's token from Redis once
  (the extra latency of a call that has to read Redis: GET, AES-GCM open), then from memory. The
  hot path (a call whose token is in memory) is counted by callgrind as in 1a, with the store
  and without: target ≤ ${instructionTarget}×. Without \`redis-server\` this measurement is skipped with
  a message.`;
  },
};

async function measureFleet(
  server: FakeThredfiServer,
  settings: FleetSettings,
): Promise<FleetResult> {
  if (!hasRedisServer()) {
    return {
      measured: false,
      reason: "redis-server is not installed (apt-get install -y redis-server)",
    };
  }
  const redis = await createRedisServer();
  await redis.start();
  try {
    const member = await bundleChild(new URL("./member.ts", import.meta.url), "fleet-member");
    const withoutStore = await runFleet(server, member, "-", 100, settings);
    const withStore = await runFleet(server, member, redis.url, 100, settings);
    const longer = await runFleet(server, member, redis.url, settings.loadedTimeoutMs, settings);
    const reads = withStore.reads;
    const instructions = await countHotPath(redis.url, settings);
    const readFromRedisMs = percentiles(reads.fromRedisMs);
    const readFromMemoryMs = percentiles(reads.fromMemoryMs);
    const expected = 1 + settings.businesses;
    // The target is judged on the run whose bound fits this machine's load (see the settings).
    const pass =
      longer.run.partnerTokenRequests + longer.run.businessTokenRequests === expected &&
      withStore.run.failedCalls + longer.run.failedCalls === 0 &&
      ("ratio" in instructions ? instructions.ratio <= instructionTarget : true);
    return {
      measured: true,
      settings,
      withStore: withStore.run,
      withStoreLongerBound: longer.run,
      withoutStore: withoutStore.run,
      readFromRedisMs,
      readFromMemoryMs,
      instructions,
      pass,
    };
  } finally {
    await redis.stop();
  }
}

interface MemberReport {
  failures: number;
  warnings: number;
  fromRedisMs: number[];
  fromMemoryMs: number[];
}

/** Starts the processes, lets them go at once, and collects their reports and the token counts. */
async function runFleet(
  server: FakeThredfiServer,
  member: string,
  redisUrl: string,
  commandTimeoutMs: number,
  settings: FleetSettings,
) {
  await server.reset();
  const prefix = `bench-${Date.now()}:`;
  const children = Array.from({ length: settings.processes }, () =>
    spawn(
      process.execPath,
      [
        member,
        server.baseUrl,
        redisUrl,
        String(settings.businesses),
        String(settings.burst),
        prefix,
        String(commandTimeoutMs),
      ],
      { stdio: ["pipe", "pipe", "inherit"] },
    ),
  );
  const lines = children.map((child) => {
    const reader = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    return async () => {
      const next = await reader.next();
      if (next.done) throw new Error("a fleet process ended early");
      return next.value;
    };
  });
  for (const line of lines)
    if ((await line()) !== "ready") throw new Error("a fleet process did not start");
  for (const child of children) child.stdin.write("go\n");
  const reports = await Promise.all(
    lines.map(async (line) => JSON.parse(await line()) as MemberReport),
  );
  for (const child of children) child.stdin.end();
  const counts = await server.counts();
  return {
    run: {
      partnerTokenRequests: counts.partnerToken,
      businessTokenRequests: counts.businessToken,
      failedCalls: reports.reduce((sum, report) => sum + report.failures, 0),
      warnings: reports.reduce((sum, report) => sum + report.warnings, 0),
    },
    reads: {
      fromRedisMs: reports.flatMap((report) => report.fromRedisMs),
      fromMemoryMs: reports.flatMap((report) => report.fromMemoryMs),
    },
  };
}

/** Instructions per in-memory call with the store and without, under callgrind (as in 1a). */
async function countHotPath(redisUrl: string, settings: FleetSettings) {
  const version = spawnSync("valgrind", ["--version"]);
  if (version.error !== undefined || version.status !== 0) {
    return { skipped: "valgrind is not installed (apt-get install valgrind)" };
  }
  const child = await bundleChild(
    new URL("./hot-path-child.ts", import.meta.url),
    "fleet-hot-path",
  );
  const dir = workPath("fleet-callgrind");
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const variants = { "no store": "-", "Redis store": redisUrl, "no store (second run)": "-" };
  const perCall: Record<string, number> = {};
  await Promise.all(
    Object.entries(variants).map(async ([name, url], index) => {
      perCall[name] = await instructionsPerRequest(
        child,
        [url, String(settings.n), String(settings.warmupCalls)],
        settings.n,
        `${dir}${index}.out`,
      );
    }),
  );
  const base = perCall["no store"] as number;
  return {
    ratio: (perCall["Redis store"] as number) / base,
    nullRatio: (perCall["no store (second run)"] as number) / base,
    perCall,
  };
}

function percentiles(values: number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { p50: median(values), p99: at(0.99) };
}

function fleetRows(result: FleetResult): TableRow[] {
  if (!result.measured) return [row("8 fleet token requests", `skipped: ${result.reason}`, "", "")];
  const { settings: used, withStore, withoutStore } = result;
  const tokens = (run: FleetRun) => run.partnerTokenRequests + run.businessTokenRequests;
  const expected = 1 + used.businesses;
  const fleetName = `${used.processes} processes × ${used.businesses} businesses × ${used.burst} calls`;
  const rows = [
    row(
      `8 fleet token requests, with the Redis store (${fleetName})`,
      `${count(withStore.partnerTokenRequests)} + ${count(withStore.businessTokenRequests)}, ${count(withStore.failedCalls)} failed calls`,
      `= ${count(1)} + ${count(used.businesses)}`,
      verdict(tokens(withStore) === expected && withStore.failedCalls === 0),
    ),
    row(
      `8 fleet token requests, with the store, commandTimeoutMs ${used.loadedTimeoutMs}`,
      `${count(result.withStoreLongerBound.partnerTokenRequests)} + ${count(result.withStoreLongerBound.businessTokenRequests)}, ${count(result.withStoreLongerBound.failedCalls)} failed calls`,
      `= ${count(1)} + ${count(used.businesses)}`,
      verdict(
        tokens(result.withStoreLongerBound) === expected &&
          result.withStoreLongerBound.failedCalls === 0,
      ),
    ),
    row(
      "8 fleet token requests, without a store",
      `${count(withoutStore.partnerTokenRequests)} + ${count(withoutStore.businessTokenRequests)}`,
      "",
      "",
    ),
    row(
      "8 token read from Redis (cache forgotten), latency",
      `p50 ${msFine(result.readFromRedisMs.p50)}, p99 ${msFine(result.readFromRedisMs.p99)} (from memory: p50 ${msFine(result.readFromMemoryMs.p50)})`,
      "",
      "",
    ),
  ];
  const { instructions } = result;
  if ("skipped" in instructions) {
    rows.push(
      row(
        "8 in-memory call with the store, instructions",
        `skipped: ${instructions.skipped}`,
        "",
        "",
      ),
    );
  } else {
    rows.push(
      row(
        "8 in-memory call with the store, instructions",
        `${times(instructions.ratio)} no store (null ${times(instructions.nullRatio)})`,
        `≤ ${instructionTarget.toFixed(2)}×`,
        verdict(instructions.ratio <= instructionTarget),
      ),
    );
  }
  return rows;
}

/** `0.42 ms` below 10 ms, else as `ms()`. */
function msFine(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : ms(value);
}
