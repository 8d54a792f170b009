import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "@thredfi/scripts/generate";
import openapiTS, { astToString } from "openapi-typescript";

// Child-process entry: `child <ours | raw> <root>` turns the multi-file spec at
// <root>/specs/fragments/api.yaml into types, with our `generate()` (bundle, validate, types,
// both files written) or with openapi-typescript alone, and prints one JSON line with the
// wall-clock and CPU time it took.

const [mode, root] = process.argv.slice(2);
if ((mode !== "ours" && mode !== "raw") || root === undefined) {
  throw new Error("usage: child <ours | raw> <root>");
}
const fragmentsDir = join(root, "specs/fragments");
const cpuStart = process.cpuUsage();
const start = performance.now();
if (mode === "ours") {
  await generate({
    fragmentsDir,
    bundlePath: join(root, "specs/thredfi.yaml"),
    typesPath: join(root, "packages/types/src/openapi.ts"),
  });
} else {
  const ast = await openapiTS(pathToFileURL(join(fragmentsDir, "api.yaml")), {
    defaultNonNullable: false,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    silent: true,
  });
  astToString(ast);
}
const wallMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(`${JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`);
