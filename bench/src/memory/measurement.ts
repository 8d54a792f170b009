import type { Measurement } from "../measurement.js";
import { lastJsonLine, runChild, tsChildArgv } from "../support/child-process.js";
import { count, row, type TableRow, verdict } from "../support/format.js";

/** Settings of the memory benchmark. */
export interface MemorySettings {
  calls: number;
  fewBusinesses: number;
  manyBusinesses: number;
  concurrentBusinesses: number;
  /** The business-token cache bound the client runs with (its default). */
  expectedBound: number;
  /**
   * Heap growth allowed between few and many businesses: both runs end with a full cache, so a
   * bounded client grows by little more than collector noise.
   */
  heapGrowthBudgetMb: number;
}

interface SpreadResult {
  businesses: number;
  calls: number;
  businessTokenRequests: number;
  heapBytes: number;
  cachedBusinessTokens: number;
}

/** Settled heap and observed cache size after the same calls over few and many businesses. */
export interface MemoryResult {
  settings: MemorySettings;
  baselineHeapMb: number;
  few: SpreadResult & { heapMb: number };
  many: SpreadResult & { heapMb: number };
  /** Heap growth from few to many businesses, in MB. */
  growthMb: number;
  pass: boolean;
}

const settings: MemorySettings = {
  calls: 100_000,
  fewBusinesses: 1_000,
  manyBusinesses: 10_000,
  concurrentBusinesses: 10,
  expectedBound: 1_000,
  heapGrowthBudgetMb: 2,
};

/** 5: settled heap and business-token cache size over few and many businesses. */
export const memory: Measurement<"memory", MemoryResult> = {
  name: "memory",
  key: "memory",
  title: "5 memory",
  run: () => measureMemory(settings),
  rows: memoryRows,
  method: (
    result,
  ) => `- **5. Memory**: the same number of business calls spread over few and over many
  businesses, with the default business-token bound of ${count(result?.settings.expectedBound ?? settings.expectedBound)}, in a process started with
  \`--expose-gc\`. The cache size is observed from behaviour: revisiting businesses from the
  most recently used backwards, the calls that need no token request are exactly the cached
  tokens. Both runs end with a full cache, so the settled heap should barely differ between
  them (budget: ${result?.settings.heapGrowthBudgetMb ?? settings.heapGrowthBudgetMb} MB).`,
};

/**
 * Runs `child.ts` in a fresh process with `--expose-gc`: `calls` business calls over
 * few businesses, then over many, with the default LRU bound. Passes when the cache never
 * holds more tokens than its bound.
 */
async function measureMemory(settings: MemorySettings): Promise<MemoryResult> {
  const { stdout } = await runChild(
    tsChildArgv(
      new URL("./child.ts", import.meta.url),
      [
        settings.calls,
        settings.fewBusinesses,
        settings.manyBusinesses,
        settings.concurrentBusinesses,
      ].map(String),
      ["--expose-gc"],
    ),
  );
  const raw = lastJsonLine<{ baselineHeapBytes: number; few: SpreadResult; many: SpreadResult }>(
    stdout,
  );
  const few = { ...raw.few, heapMb: toMb(raw.few.heapBytes) };
  const many = { ...raw.many, heapMb: toMb(raw.many.heapBytes) };
  return {
    settings,
    baselineHeapMb: toMb(raw.baselineHeapBytes),
    few,
    many,
    growthMb: many.heapMb - few.heapMb,
    pass:
      many.heapMb - few.heapMb <= settings.heapGrowthBudgetMb &&
      many.cachedBusinessTokens <= settings.expectedBound &&
      few.cachedBusinessTokens <= settings.expectedBound,
  };
}

function toMb(bytes: number): number {
  return bytes / 1024 / 1024;
}

function memoryRows(result: MemoryResult): TableRow[] {
  const spread = (side: MemoryResult["few"]) =>
    `heap ${side.heapMb.toFixed(1)} MB, ${count(side.businessTokenRequests)} token requests, ${side.cachedBusinessTokens} tokens cached`;
  const calls = count(result.settings.calls);
  return [
    row(
      `5 memory: ${calls} calls over ${count(result.few.businesses)} businesses`,
      spread(result.few),
      `≤ ${result.settings.expectedBound} cached`,
      verdict(result.few.cachedBusinessTokens <= result.settings.expectedBound),
    ),
    row(
      `5 memory: ${calls} calls over ${count(result.many.businesses)} businesses`,
      `${spread(result.many)} (heap at start ${result.baselineHeapMb.toFixed(1)} MB)`,
      `≤ ${result.settings.expectedBound} cached`,
      verdict(result.many.cachedBusinessTokens <= result.settings.expectedBound),
    ),
    row(
      `5 memory: heap growth ${count(result.few.businesses)} → ${count(result.many.businesses)} businesses`,
      `${result.growthMb.toFixed(1)} MB (${((result.growthMb * 1024 * 1024) / (result.many.businesses - result.few.businesses)).toFixed(0)} bytes per extra business)`,
      `≤ ${result.settings.heapGrowthBudgetMb} MB`,
      verdict(result.growthMb <= result.settings.heapGrowthBudgetMb),
    ),
  ];
}
