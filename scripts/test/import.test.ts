import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { planImport } from "../src/import-spec.js";
import { SpecError } from "../src/lib/spec-error.js";
import { FIXTURES, runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

const REPO_PARTNER_TOKEN = resolve(
  import.meta.dirname,
  "../../specs/fragments/get_partner_token.yaml",
);

describe("spec:import", () => {
  it("writes a docs page's embedded document verbatim as <operationId>.yaml", async () => {
    const layout = await tempRepo();
    const run = await runCommandLine("import", ["pages/get-partner-token.md"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(0);
    const written = await readFile(join(layout.fragmentsDir, "get_partner_token.yaml"), "utf8");
    expect(written).toBe(await readFile(REPO_PARTNER_TOKEN, "utf8"));
    expect(written.endsWith("business_id.\n\n")).toBe(true);
  });

  it("is a no-op when the fragment already holds the page", async () => {
    const layout = await tempRepo();
    await mkdir(layout.fragmentsDir, { recursive: true });
    await writeFile(
      join(layout.fragmentsDir, "get_partner_token.yaml"),
      await readFile(REPO_PARTNER_TOKEN),
    );
    const before = await snapshotDir(layout.root);
    const run = await runCommandLine("import", [join(FIXTURES, "pages/get-partner-token.md")], {
      root: layout.root,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("nothing to do");
    expect(await snapshotDir(layout.root)).toEqual(before);
  });

  it("names a fragment with several operations after its input file", async () => {
    const layout = await tempRepo();
    const text = await readFile(join(FIXTURES, "documents/widgets.yaml"), "utf8");
    const run = await runCommandLine("import", ["documents/widgets.yaml"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(0);
    expect(await snapshotDir(layout.fragmentsDir)).toEqual({ "widgets.yaml": text });
  });

  it("reads a bare document from stdin", async () => {
    const layout = await tempRepo();
    const text = await readFile(join(FIXTURES, "documents/create-widget-v2.yaml"), "utf8");
    const run = await runCommandLine("import", ["-"], { root: layout.root, stdin: text });
    expect(run.status).toBe(0);
    expect(await snapshotDir(layout.fragmentsDir)).toEqual({ "create_widget.yaml": text });
  });

  it("moves an operation out of the fragment that held it, keeping the rest", async () => {
    const layout = await tempRepo(["documents/widgets.yaml"]);
    const run = await runCommandLine("import", ["documents/create-widget-v2.yaml"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(0);
    const widgets = parse(await readFile(join(layout.fragmentsDir, "widgets.yaml"), "utf8"));
    expect(Object.keys(widgets.paths["/v1/widgets/"])).toEqual(["get"]);
    expect(Object.keys(widgets.components.schemas)).toEqual(["Widget"]);
    expect(Object.keys(await snapshotDir(layout.fragmentsDir)).sort()).toEqual([
      "create_widget.yaml",
      "widgets.yaml",
    ]);
  });

  it("deletes a fragment whose every operation was re-imported elsewhere", async () => {
    const layout = await tempRepo();
    await mkdir(layout.fragmentsDir, { recursive: true });
    await writeFile(
      join(layout.fragmentsDir, "old-name.yaml"),
      await readFile(join(FIXTURES, "documents/create-widget-v2.yaml")),
    );
    const run = await runCommandLine("import", ["documents/widgets.yaml"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("deleted specs/fragments/old-name.yaml");
    expect(Object.keys(await snapshotDir(layout.fragmentsDir))).toEqual(["widgets.yaml"]);
  });

  it("resolves relative $refs into other files into the fragment", async () => {
    const layout = await tempRepo();
    const run = await runCommandLine("import", ["split/get-gadget.yaml"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(0);
    const fragment = parse(await readFile(join(layout.fragmentsDir, "get_gadget.yaml"), "utf8"));
    expect(JSON.stringify(fragment)).not.toMatch(/"\$ref":"\.\//);
    expect(Object.keys(fragment.components.schemas).sort()).toEqual(["ErrorResponse", "Gadget"]);
    expect(fragment.components.parameters.GadgetId.name).toBe("gadget_id");
  });

  const badInputs: [string, string, RegExp][] = [
    ["a page without a fence", "pages/no-fence.md", /no-fence\.md: no fence found/],
    ["a page with two fences", "pages/two-fences.md", /two-fences\.md: 2 fences found/],
    ["YAML that does not parse", "pages/bad-yaml.md", /bad-yaml\.md: YAML does not parse/],
    [
      "a document that is not OpenAPI 3.x",
      "documents/swagger2.yaml",
      /swagger2\.yaml: not an OpenAPI 3\.x document \(found swagger 2\.0\)/,
    ],
    [
      "an operation without operationId",
      "documents/no-operation-id.yaml",
      /no-operation-id\.yaml: operation without operationId: GET \/v1\/widgets\//,
    ],
  ];
  it.each(badInputs)("rejects %s, writing nothing", async (_case, input, message) => {
    const layout = await tempRepo(["documents/widgets.yaml"]);
    const before = await snapshotDir(layout.root);
    const run = await runCommandLine("import", [input], { root: layout.root, cwd: FIXTURES });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toContain("    at ");
    expect(await snapshotDir(layout.root)).toEqual(before);
  });

  const badStdin: [string, string, RegExp][] = [
    ["empty input", " \n", /stdin is empty/],
    [
      "a page without a fence",
      "# Get a widget\n\nSee the reference: it lists every field.\n",
      /stdin: no fence found .*, and not an OpenAPI document either/,
    ],
    [
      "YAML that does not parse",
      "openapi: 3.0.3\ninfo: {title: T\n",
      /stdin: no fence found .*, and not an OpenAPI document either: YAML does not parse/,
    ],
    [
      "a page with two fences",
      readFileSync(join(FIXTURES, "pages/two-fences.md"), "utf8"),
      /stdin: 2 fences found/,
    ],
  ];
  // In process: the exit status and the message printed for a SpecError are covered above.
  it.each(badStdin)("rejects %s on stdin, writing nothing", async (_case, stdinText, message) => {
    const layout = await tempRepo(["documents/widgets.yaml"]);
    const before = await snapshotDir(layout.root);
    const plan = planImport({
      input: "-",
      stdinText,
      cwd: layout.root,
      fragmentsDir: layout.fragmentsDir,
    });
    await expect(plan).rejects.toThrow(SpecError);
    await expect(plan).rejects.toThrow(message);
    expect(await snapshotDir(layout.root)).toEqual(before);
  });
});
