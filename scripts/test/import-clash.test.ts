import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { openapiText, writeText } from "./support/documents.js";
import { runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

const usesWidget = (method: string, path: string, id: string) =>
  [
    method,
    path,
    id,
    {
      ...(path.includes("{id}")
        ? { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] }
        : {}),
      responses: {
        "200": {
          description: "OK.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Widget" } } },
        },
      },
    },
  ] as [string, string, string, Record<string, unknown>];

describe("spec:import checks the fragments still merge", () => {
  it("refuses a component that clashes with another fragment's, naming both files, writing nothing", async () => {
    const layout = await tempRepo();
    await writeText(
      layout.fragmentsDir,
      "list_widgets.yaml",
      openapiText([usesWidget("get", "/v1/widgets/", "list_widgets")], {
        schemas: { Widget: { type: "object", properties: { id: { type: "string" } } } },
      }),
    );
    await generate(layout);
    const input = await writeText(
      layout.root,
      "in/get-widget.yaml",
      openapiText([usesWidget("get", "/v1/widgets/{id}/", "get_widget")], {
        schemas: { Widget: { type: "object", properties: { id: { type: "integer" } } } },
      }),
    );
    const before = await snapshotDir(layout.root);
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("components.schemas.Widget");
    expect(run.stderr).toContain("list_widgets.yaml");
    expect(run.stderr).toContain("get_widget.yaml");
    expect(await snapshotDir(layout.root)).toEqual(before);
  });
});
