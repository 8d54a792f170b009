import { relative } from "node:path";
import { applyFileChanges } from "./file-changes.js";
import { planImport } from "./import-spec.js";
import { runCli } from "./run-cli.js";
import { readSpecInputArgs } from "./spec-input-args.js";

const USAGE = "Usage: pnpm spec:import <page.md | file.yaml | -> [--name <fragment>]";

/**
 * `pnpm spec:import <page.md | file.yaml | ->`: validates a Thredfi docs page or OpenAPI
 * document and writes it as a fragment under specs/fragments. Paths are relative to the
 * directory the command was run from.
 */
runCli(async () => {
  const { source, layout } = await readSpecInputArgs(USAGE);
  const plan = await planImport({ ...source, fragmentsDir: layout.fragmentsDir });
  await applyFileChanges(plan.changes);
  const fragment = relative(layout.root, plan.fragmentPath);
  if (plan.changes.length === 0) {
    console.log(`${fragment} already holds ${plan.operations.join(", ")}: nothing to do.`);
    return 0;
  }
  console.log(`Imported ${plan.operations.join(", ")}:`);
  for (const change of plan.changes) {
    const file = relative(layout.root, change.path);
    if (change.path === plan.fragmentPath) console.log(`  wrote ${file}`);
    else if (change.text === undefined) console.log(`  deleted ${file} (no operation left)`);
    else console.log(`  took the imported operations out of ${file}`);
  }
  console.log("Run `pnpm generate` to update specs/thredfi.yaml and @thredfi/types.");
  return 0;
});
