import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Measurement } from "../measurement.js";
import { lastJsonLine, runChild, tsChildArgv, workPath } from "../support/child-process.js";
import { count, ms, row, type TableRow, times, verdict } from "../support/format.js";
import { elapsedMs } from "../support/stats.js";
import { consumerSource, consumerTsconfig } from "./consumer-file.js";
import { writeSyntheticFragments } from "./synthetic-spec.js";

/** Timings of the pipeline and of type-checking a consumer for one spec size. */
export interface CodegenSize {
  operations: number;
  /** `generate()` itself: bundle, validate, generate types, write. */
  generateMs: number;
  /** CPU time of `generate()` (all threads of the process), which neighbours do not inflate. */
  generateCpuMs: number;
  /** The whole generate process, start-up included, as `pnpm generate` would feel. */
  processMs: number;
  /** `tsc --noEmit` of a consumer file that imports the generated types. */
  typecheckMs: number;
  generateMsPerOperation: number;
  generateCpuMsPerOperation: number;
}

/** Timings per size, and the growth from 1,000 to 5,000 operations. */
export interface CodegenResult {
  sizes: CodegenSize[];
  /**
   * generateCpuMs(5,000) / generateCpuMs(1,000); linear growth gives 5, the target is ≤ 6. CPU
   * time is judged because wall time on a shared machine mostly measures the neighbours.
   */
  growth5000Over1000: number | undefined;
  /** The same growth in wall-clock time. */
  wallGrowth5000Over1000: number | undefined;
  typecheckGrowth5000Over1000: number | undefined;
  pass: boolean;
}

const workDir = workPath("codegen");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const sizes = [10, 100, 1_000, 5_000];

/** 4: time of the spec pipeline and of type-checking its output, by spec size. */
export const codegen: Measurement<"codegen", CodegenResult> = {
  name: "codegen",
  key: "codegen",
  title: "4 codegen scaling",
  run: () => measureCodegenScaling(sizes),
  rows: codegenRows,
  method:
    () => `- **4. Codegen scaling**: synthetic specs of ${count(sizes[0] ?? 0)} to ${count(sizes[sizes.length - 1] ?? 0)} operations, written as one
  fragment per operation (the way Thredfi publishes its reference), run through the real
  pipeline (\`generate()\` of \`@thredfi/scripts\`: bundle, validate, generate types) in a fresh
  process each, then \`tsc --noEmit\` of a consumer file making typed calls through the
  generated types. Target: 5,000 operations take ≤ 6× the 1,000-operation time, judged on the
  CPU time of \`generate()\` (wall time is shown too, but on a shared machine it mostly
  measures the neighbours).`,
};

/**
 * Writes synthetic specs of each size as fragments, runs the real pipeline on each in a fresh
 * process, and type-checks a consumer of the generated types.
 */
async function measureCodegenScaling(sizes: readonly number[]): Promise<CodegenResult> {
  const results: CodegenSize[] = [];
  for (const operations of sizes) results.push(await measureSize(operations));
  await rm(workDir, { recursive: true, force: true });

  const at = (operations: number) => results.find((size) => size.operations === operations);
  const [small, large] = [at(1000), at(5000)];
  const growth = small && large ? large.generateCpuMs / small.generateCpuMs : undefined;
  return {
    sizes: results,
    growth5000Over1000: growth,
    wallGrowth5000Over1000: small && large ? large.generateMs / small.generateMs : undefined,
    typecheckGrowth5000Over1000: small && large ? large.typecheckMs / small.typecheckMs : undefined,
    pass: growth !== undefined && growth <= 6,
  };
}

async function measureSize(operations: number): Promise<CodegenSize> {
  const root = join(workDir, String(operations));
  await writeSyntheticFragments(join(root, "specs/fragments"), operations);
  await writeFile(join(root, "package.json"), '{ "type": "module", "private": true }\n');

  let start = performance.now();
  const { stdout } = await runChild(tsChildArgv(new URL("./child.ts", import.meta.url), [root]));
  const processMs = elapsedMs(start);
  const generated = lastJsonLine<{ generateMs: number; generateCpuMs: number; operations: number }>(
    stdout,
  );
  if (generated.operations !== operations) {
    throw new Error(`pipeline produced ${generated.operations} operations, expected ${operations}`);
  }

  await mkdir(root, { recursive: true });
  await writeFile(join(root, "consumer.ts"), consumerSource(operations));
  await writeFile(join(root, "tsconfig.json"), consumerTsconfig);
  start = performance.now();
  await runChild([process.execPath, tsc, "-p", join(root, "tsconfig.json")]);
  const typecheckMs = elapsedMs(start);

  return {
    operations,
    generateMs: generated.generateMs,
    generateCpuMs: generated.generateCpuMs,
    processMs,
    typecheckMs,
    generateMsPerOperation: generated.generateMs / operations,
    generateCpuMsPerOperation: generated.generateCpuMs / operations,
  };
}

function codegenRows(result: CodegenResult): TableRow[] {
  const rows = result.sizes.map((size) =>
    row(
      `4 codegen: ${count(size.operations)} operations`,
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
