import { relative } from "node:path";
import { runCli } from "./run-cli.js";
import { readSpecInputArgs } from "./spec-input-args.js";
import { updateSpec } from "./update-spec.js";

const USAGE = "Usage: pnpm spec:update <page.md | file.yaml | -> [--name <fragment>]";

/**
 * `pnpm spec:update <page.md | file.yaml>`: imports the page, regenerates the bundled spec and
 * types, and writes a changeset whose bump follows the change.
 */
runCli(async () => {
  const { source, layout } = await readSpecInputArgs(USAGE);
  const result = await updateSpec({ ...source, layout });
  const { diff } = result;
  if (diff.bump === undefined) {
    console.log(
      `No change to the spec from ${result.plan.operations.join(", ")}: no changeset written.`,
    );
  } else {
    const types =
      diff.addedComponents.length + diff.removedComponents.length > 0
        ? `; named types: ${diff.addedComponents.length} added, ${diff.removedComponents.length} removed`
        : "";
    console.log(
      `Spec change (${diff.bump}): ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed${types}.`,
    );
  }
  for (const change of result.changes) {
    const verb = change.text === undefined ? "deleted" : "wrote";
    console.log(`  ${verb} ${relative(layout.root, change.path)}`);
  }
  return 0;
});
