import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { consumerSource, consumerTsconfig } from "./consumer-file.js";
import { elapsedMs } from "./stats.js";
import { writeSyntheticFragments } from "./synthetic-spec.js";
import { lastJsonLine, runChild, tsChildArgv } from "./ts-child.js";

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

const workDir = fileURLToPath(new URL("../.work/codegen/", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/**
 * Writes synthetic specs of each size as fragments, runs the real pipeline on each in a fresh
 * process, and type-checks a consumer of the generated types.
 */
export async function runCodegenScaling(sizes: readonly number[]): Promise<CodegenResult> {
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
  const { stdout } = await runChild(tsChildArgv("./codegen-child.ts", [root]));
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
