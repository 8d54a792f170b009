import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { openapiText, writeText } from "./support/documents.js";
import { runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

const CYCLE = `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /v1/loops/:
    get:
      operationId: get_loop
      responses:
        '200':
          description: OK.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/A'}
components:
  schemas:
    A: {$ref: '#/components/schemas/B'}
    B: {$ref: '#/components/schemas/A'}
`;

describe("awkward input", () => {
  it("reports a pure $ref cycle at import as a message naming it, not a stack trace", async () => {
    const layout = await tempRepo();
    const input = await writeText(layout.root, "in/loop.yaml", CYCLE);
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: .*#\/components\/schemas\/A/);
    expect(run.stderr).not.toContain("    at ");
    expect(await snapshotDir(layout.fragmentsDir)).toEqual({});
  });

  it("reports a pure $ref cycle in a fragment at generate as a message, not a stack trace", async () => {
    const layout = await tempRepo();
    await writeText(layout.fragmentsDir, "loop.yaml", CYCLE);
    const run = await runCommandLine("generate", [], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: .*cycle/);
    expect(run.stderr).not.toContain("    at ");
  });

  it("accepts YAML merge keys", async () => {
    const layout = await tempRepo();
    const text = `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /v1/widgets/:
    get:
      operationId: list_widgets
      responses:
        '200':
          description: OK.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Widget'}
components:
  schemas:
    Base: &base
      type: object
      properties:
        id: {type: string}
    Widget:
      <<: *base
      description: A widget.
`;
    const input = await writeText(layout.root, "in/widgets.yaml", text);
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    await generate(layout);
    expect(await readFile(layout.typesPath, "utf8")).toMatch(/Widget: \{\s*id\?: string;/);
  });

  it("finds the fence on line one of a page that starts with a byte order mark", async () => {
    const layout = await tempRepo();
    const body = openapiText([["get", "/v1/widgets/", "list_widgets"]]);
    const page = `\uFEFF\`\`\`\`yaml GET /v1/widgets/\n${body}\`\`\`\`\n`;
    const input = await writeText(layout.root, "in/page.md", page);
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.stderr).toBe("");
    expect(Object.keys(await snapshotDir(layout.fragmentsDir))).toEqual(["list_widgets.yaml"]);
  });
});
