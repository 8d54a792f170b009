import { relative } from "node:path";
import { parseArgs } from "node:util";
import { generate } from "./generate.js";
import { repoLayout } from "./repo-layout.js";
import { runCli } from "./run-cli.js";

/**
 * `pnpm generate [--check]`: bundles specs/fragments into specs/thredfi.yaml and generates
 * packages/types/src/openapi.ts. `--root <dir>` runs against another checkout.
 */
runCli(async () => {
  const { values } = parseArgs({
    options: { check: { type: "boolean", default: false }, root: { type: "string" } },
  });
  const layout = repoLayout(values.root);
  const result = await generate({ ...layout, check: values.check });
  const changed = result.changedFiles.map((file) => relative(layout.root, file));
  const summary = `${result.fragmentCount} fragments, ${result.operationCount} operations`;
  if (values.check) {
    if (changed.length === 0) {
      console.log(`Generated files are up to date (${summary}).`);
      return 0;
    }
    console.error(
      `These generated files differ from a fresh run:\n  ${changed.join("\n  ")}\nRun \`pnpm generate\` and commit the result.`,
    );
    return 1;
  }
  console.log(
    changed.length === 0
      ? `Generated files already up to date (${summary}).`
      : `Wrote ${changed.join(", ")} (${summary}).`,
  );
  return 0;
});
