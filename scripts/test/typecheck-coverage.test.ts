import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
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

/** Every workspace's own tsconfig.json, relative to the repository, from pnpm-workspace.yaml. */
function workspaceTsconfigs(): string[] {
  const { packages } = parse(readFileSync(join(REPO_ROOT, "pnpm-workspace.yaml"), "utf8")) as {
    packages: string[];
  };
  return packages
    .flatMap((pattern) =>
      pattern.endsWith("/*")
        ? readdirSync(join(REPO_ROOT, pattern.slice(0, -2))).map(
            (name) => `${pattern.slice(0, -1)}${name}`,
          )
        : [pattern],
    )
    .map((dir) => `${dir}/tsconfig.json`);
}

// `pnpm test` type-checks the whole repository as one program (the root tsconfig.json) instead
// of once per workspace; a file a workspace's own tsconfig names must not fall outside it.
describe("the repository's type check", () => {
  const checked = new Set(filesOf(join(REPO_ROOT, "tsconfig.json")));

  it("finds every workspace of pnpm-workspace.yaml", () => {
    expect(workspaceTsconfigs()).toEqual(
      expect.arrayContaining(["packages/auth/tsconfig.json", "test-support/tsconfig.json"]),
    );
  });

  it.each(workspaceTsconfigs())("covers every file that %s names", (tsconfig) => {
    const files = filesOf(join(REPO_ROOT, tsconfig));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !checked.has(file))).toEqual([]);
  });
});
