import { parseArgs } from "node:util";
import type { ImportOptions } from "./import-spec.js";
import { readStdin } from "./read-stdin.js";
import { type RepoLayout, repoLayout } from "./repo-layout.js";
import { SpecError } from "./spec-error.js";

/** What `spec:import` and `spec:update` take from their command line, stdin read already. */
export interface SpecInputArgs {
  source: Omit<ImportOptions, "fragmentsDir">;
  layout: RepoLayout;
}

/**
 * Parses `<page.md | file.yaml | -> [--name <fragment>] [--root <checkout>]`. A relative input
 * is relative to where the user ran pnpm (`INIT_CWD`), not to this package.
 */
export async function readSpecInputArgs(usage: string): Promise<SpecInputArgs> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, root: { type: "string" } },
  });
  const [input, extra] = positionals;
  if (input === undefined || extra !== undefined) throw new SpecError(usage);
  return {
    layout: repoLayout(values.root),
    source: {
      input,
      cwd: process.env.INIT_CWD ?? process.cwd(),
      ...(input === "-" ? { stdinText: await readStdin() } : {}),
      ...(values.name === undefined ? {} : { name: values.name }),
    },
  };
}
