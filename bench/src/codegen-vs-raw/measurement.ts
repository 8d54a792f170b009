import { rm } from "node:fs/promises";
import { join } from "node:path";
import type { Measurement } from "../measurement.js";
import { lastJsonLine, runChild, tsChildArgv, workPath } from "../support/child-process.js";
import { ms, row, type TableRow, times, verdict } from "../support/format.js";
import { median } from "../support/stats.js";
import { writeMultiFileSpec } from "./multi-file-spec.js";

/** Our `generate()` against openapi-typescript alone on one multi-file spec. */
export interface CodegenVsRawResult {
  /** What was measured: the synthetic multi-file spec's shape. */
  spec: string;
  operations: number;
  files: number;
  oursMs: number;
  rawMs: number;
  oursCpuMs: number;
  rawCpuMs: number;
  /** Median CPU time of ours / of raw; the target is ≤ 1.2. */
  cpuRatio: number;
  wallRatio: number;
  pass: boolean;
}

interface ChildTiming {
  wallMs: number;
  cpuMs: number;
}

const workDir = workPath("codegen-vs-raw");
const resources = 80;
const rounds = 5;

/** 4b: our whole pipeline against openapi-typescript alone, on the same multi-file spec. */
export const codegenVsRaw: Measurement<"codegenVsRaw", CodegenVsRawResult> = {
  name: "codegen-vs-raw",
  key: "codegenVsRaw",
  title: "4b codegen against raw openapi-typescript",
  run: () => measureAgainstRaw(resources, rounds),
  rows: codegenVsRawRows,
  method:
    () => `- **4b. Codegen against raw openapi-typescript**: a DigitalOcean-shaped multi-file spec
  (no real one is available offline: a root \`api.yaml\`, one file per operation, models and
  shared responses in other files) of ${resources * 5} operations, turned into types by our whole
  \`generate()\` (bundle, validate, overlays, types, both files written) and by openapi-typescript
  alone on the same root file, each in a fresh process, alternating, ${rounds} rounds. Target: ours
  ≤ 1.2× raw in median CPU time.`,
};

/**
 * Writes the multi-file spec of `resources` × 5 operations and times, each in a fresh process
 * and alternating, our `generate()` and openapi-typescript on the same root file.
 */
async function measureAgainstRaw(resources: number, rounds: number): Promise<CodegenVsRawResult> {
  await writeMultiFileSpec(join(workDir, "specs/fragments"), resources);
  const ours: ChildTiming[] = [];
  const raw: ChildTiming[] = [];
  const child = new URL("./child.ts", import.meta.url);
  for (let round = 0; round < rounds; round++) {
    for (const [mode, list] of [
      ["raw", raw],
      ["ours", ours],
    ] as const) {
      const { stdout } = await runChild(tsChildArgv(child, [mode, workDir]));
      list.push(lastJsonLine<ChildTiming>(stdout));
    }
  }
  await rm(workDir, { recursive: true, force: true });
  const med = (list: ChildTiming[], key: keyof ChildTiming) =>
    median(list.map((entry) => entry[key]));
  const cpuRatio = med(ours, "cpuMs") / med(raw, "cpuMs");
  return {
    spec: "synthetic DigitalOcean-shaped: root api.yaml, one file per operation, models and shared responses in other files",
    operations: resources * 5,
    files: resources * 7 + 5,
    oursMs: med(ours, "wallMs"),
    rawMs: med(raw, "wallMs"),
    oursCpuMs: med(ours, "cpuMs"),
    rawCpuMs: med(raw, "cpuMs"),
    cpuRatio,
    wallRatio: med(ours, "wallMs") / med(raw, "wallMs"),
    pass: cpuRatio <= 1.2,
  };
}

function codegenVsRawRows(result: CodegenVsRawResult): TableRow[] {
  return [
    row(
      `4b codegen: generate vs raw openapi-typescript, ${result.operations} operations in ${result.files} files`,
      `${times(result.cpuRatio)} CPU (${ms(result.oursCpuMs)} vs ${ms(result.rawCpuMs)}), ${times(result.wallRatio)} wall (${ms(result.oursMs)} vs ${ms(result.rawMs)})`,
      "≤ 1.2×",
      verdict(result.pass),
    ),
  ];
}
