import { cp, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { FIXTURES, runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

async function repoWithWidgets() {
  const layout = await tempRepo();
  await cp(join(FIXTURES, "diff/base.yaml"), join(layout.fragmentsDir, "widgets.yaml"), {
    recursive: true,
  });
  await generate(layout);
  return layout;
}

async function changesets(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(".md"));
}

describe("spec:update", () => {
  it("imports, regenerates and writes a changeset that bumps the spec packages and names the operations", async () => {
    const layout = await repoWithWidgets();
    const typesBefore = await readFile(layout.typesPath, "utf8");
    const run = await runCommandLine("update", ["diff/new-response-field.yaml"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Spec change (minor)");

    const [name, extra] = await changesets(layout.changesetDir);
    expect(extra).toBeUndefined();
    const text = await readFile(join(layout.changesetDir, name ?? ""), "utf8");
    expect(text).toMatch(
      /^---\n"@thredfi\/types": minor\n"@thredfi\/auth": minor\n"@thredfi\/client": minor\n---\n/,
    );
    expect(text).toContain("- Changed `create_widget (POST /v1/widgets/)` (minor):");
    expect(text).toContain("- Changed `get_widget (GET /v1/widgets/{widget_id}/)` (minor):");
    expect(text).toContain("response 200 application/json: field weight added (minor)");

    const types = await readFile(layout.typesPath, "utf8");
    expect(types).not.toBe(typesBefore);
    expect(types).toContain("weight?: number;");
    expect(await readFile(layout.bundlePath, "utf8")).toContain("weight:");
  });

  it("writes no changeset when the page brings no change", async () => {
    const layout = await repoWithWidgets();
    const run = await runCommandLine("update", ["diff/base.yaml"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("no changeset written");
    expect(await changesets(layout.changesetDir)).toEqual([]);
  });

  it("refuses a re-imported document that drops an operation, leaving the repository untouched", async () => {
    const layout = await tempRepo();
    await cp(join(FIXTURES, "diff/new-operation.yaml"), join(layout.fragmentsDir, "widgets.yaml"));
    await generate(layout);
    const inputDir = join(layout.root, "download");
    await cp(join(FIXTURES, "diff/base.yaml"), join(inputDir, "widgets.yaml"));
    const before = await snapshotDir(layout.root);
    const run = await runCommandLine("update", ["widgets.yaml"], {
      root: layout.root,
      cwd: inputDir,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("would remove delete_widget (DELETE /v1/widgets/{widget_id}/)");
    expect(await snapshotDir(layout.root)).toEqual(before);
  });

  it("leaves the repository untouched when the new fragment conflicts with another", async () => {
    const layout = await repoWithWidgets();
    await cp(
      join(FIXTURES, "merge/list-gadgets.yaml"),
      join(layout.fragmentsDir, "list-gadgets.yaml"),
    );
    await generate(layout);
    const before = await snapshotDir(layout.root);
    const run = await runCommandLine("update", ["merge/conflicting-error.yaml"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("components.schemas.ErrorResponse: defined differently");
    expect(await snapshotDir(layout.root)).toEqual(before);
  });
});
