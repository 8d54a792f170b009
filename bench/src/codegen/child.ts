import { join } from "node:path";
import { generate } from "@thredfi/scripts/generate";

// Child-process entry: runs the real spec pipeline on the checkout-shaped directory given as
// the only argument and prints one JSON line with the wall-clock and CPU time `generate()` took.

const root = process.argv[2];
if (root === undefined) throw new Error("usage: codegen-child <root>");
const cpuStart = process.cpuUsage();
const start = performance.now();
const result = await generate({
  fragmentsDir: join(root, "specs/fragments"),
  bundlePath: join(root, "specs/thredfi.yaml"),
  typesPath: join(root, "packages/types/src/openapi.ts"),
});
const generateMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const generateCpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  `${JSON.stringify({ generateMs, generateCpuMs, operations: result.operationCount })}\n`,
);
