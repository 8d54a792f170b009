import { relative } from "node:path";
import { planImport } from "../import-spec.js";
import { applyFileChanges } from "../lib/files.js";
import type { CliIo } from "./run-cli.js";
import { readSpecInputArgs } from "./spec-input-args.js";

const USAGE = "Usage: pnpm spec:import <page.md | file.yaml | -> [--name <fragment>]";

/**
 * `thredfi-spec import <page.md | file.yaml | ->` (`pnpm spec:import`): validates a Thredfi
 * docs page or OpenAPI document and writes it as a fragment under specs/fragments. Paths are
 * relative to the directory the command was run from.
 */
export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { source, layout } = await readSpecInputArgs(args, io, USAGE);
  const plan = await planImport({ ...source, fragmentsDir: layout.fragmentsDir });
  await applyFileChanges(plan.changes);
  for (const warning of plan.warnings) io.err(`warning: ${warning}`);
  const fragment = relative(layout.root, plan.fragmentPath);
  if (plan.changes.length === 0) {
    io.out(`${fragment} already holds ${plan.operations.join(", ")}: nothing to do.`);
    return 0;
  }
  io.out(`Imported ${plan.operations.join(", ")}:`);
  for (const change of plan.changes) {
    const file = relative(layout.root, change.path);
    if (change.path === plan.fragmentPath) io.out(`  wrote ${file}`);
    else if (change.text === undefined) io.out(`  deleted ${file} (no operation left)`);
    else io.out(`  took the imported operations out of ${file}`);
  }
  io.out("Run `pnpm generate` to update specs/thredfi.yaml and @thredfi/types.");
  return 0;
}
