import { relative } from "node:path";
import { parseArgs } from "node:util";
import { generateResources, resourcesLayout } from "../generate-resources.js";
import { REPO_ROOT } from "../repo-layout.js";
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
  if (values.check) {
    if (changed.length === 0) {
      io.out(`Resource methods are up to date (${summary}).`);
      return 0;
    }
    io.err(
      `These generated files differ from a fresh run:\n  ${changed.join("\n  ")}\nRun \`pnpm generate\` and commit the result.`,
    );
    return 1;
  }
  io.out(
    changed.length === 0
      ? `Resource methods already up to date (${summary}).`
      : `Wrote ${changed.join(", ")} (${summary}).`,
  );
  return 0;
}
