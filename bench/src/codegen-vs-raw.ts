import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeMultiFileSpec } from "./multi-file-spec.js";
import { median } from "./stats.js";
import { lastJsonLine, runChild, tsChildArgv } from "./ts-child.js";

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

const workDir = fileURLToPath(new URL("../.work/codegen-vs-raw/", import.meta.url));

/**
 * Writes a DigitalOcean-shaped multi-file spec (no real one is available offline) of
 * `resources` × 5 operations and times, each in a fresh process and alternating, our whole
 * `generate()` and openapi-typescript on the same root file, `rounds` times each.
 */
export async function runCodegenVsRaw(
  resources: number,
  rounds: number,
): Promise<CodegenVsRawResult> {
  await writeMultiFileSpec(join(workDir, "specs/fragments"), resources);
  const ours: { wallMs: number; cpuMs: number }[] = [];
  const raw: { wallMs: number; cpuMs: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const [mode, list] of [
      ["raw", raw],
      ["ours", ours],
    ] as const) {
      const { stdout } = await runChild(tsChildArgv("./codegen-vs-raw-child.ts", [mode, workDir]));
      list.push(lastJsonLine<{ wallMs: number; cpuMs: number }>(stdout));
    }
  }
  await rm(workDir, { recursive: true, force: true });
  const med = (list: { wallMs: number; cpuMs: number }[], key: "wallMs" | "cpuMs") =>
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
