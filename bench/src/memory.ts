import { lastJsonLine, runChild, tsChildArgv } from "./ts-child.js";

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

/**
 * Runs `memory-child.ts` in a fresh process with `--expose-gc`: `calls` business calls over
 * few businesses, then over many, with the default LRU bound. Passes when the cache never
 * holds more tokens than its bound.
 */
export async function runMemory(settings: MemorySettings): Promise<MemoryResult> {
  const { stdout } = await runChild(
    tsChildArgv(
      "./memory-child.ts",
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
