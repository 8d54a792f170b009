import { relative } from "node:path";
import { updateSpec } from "../update-spec.js";
import type { CliIo } from "./run-cli.js";
import { readSpecInputArgs } from "./spec-input-args.js";

const USAGE = "Usage: pnpm spec:update <page.md | file.yaml | -> [--name <fragment>]";

/**
 * `thredfi-spec update <page.md | file.yaml | ->` (`pnpm spec:update`): imports the page,
 * regenerates the bundled spec and types, and writes a changeset whose bump follows the change.
 */
export async function updateCommand(args: string[], io: CliIo): Promise<number> {
  const { source, layout } = await readSpecInputArgs(args, io, USAGE);
  const result = await updateSpec({ ...source, layout });
  const { diff } = result;
  for (const warning of result.warnings) io.err(`warning: ${warning}`);
  if (diff.bump === undefined) {
    io.out(
      `No change to the spec from ${result.plan.operations.join(", ")}: no changeset written.`,
    );
  } else {
    const types =
      diff.addedComponents.length + diff.removedComponents.length > 0
        ? `; named types: ${diff.addedComponents.length} added, ${diff.removedComponents.length} removed`
        : "";
    io.out(
      `Spec change (${diff.bump}): ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed${types}.`,
    );
  }
  for (const change of result.changes) {
    const verb = change.text === undefined ? "deleted" : "wrote";
    io.out(`  ${verb} ${relative(layout.root, change.path)}`);
  }
  return 0;
}
