import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { openapiText, writeText } from "./support/documents.js";
import { runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

const nullableName = (openapi: string) =>
  openapiText(
    [
      [
        "get",
        "/v1/widgets/",
        "list_widgets",
        {
          responses: {
            "200": {
              description: "OK.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Widget" } } },
            },
          },
        },
      ],
    ],
    {
      schemas: {
        Widget: {
          type: "object",
          required: ["name"],
          properties: { name: { type: ["string", "null"] } },
        },
      },
    },
    openapi,
  );

describe("OpenAPI 3.1", () => {
  it("is imported and generated end to end", async () => {
    const layout = await tempRepo();
    const input = await writeText(layout.root, "in/widgets.yaml", nullableName("3.1.0"));
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.stderr).toBe("");
    await generate(layout);
    const types = await readFile(layout.typesPath, "utf8");
    expect(types).toMatch(/name: string \| null;/);
    expect(await readFile(layout.bundlePath, "utf8")).toContain("openapi: 3.1.0");
  });

  it("is refused at import into fragments of 3.0, naming both versions, writing nothing", async () => {
    const layout = await tempRepo();
    await writeText(
      layout.fragmentsDir,
      "get_thing.yaml",
      openapiText([["get", "/v1/things/", "get_thing"]]),
    );
    const input = await writeText(layout.root, "in/widgets.yaml", nullableName("3.1.0"));
    const before = await snapshotDir(layout.root);
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("3.0.3 vs 3.1.0");
    expect(await snapshotDir(layout.root)).toEqual(before);
  });

  it("refuses a version openapi-typescript does not generate for at import, writing nothing", async () => {
    const layout = await tempRepo();
    const input = await writeText(layout.root, "in/widgets.yaml", nullableName("3.2.0"));
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("openapi 3.2.0 is not supported");
    expect(await snapshotDir(layout.fragmentsDir)).toEqual({});
  });
});
