import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { openapiText, writeText } from "./support/documents.js";
import { runCommandLine, snapshotDir, tempRepo } from "./support/temp-repo.js";

describe("validation of real-world specs", () => {
  it("accepts `nullable` without `type`, as Stripe's spec has it, and warns", async () => {
    const layout = await tempRepo();
    const page = openapiText(
      [
        [
          "get",
          "/v1/charges/",
          "list_charges",
          {
            responses: {
              "200": {
                description: "OK.",
                content: {
                  "application/json": { schema: { $ref: "#/components/schemas/Charge" } },
                },
              },
            },
          },
        ],
      ],
      {
        schemas: {
          Charge: {
            type: "object",
            properties: {
              metadata: { nullable: true, description: "Free-form." },
              source: { anyOf: [{ type: "string" }], nullable: true },
            },
          },
        },
      },
    );
    const input = await writeText(layout.root, "in/charges.yaml", page);
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.stderr).not.toContain("error");
    expect(run.stderr).toMatch(/^warning: charges\.yaml: .*`nullable`/m);
    expect(run.status).toBe(0);
    await generate(layout);
    expect(await readFile(layout.typesPath, "utf8")).toContain("list_charges");
  });

  it("imports and generates an operationId with a slash, as GitHub's spec has them", async () => {
    const layout = await tempRepo();
    const page = openapiText([
      ["get", "/admin/hooks", "enterprise-admin/list-global-webhooks"],
      ["get", "/admin/keys", "enterprise-admin/list-public-keys"],
    ]);
    const one = openapiText([["get", "/admin/hooks", "enterprise-admin/list-global-webhooks"]]);
    const input = await writeText(layout.root, "in/hooks.yaml", one);
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const fragments = Object.keys(await snapshotDir(layout.fragmentsDir));
    expect(fragments).toHaveLength(1);
    expect(fragments[0]).not.toContain("/");
    await writeText(layout.root, "in/enterprise-admin.yaml", page);
    const second = await runCommandLine("import", ["in/enterprise-admin.yaml"], {
      root: layout.root,
    });
    expect(second.stderr).toBe("");
    await generate(layout);
    const types = await readFile(layout.typesPath, "utf8");
    expect(types).toContain('"enterprise-admin/list-global-webhooks"');
    expect(types).toContain('"enterprise-admin/list-public-keys"');
  });

  it("keeps the file of an operationId that would climb out of the fragments folder inside it", async () => {
    const layout = await tempRepo();
    const input = await writeText(
      layout.root,
      "in/page.yaml",
      openapiText([["get", "/x", "../../escape"]]),
    );
    const run = await runCommandLine("import", [input], { root: layout.root });
    expect(run.status).toBe(0);
    expect(Object.keys(await snapshotDir(layout.root)).sort()).toEqual([
      "in/page.yaml",
      "specs/fragments/escape.yaml",
    ]);
  });
});
