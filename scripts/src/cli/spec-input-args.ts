import { parseArgs } from "node:util";
import type { ImportOptions } from "../import-spec.js";
import { SpecError } from "../lib/spec-error.js";
import { type RepoLayout, repoLayout } from "../repo-layout.js";
import type { CliIo } from "./run-cli.js";

/** What `spec:import` and `spec:update` take from their command line, stdin read already. */
export interface SpecInputArgs {
  source: Omit<ImportOptions, "fragmentsDir">;
  layout: RepoLayout;
}

/**
 * Parses `<page.md | file.yaml | -> [--name <fragment>] [--root <checkout>]`. A relative input
 * is relative to `io.cwd`: where the user ran pnpm (`INIT_CWD`), not this package.
 */
export async function readSpecInputArgs(
  args: string[],
  io: CliIo,
  usage: string,
): Promise<SpecInputArgs> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: "string" }, root: { type: "string" } },
  });
  const [input, extra] = positionals;
  if (input === undefined || extra !== undefined) throw new SpecError(usage);
  return {
    layout: repoLayout(values.root),
    source: {
      input,
      cwd: io.cwd,
      ...(input === "-" ? { stdinText: await io.readStdin() } : {}),
      ...(values.name === undefined ? {} : { name: values.name }),
    },
  };
}
