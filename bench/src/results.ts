import type { CodegenResult } from "./codegen-scaling.js";
import type { CodegenVsRawResult } from "./codegen-vs-raw.js";
import type { ColdStartResult } from "./cold-start.js";
import type { InstructionResult } from "./hot-path-instructions.js";
import type { ThroughputResult } from "./hot-path-throughput.js";
import { instructionClientNames } from "./instruction-clients.js";
import type { MachineInfo } from "./machine.js";
import type { MemoryResult } from "./memory.js";
import type { RatioSummary } from "./stats.js";
import { throughputClientNames } from "./throughput-clients.js";

/** Everything one `pnpm bench` run measured, as written to `bench/results.json`. */
export interface BenchResults {
  finishedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  instructions?: InstructionResult;
  throughput?: ThroughputResult;
  coldStart?: ColdStartResult;
  memory?: MemoryResult;
  codegen?: CodegenResult;
  codegenVsRaw?: CodegenVsRawResult;
}

/** One row of the summary table. */
export interface TableRow {
  measurement: string;
  result: string;
  target: string;
  /** "ok", "MISS", or "" when the row has no target. */
  verdict: string;
}

/** The rows of the summary table, one per reported number. */
export function tableRows(results: BenchResults): TableRow[] {
  return [
    ...instructionRows(results.instructions),
    ...throughputRows(results.throughput),
    ...coldStartRows(results.coldStart),
    ...codegenRows(results.codegen),
    ...codegenVsRawRows(results.codegenVsRaw),
    ...memoryRows(results.memory),
  ];
}

/** The one-line verdict on the hot path, printed last. */
export function hotPathLine(results: BenchResults): string {
  const parts: string[] = [];
  const instructions = results.instructions;
  if (instructions?.measured) {
    const ratio = instructions.ratioToBare["thredfi.partner"];
    const noise = instructions.ratioToBare["bare (second client, null comparison)"];
    parts.push(
      `${times(ratio)} CPU instructions per request (target ≤ 1.10×; null ${times(noise)})`,
    );
  } else if (instructions !== undefined) {
    parts.push(`CPU instructions not measured: ${instructions.reason}`);
  }
  const throughput = results.throughput;
  if (throughput !== undefined) {
    const ratio = throughput.ratioToBare["thredfi.partner"].median;
    const noise = throughput.ratioToBare["bare (second client, null comparison)"].median;
    const cpu = throughput.cpuRatioToBare["thredfi.partner"].median;
    const cpuNoise = throughput.cpuRatioToBare["bare (second client, null comparison)"].median;
    parts.push(
      `${times(ratio)} requests/s (target ≥ 0.95×; null ${times(noise)}), ${times(cpu)} per client CPU-second (null ${times(cpuNoise)})`,
    );
  }
  const verdictText = parts.length === 0 ? "not measured in this run" : parts.join("; ");
  return `hot-path ratio, thredfi.partner vs bare openapi-fetch: ${verdictText}`;
}

/** `1.034×`. */
export function times(ratio: number): string {
  return `${ratio.toFixed(3)}×`;
}

function instructionRows(result: InstructionResult | undefined): TableRow[] {
  if (result === undefined) return [];
  if (!result.measured) {
    return [row("1a instructions/request", `skipped: ${result.reason}`, "≤ 1.10×", "")];
  }
  const floor = result.instructionsPerRequest["bare, no Authorization header (floor)"];
  return instructionClientNames.map((name) => {
    const perRequest = result.instructionsPerRequest[name];
    const ratio = name === "bare" ? 1 : result.ratioToBare[name];
    const value = `${Math.round(perRequest).toLocaleString("en-US")} instr = ${times(ratio)} bare, ${times(perRequest / floor)} floor`;
    const measurement = `1a instructions/request: ${name}`;
    if (name !== "thredfi.partner") return row(measurement, value, "", "");
    return row(measurement, value, "≤ 1.10× bare", verdict(ratio <= 1.1));
  });
}

function throughputRows(result: ThroughputResult | undefined): TableRow[] {
  if (result === undefined) return [];
  const rows = [
    row(
      "1b requests/s: bare",
      `${rps(result.medianRequestsPerSecond.bare)}; per client CPU-second ${rps(result.medianRequestsPerCpuSecond.bare)}`,
      "",
      "",
    ),
  ];
  for (const name of throughputClientNames) {
    if (name === "bare") continue;
    const wall = result.ratioToBare[name];
    const cpu = result.cpuRatioToBare[name];
    const value = `${rps(result.medianRequestsPerSecond[name])} = ${times(wall.median)} (rounds ${range(wall)}); per client CPU-second ${times(cpu.median)} (rounds ${range(cpu)})`;
    const section = name.startsWith("bare") || name === "thredfi.partner" ? "1b" : "2";
    const isOurs = name === "thredfi.partner";
    rows.push(
      row(
        `${section} requests/s: ${name}`,
        value,
        isOurs ? "≥ 0.95×" : "",
        isOurs ? verdict(wall.median >= 0.95) : "",
      ),
    );
  }
  return rows;
}

function range(ratio: RatioSummary): string {
  return `${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}`;
}

function coldStartRows(result: ColdStartResult | undefined): TableRow[] {
  if (result === undefined) return [];
  const { settings, partner, businesses } = result;
  const counts = (scenario: typeof partner) =>
    scenario.observed.map((seen) => `${seen.partnerToken}+${seen.businessToken}`).join(", ");
  return [
    row(
      `3 cold start: ${settings.concurrentPartnerCalls} concurrent first partner calls`,
      `token requests (partner+business) per cold run: ${counts(partner)}, warm runs: ${partner.warmTokenRequests}; ${ms(partner.medianColdMs)} cold vs ${ms(partner.medianWarmMs)} warm = ${times(partner.coldToWarm)}`,
      "1+0",
      verdict(partner.pass),
    ),
    row(
      `3 cold start: ${settings.businesses} businesses × ${settings.callsPerBusiness} concurrent calls`,
      `token requests (partner+business) per cold run: ${counts(businesses)}, warm runs: ${businesses.warmTokenRequests}; ${ms(businesses.medianColdMs)} cold vs ${ms(businesses.medianWarmMs)} warm = ${times(businesses.coldToWarm)}`,
      `1+${settings.businesses}`,
      verdict(businesses.pass),
    ),
  ];
}

function codegenRows(result: CodegenResult | undefined): TableRow[] {
  if (result === undefined) return [];
  const rows = result.sizes.map((size) =>
    row(
      `4 codegen: ${size.operations.toLocaleString("en-US")} operations`,
      `generate ${ms(size.generateMs)} wall (${size.generateMsPerOperation.toFixed(2)} ms/op), ${ms(size.generateCpuMs)} CPU (${size.generateCpuMsPerOperation.toFixed(2)} ms/op); process ${ms(size.processMs)}; tsc --noEmit consumer ${ms(size.typecheckMs)}`,
      "",
      "",
    ),
  );
  if (result.growth5000Over1000 !== undefined) {
    rows.push(
      row(
        "4 codegen growth 1,000 → 5,000 operations",
        `generate ${times(result.growth5000Over1000)} CPU (${times(result.wallGrowth5000Over1000 ?? Number.NaN)} wall), tsc ${times(result.typecheckGrowth5000Over1000 ?? Number.NaN)}`,
        "≤ 6×",
        verdict(result.pass),
      ),
    );
  }
  return rows;
}

function codegenVsRawRows(result: CodegenVsRawResult | undefined): TableRow[] {
  if (result === undefined) return [];
  return [
    row(
      `4 codegen: generate vs raw openapi-typescript, ${result.operations} operations in ${result.files} files`,
      `${times(result.cpuRatio)} CPU (${ms(result.oursCpuMs)} vs ${ms(result.rawCpuMs)}), ${times(result.wallRatio)} wall (${ms(result.oursMs)} vs ${ms(result.rawMs)})`,
      "≤ 1.2×",
      verdict(result.pass),
    ),
  ];
}

function memoryRows(result: MemoryResult | undefined): TableRow[] {
  if (result === undefined) return [];
  const spread = (side: MemoryResult["few"]) =>
    `heap ${side.heapMb.toFixed(1)} MB, ${side.businessTokenRequests.toLocaleString("en-US")} token requests, ${side.cachedBusinessTokens} tokens cached`;
  return [
    row(
      `5 memory: ${result.settings.calls.toLocaleString("en-US")} calls over ${result.few.businesses.toLocaleString("en-US")} businesses`,
      spread(result.few),
      `≤ ${result.settings.expectedBound} cached`,
      verdict(result.few.cachedBusinessTokens <= result.settings.expectedBound),
    ),
    row(
      `5 memory: ${result.settings.calls.toLocaleString("en-US")} calls over ${result.many.businesses.toLocaleString("en-US")} businesses`,
      `${spread(result.many)} (heap at start ${result.baselineHeapMb.toFixed(1)} MB)`,
      `≤ ${result.settings.expectedBound} cached`,
      verdict(result.many.cachedBusinessTokens <= result.settings.expectedBound),
    ),
    row(
      `5 memory: heap growth ${result.few.businesses.toLocaleString("en-US")} → ${result.many.businesses.toLocaleString("en-US")} businesses`,
      `${result.growthMb.toFixed(1)} MB (${((result.growthMb * 1024 * 1024) / (result.many.businesses - result.few.businesses)).toFixed(0)} bytes per extra business)`,
      `≤ ${result.settings.heapGrowthBudgetMb} MB`,
      verdict(result.growthMb <= result.settings.heapGrowthBudgetMb),
    ),
  ];
}

function row(measurement: string, result: string, target: string, verdictText: string): TableRow {
  return { measurement, result, target, verdict: verdictText };
}

function verdict(pass: boolean): string {
  return pass ? "ok" : "MISS";
}

function rps(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} req/s`;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}
