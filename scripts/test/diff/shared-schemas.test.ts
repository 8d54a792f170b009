import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../src/diff/spec-diff.js";
import type { OpenApiDocument } from "../../src/lib/openapi-document.js";

const json = (ref: string) => ({ "application/json": { schema: { $ref: ref } } });

function widgetSpec(weightType: string): OpenApiDocument {
  return {
    openapi: "3.0.3",
    info: { title: "T", version: "1" },
    paths: {
      "/v1/widgets/": {
        post: {
          operationId: "create_widget",
          responses: {
            "200": { description: "Updated.", content: json("#/components/schemas/Widget") },
            "201": { description: "Created.", content: json("#/components/schemas/Widget") },
          },
        },
      },
    },
    components: {
      schemas: {
        Widget: { type: "object", properties: { weight: { type: weightType } } },
      },
    },
  };
}

/**
 * A spec of `depth` schemas where each refers to the next one twice: inlined, its operation
 * is 2^depth schemas deep. `leafType` is the type at the bottom.
 */
function diamondSpec(depth: number, leafType: string): OpenApiDocument {
  const schemas: Record<string, unknown> = {};
  for (let level = 0; level < depth; level++) {
    const next = { $ref: `#/components/schemas/Level${level + 1}` };
    schemas[`Level${level}`] = { type: "object", properties: { left: next, right: next } };
  }
  schemas[`Level${depth}`] = { type: leafType, description: `The bottom, ${leafType}.` };
  return {
    openapi: "3.0.3",
    info: { title: "T", version: "1" },
    paths: {
      "/v1/tree/": {
        get: {
          operationId: "get_tree",
          responses: {
            "200": { description: "OK.", content: json("#/components/schemas/Level0") },
          },
        },
      },
    },
    components: { schemas },
  };
}

describe("diffSpecs on shared schemas", () => {
  it("reports a change to a schema shared by two responses under each of them", () => {
    const diff = diffSpecs(widgetSpec("integer"), widgetSpec("string"));
    expect(diff.changed[0]?.details).toEqual([
      { bump: "major", text: "response 200 application/json.weight: type changed" },
      { bump: "major", text: "response 201 application/json.weight: type changed" },
    ]);
  });

  it("compares schemas shared 2^60 times over by reference, not by inlining them", () => {
    const diff = diffSpecs(diamondSpec(60, "integer"), diamondSpec(60, "string"));
    expect(diff.bump).toBe("major");
    expect(diff.changed[0]?.details[0]).toEqual({
      bump: "major",
      text: `response 200 application/json${".left".repeat(60)}: type changed`,
    });
  });

  it("sees a documentation change at the bottom of schemas shared 2^60 times over", () => {
    const before = diamondSpec(60, "integer");
    const after = diamondSpec(60, "integer");
    const schemas = (after.components as { schemas: Record<string, { description?: string }> })
      .schemas;
    (schemas.Level60 as { description?: string }).description = "Reworded.";
    expect(diffSpecs(before, after).changed[0]?.details).toEqual([
      { bump: "patch", text: "documentation (descriptions, summaries, examples) changed" },
    ]);
  });
});
