import { bundledSpecPath, startMock } from "@thredfi/mock";
import type { Measurement } from "../measurement.js";
import { ms, row, type TableRow, times, verdict } from "../support/format.js";
import {
  elapsedMs,
  interleavedOrder,
  median,
  type RatioSummary,
  ratioSummary,
} from "../support/stats.js";
import { prismCliVersion, startPlainPrism } from "./plain-prism.js";
import { processCpuMs } from "./process-cpu.js";

/** Settings of the mock-start benchmark. */
export interface MockStartSettings {
  rounds: number;
  /** Untimed rounds first, so no start pays alone for reading Prism's files from disk. */
  warmupRounds: number;
  /** Version of the `@stoplight/prism-cli` both ways start. */
  prismCli: string;
}

/** The ways Prism is started: its own command line (twice, the null comparison) and `startMock()`. */
export type MockStartWay = "prismCli" | "prismCliAgain" | "startMock";

/** What one start cost, up to the moment Prism answered HTTP. */
export interface StartCost {
  /** CPU time (user + system) of the Prism process. */
  cpuMs: number;
  /** Wall time from spawn until the start resolved. */
  wallMs: number;
}

/** Prism's start-up CPU time under `startMock()` against its plain command line. */
export interface MockStartResult {
  settings: MockStartSettings;
  medianCpuMs: Record<MockStartWay, number>;
  medianWallMs: Record<MockStartWay, number>;
  /** Every timed start, by way, in round order. */
  costsByRound: Record<MockStartWay, StartCost[]>;
  /** Per round: CPU of `startMock()`'s Prism ÷ CPU of the plain CLI's. */
  ratio: RatioSummary;
  /** Per round: CPU of the second plain start ÷ the first, the noise a ratio must beat. */
  nullRatio: RatioSummary;
  pass: boolean;
}

const settings: Omit<MockStartSettings, "prismCli"> = { rounds: 5, warmupRounds: 1 };
const targetRatio = 0.8;
const ways: readonly MockStartWay[] = ["prismCli", "prismCliAgain", "startMock"];

/** 7: CPU time Prism spends until it answers, started by `startMock()` and by its own CLI. */
export const mockStart: Measurement<"mockStart", MockStartResult> = {
  name: "mock-start",
  key: "mockStart",
  title: "7 mock start",
  run: () => measureMockStart({ ...settings, prismCli: prismCliVersion() }),
  rows: mockStartRows,
  method: (result) => {
    const { rounds, warmupRounds } = result?.settings ?? settings;
    const prism = result === undefined ? "" : ` ${result.settings.prismCli}`;
    return `- **7. Mock start**: the CPU time (user + system, from \`/proc/<pid>/stat\`) the Prism${prism}
  process spends from its spawn until it answers HTTP, serving the Thredfi spec bundled in
  \`@thredfi/mock\`, started two ways: by its own command line (\`node prism-cli.js mock <spec>
  -h 127.0.0.1 -p 0 --multiprocess=false\`) and by \`startMock()\`, which runs the same CLI in a
  host process that hands Prism a faker loading its locales on demand. Each of ${rounds} rounds
  (after ${warmupRounds} untimed) starts the CLI twice (the second start is the null comparison) and
  \`startMock()\` once, in the rotating order of measurement 1b; ratios are taken within a
  round, median and range over rounds. Target: \`startMock()\` ≤ ${targetRatio}× the CLI. CPU time
  rather than wall time, so that waiting for a busy core does not count.`;
  },
};

/**
 * Starts Prism each way once per round, in the order {@link interleavedOrder} gives, reads the
 * CPU time of its process the moment it answers HTTP, then stops it before the next start.
 */
async function measureMockStart(settings: MockStartSettings): Promise<MockStartResult> {
  const spec = bundledSpecPath();
  const costsByRound: Record<MockStartWay, StartCost[]> = {
    prismCli: [],
    prismCliAgain: [],
    startMock: [],
  };
  const startBy: Record<MockStartWay, () => Promise<StartCost>> = {
    prismCli: () => startPrismCli(spec),
    prismCliAgain: () => startPrismCli(spec),
    startMock: () => startByMock(spec),
  };
  for (let round = -settings.warmupRounds; round < settings.rounds; round++) {
    for (const way of interleavedOrder(ways, Math.max(round, 0))) {
      const cost = await startBy[way]();
      if (round >= 0) costsByRound[way].push(cost);
    }
  }
  const cpu = (way: MockStartWay) => costsByRound[way].map((cost) => cost.cpuMs);
  const medianOf = (key: keyof StartCost) =>
    Object.fromEntries(
      ways.map((way) => [way, median(costsByRound[way].map((cost) => cost[key]))]),
    ) as Record<MockStartWay, number>;
  const ratio = ratioSummary(cpu("startMock"), cpu("prismCli"));
  return {
    settings,
    medianCpuMs: medianOf("cpuMs"),
    medianWallMs: medianOf("wallMs"),
    costsByRound,
    ratio,
    nullRatio: ratioSummary(cpu("prismCliAgain"), cpu("prismCli")),
    pass: ratio.median <= targetRatio,
  };
}

async function startPrismCli(spec: string): Promise<StartCost> {
  const started = performance.now();
  const prism = await startPlainPrism(spec);
  try {
    const wallMs = elapsedMs(started);
    return { cpuMs: processCpuMs(prism.pid), wallMs };
  } finally {
    await prism.stop();
  }
}

async function startByMock(spec: string): Promise<StartCost> {
  const started = performance.now();
  const mock = await startMock({ spec });
  try {
    const wallMs = elapsedMs(started);
    return { cpuMs: processCpuMs(mock.pid), wallMs };
  } finally {
    await mock.close();
  }
}

function mockStartRows(result: MockStartResult): TableRow[] {
  const { medianCpuMs, medianWallMs, ratio, nullRatio } = result;
  const spread = (summary: RatioSummary) => `rounds ${times(summary.min)}–${times(summary.max)}`;
  const cost = (way: MockStartWay) => `${ms(medianCpuMs[way])} CPU (${ms(medianWallMs[way])} wall)`;
  return [
    row("7 mock start: Prism CLI, CPU until it answers", cost("prismCli"), "", ""),
    row(
      "7 mock start: Prism CLI (second start, null comparison)",
      `${cost("prismCliAgain")} = ${times(nullRatio.median)} (${spread(nullRatio)})`,
      "",
      "",
    ),
    row(
      "7 mock start: startMock() of @thredfi/mock",
      `${cost("startMock")} = ${times(ratio.median)} (${spread(ratio)})`,
      `≤ ${targetRatio}× CLI`,
      verdict(result.pass),
    ),
  ];
}
