import { relative } from "node:path";
import { parseArgs } from "node:util";
import { generateResources, resourcesLayout } from "../generate-resources.js";
import { REPO_ROOT } from "../repo-layout.js";
import { reportGenerated } from "./report-generated.js";
import type { CliIo } from "./run-cli.js";

/**
 * `thredfi-spec resources [--check]` (`pnpm generate`, in @thredfi/client): names every
 * operation of specs/thredfi.yaml and writes the client's resource table and types.
 * `--root <dir>` runs against another checkout.
 */
export async function resourcesCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { check: { type: "boolean", default: false }, root: { type: "string" } },
  });
  const root = values.root ?? REPO_ROOT;
  const result = await generateResources({ ...resourcesLayout(root), check: values.check });
  const changed = result.changedFiles.map((file) => relative(root, file));
  const summary = `${result.methods.length} resource methods, ${result.handWritten.length} hand-written`;
  return reportGenerated(io, { changed, summary, what: "Resource methods", check: values.check });
}
