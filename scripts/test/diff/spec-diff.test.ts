import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { diffSpecs } from "../../src/diff/spec-diff.js";
import { FIXTURES } from "../support/temp-repo.js";

const spec = (name: string) => parse(readFileSync(join(FIXTURES, "diff", name), "utf8"));
const base = spec("base.yaml");
const CREATE = "create_widget (POST /v1/widgets/)";
const GET = "get_widget (GET /v1/widgets/{widget_id}/)";

describe("diffSpecs", () => {
  it("finds no change, and no bump, between equal specs", () => {
    expect(diffSpecs(base, spec("base.yaml"))).toEqual({
      added: [],
      removed: [],
      changed: [],
      addedComponents: [],
      removedComponents: [],
      bump: undefined,
    });
  });

  describe("major", () => {
    it("a removed operation", () => {
      const diff = diffSpecs(base, spec("removed-operation.yaml"));
      expect(diff.bump).toBe("major");
      expect(diff.removed).toEqual([GET]);
    });

    it("a removed response field", () => {
      const diff = diffSpecs(base, spec("removed-response-field.yaml"));
      expect(diff.bump).toBe("major");
      expect(diff.changed.map((change) => change.operation)).toEqual([CREATE, GET]);
      expect(diff.changed[1]?.details).toContainEqual({
        bump: "major",
        text: "response 200 application/json: field size removed",
      });
    });

    it("a retyped response field", () => {
      const diff = diffSpecs(base, spec("retyped-response-field.yaml"));
      expect(diff.bump).toBe("major");
      expect(diff.changed[1]?.details).toContainEqual({
        bump: "major",
        text: "response 200 application/json.size: type changed",
      });
    });

    it("a new required request field", () => {
      const diff = diffSpecs(base, spec("new-required-request-field.yaml"));
      expect(diff.bump).toBe("major");
      expect(diff.changed).toEqual([
        {
          operation: CREATE,
          bump: "major",
          details: [
            {
              bump: "major",
              text: "request body application/json: field owner_id added (required)",
            },
          ],
        },
      ]);
    });

    it("a renamed schema, whose named type disappears even though no operation changed", () => {
      const diff = diffSpecs(base, spec("renamed-schema.yaml"));
      expect(diff.bump).toBe("major");
      expect(diff.changed).toEqual([]);
      expect(diff.removedComponents).toEqual(["schemas.Widget"]);
      expect(diff.addedComponents).toEqual(["schemas.WidgetView"]);
    });
  });

  describe("minor", () => {
    it("a new operation", () => {
      const diff = diffSpecs(base, spec("new-operation.yaml"));
      expect(diff).toEqual({
        added: ["delete_widget (DELETE /v1/widgets/{widget_id}/)"],
        removed: [],
        changed: [],
        addedComponents: [],
        removedComponents: [],
        bump: "minor",
      });
    });

    it("a new optional request field", () => {
      const diff = diffSpecs(base, spec("new-optional-request-field.yaml"));
      expect(diff.bump).toBe("minor");
      expect(diff.changed[0]?.details).toEqual([
        { bump: "minor", text: "request body application/json: field owner_id added" },
      ]);
    });

    it("a new schema", () => {
      const diff = diffSpecs(base, spec("new-schema.yaml"));
      expect(diff.bump).toBe("minor");
      expect(diff.addedComponents).toEqual(["schemas.WidgetColour"]);
      expect(diff.removedComponents).toEqual([]);
    });

    it("a new response field", () => {
      const diff = diffSpecs(base, spec("new-response-field.yaml"));
      expect(diff.bump).toBe("minor");
      expect(diff.changed.map((change) => change.bump)).toEqual(["minor", "minor"]);
    });
  });

  describe("patch", () => {
    it("a changed description", () => {
      const diff = diffSpecs(base, spec("description-only.yaml"));
      expect(diff.bump).toBe("patch");
      expect(diff.changed).toEqual([
        {
          operation: CREATE,
          bump: "patch",
          details: [
            { bump: "patch", text: "documentation (descriptions, summaries, examples) changed" },
          ],
        },
      ]);
    });

    it("a changed example", () => {
      const diff = diffSpecs(base, spec("example-only.yaml"));
      expect(diff.bump).toBe("patch");
      expect(diff.changed.map((change) => change.operation)).toEqual([CREATE]);
    });
  });

  it("counts a new required parameter shared by a whole path as major for its operations", () => {
    const after = spec("base.yaml");
    after.paths["/v1/widgets/"].parameters = [
      { in: "header", name: "X-Tenant", required: true, schema: { type: "string" } },
    ];
    const diff = diffSpecs(base, after);
    expect(diff.bump).toBe("major");
    expect(diff.changed[0]?.details).toEqual([
      { bump: "major", text: "parameter header X-Tenant added (required)" },
    ]);
  });

  it("takes the highest bump when changes mix", () => {
    const mixed = spec("new-operation.yaml");
    mixed.components.schemas.Widget.properties.size.type = "string";
    expect(diffSpecs(base, mixed).bump).toBe("major");
  });

  it("ends on self-referencing schemas", () => {
    const before = spec("base.yaml");
    before.components.schemas.Widget.properties.parts = {
      type: "array",
      items: { $ref: "#/components/schemas/Widget" },
    };
    const after = structuredClone(before);
    after.components.schemas.Widget.properties.parts.description = "Sub-widgets";
    expect(diffSpecs(before, after).bump).toBe("patch");
  });
});
