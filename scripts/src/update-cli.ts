import { relative } from "node:path";
import { parseArgs } from "node:util";
import { readStdin } from "./read-stdin.js";
import { repoLayout } from "./repo-layout.js";
import { runCli } from "./run-cli.js";
import { SpecError } from "./spec-error.js";
import { updateSpec } from "./update-spec.js";

const USAGE = "Usage: pnpm spec:update <page.md | file.yaml | -> [--name <fragment>]";

/**
 * `pnpm spec:update <page.md | file.yaml>`: imports the page, regenerates the bundled spec and
 * types, and writes a changeset whose bump follows the change.
 */
runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, root: { type: "string" } },
  });
  const [input, extra] = positionals;
  if (input === undefined || extra !== undefined) throw new SpecError(USAGE);
  const layout = repoLayout(values.root);
  const result = await updateSpec({
    input,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    layout,
    ...(input === "-" ? { stdinText: await readStdin() } : {}),
    ...(values.name === undefined ? {} : { name: values.name }),
  });
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
