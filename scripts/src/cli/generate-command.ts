import { relative } from "node:path";
import { parseArgs } from "node:util";
import { generate } from "../generate.js";
import { repoLayout } from "../repo-layout.js";
import { reportGenerated } from "./report-generated.js";
import type { CliIo } from "./run-cli.js";

/**
 * `thredfi-spec generate [--check]` (`pnpm generate`): bundles specs/fragments into
 * specs/thredfi.yaml and generates packages/types/src/openapi.ts. `--root <dir>` runs against
 * another checkout.
 */
export async function generateCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { check: { type: "boolean", default: false }, root: { type: "string" } },
  });
  const layout = repoLayout(values.root);
  const result = await generate({ ...layout, check: values.check });
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  const changed = result.changedFiles.map((file) => relative(layout.root, file));
  const summary = `${result.fragmentCount} fragments, ${result.operationCount} operations`;
  return reportGenerated(io, { changed, summary, what: "Generated files", check: values.check });
}
