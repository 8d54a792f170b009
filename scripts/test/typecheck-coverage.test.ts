import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/repo-layout.js";

/** The files a tsconfig names (its `include`, `files` and `exclude`), without type-checking. */
function filesOf(tsconfigPath: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error(`${tsconfigPath} could not be read`);
  return config.fileNames;
}

/** Every workspace's own tsconfig.json (relative to the repository): packages, examples, tools. */
function workspaceTsconfigs(): string[] {
  const nested = ["packages", "examples"].flatMap((group) =>
    readdirSync(join(REPO_ROOT, group)).map((name) => join(group, name)),
  );
  return [...nested, "scripts", "bench", "ecosystem-tests", "test-support"].map(
    (dir) => `${dir}/tsconfig.json`,
  );
}

// `pnpm test` type-checks the whole repository as one program (the root tsconfig.json) instead
// of once per workspace; a file a workspace's own tsconfig names must not fall outside it.
describe("the repository's type check", () => {
  const checked = new Set(filesOf(join(REPO_ROOT, "tsconfig.json")));

  it.each(workspaceTsconfigs())("covers every file that %s names", (tsconfig) => {
    const files = filesOf(join(REPO_ROOT, tsconfig));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !checked.has(file))).toEqual([]);
  });
});
