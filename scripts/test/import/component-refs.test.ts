import { describe, expect, it } from "vitest";
import { unreachableComponents } from "../../src/import/component-refs.js";

describe("unreachableComponents", () => {
  it("reports components nothing outside components reaches, following refs between components", () => {
    const doc = {
      paths: {
        "/a/": { get: { responses: { "200": { $ref: "#/components/responses/Ok" } } } },
      },
      components: {
        responses: {
          Ok: { content: { "application/json": { schema: { $ref: "#/components/schemas/A" } } } },
        },
        schemas: {
          A: { properties: { b: { $ref: "#/components/schemas/B" } } },
          B: { properties: { a: { $ref: "#/components/schemas/A" } } },
          Orphan: { type: "string" },
        },
        securitySchemes: { Basic: { type: "http", scheme: "basic" } },
      },
    };
    expect(unreachableComponents(doc)).toEqual([["schemas", "Orphan"]]);
  });
});
