import { beforeAll, describe, expect, it } from "vitest";
import { renderTypes } from "../../src/bundle/render.js";
import { type Bump, diffSpecs } from "../../src/diff/spec-diff.js";
import type { OpenApiDocument } from "../../src/lib/openapi-document.js";
import { typeErrors } from "../support/type-check.js";

type Schema = Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };

/** One widget endpoint: what a caller sends (WidgetCreate) and receives (Widget). */
function baseSpec(): OpenApiDocument {
  return {
    openapi: "3.0.3",
    info: { title: "T", version: "1" },
    paths: {
      "/v1/widgets/": {
        post: {
          operationId: "create_widget",
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/WidgetCreate" } },
            },
          },
          responses: {
            "201": {
              description: "Created.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Widget" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        WidgetCreate: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", maxLength: 100, minLength: 1 },
            colour: { type: "string" },
            size: { type: "string", enum: ["s", "m"] },
            count: { type: "integer", maximum: 10 },
          },
        },
        Widget: {
          type: "object",
          required: ["id"],
          properties: {
            id: { type: "string", maxLength: 40 },
            status: { type: "string", enum: ["active", "archived"] },
            colour: { type: "string" },
          },
        },
      },
    },
  };
}

const request = (doc: OpenApiDocument) =>
  (doc.components as { schemas: Record<string, Schema> }).schemas.WidgetCreate as Schema;
const response = (doc: OpenApiDocument) =>
  (doc.components as { schemas: Record<string, Schema> }).schemas.Widget as Schema;

/** Code written against the base types, each line using what one change touches. */
const CONSUMER = `import type { components, operations } from "./openapi";
type WidgetCreate = components["schemas"]["WidgetCreate"];
declare const widget: components["schemas"]["Widget"];
declare const anyText: string;
export const created: operations["create_widget"]["responses"][201]["content"]["application/json"]["id"] = "w1";
export const body: WidgetCreate = { name: "n", colour: anyText, size: "s", count: 3 };
export const status: "active" | "archived" | undefined = widget.status;
export const colour: string | undefined = widget.colour;
`;

interface Case {
  change: string;
  apply: (doc: OpenApiDocument) => void;
  bump: Bump;
  /** The type checker's verdict on CONSUMER: does the change break code written before? */
  breaksCompile: boolean;
}

const CASES: Case[] = [
  {
    change: "an operationId rename",
    apply: (doc) => {
      const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
      (paths["/v1/widgets/"]?.post as Record<string, unknown>).operationId = "add_widget";
    },
    bump: "major",
    breaksCompile: true,
  },
  {
    change: "a request field that gains an enum",
    apply: (doc) => {
      request(doc).properties.colour = { type: "string", enum: ["red", "blue"] };
    },
    bump: "major",
    breaksCompile: true,
  },
  {
    change: "a request field that loses enum values",
    apply: (doc) => {
      request(doc).properties.size = { type: "string", enum: ["m"] };
    },
    bump: "major",
    breaksCompile: true,
  },
  {
    change: "a response field that gains enum values",
    apply: (doc) => {
      response(doc).properties.status = { type: "string", enum: ["active", "archived", "gone"] };
    },
    bump: "major",
    breaksCompile: true,
  },
  {
    change: "a response field that loses its enum",
    apply: (doc) => {
      response(doc).properties.status = { type: "string" };
    },
    bump: "major",
    breaksCompile: true,
  },
  {
    change: "a response field made nullable",
    apply: (doc) => {
      response(doc).properties.colour = { type: "string", nullable: true };
    },
    bump: "major",
    breaksCompile: true,
  },
  {
    change: "a tightened request maxLength",
    apply: (doc) => {
      request(doc).properties.name = { type: "string", maxLength: 50, minLength: 1 };
    },
    bump: "major",
    breaksCompile: false,
  },
  {
    change: "a raised request minLength",
    apply: (doc) => {
      request(doc).properties.name = { type: "string", maxLength: 100, minLength: 3 };
    },
    bump: "major",
    breaksCompile: false,
  },
  {
    change: "a request pattern added",
    apply: (doc) => {
      request(doc).properties.colour = { type: "string", pattern: "^[a-z]+$" };
    },
    bump: "major",
    breaksCompile: false,
  },
  {
    change: "a lowered request maximum",
    apply: (doc) => {
      request(doc).properties.count = { type: "integer", maximum: 5 };
    },
    bump: "major",
    breaksCompile: false,
  },
  {
    change: "a request field that gains enum values",
    apply: (doc) => {
      request(doc).properties.size = { type: "string", enum: ["s", "m", "l"] };
    },
    bump: "minor",
    breaksCompile: false,
  },
  {
    change: "a response field narrowed to an enum",
    apply: (doc) => {
      response(doc).properties.colour = { type: "string", enum: ["red", "blue"] };
    },
    bump: "minor",
    breaksCompile: false,
  },
  {
    change: "a loosened request maxLength",
    apply: (doc) => {
      request(doc).properties.name = { type: "string", maxLength: 200, minLength: 1 };
    },
    bump: "patch",
    breaksCompile: false,
  },
  {
    change: "a tightened response maxLength",
    apply: (doc) => {
      response(doc).properties.id = { type: "string", maxLength: 20 };
    },
    bump: "patch",
    breaksCompile: false,
  },
];

describe("the bump of a change, checked against code written for the old types", () => {
  let baseTypes: string;
  beforeAll(async () => {
    baseTypes = await renderTypes(baseSpec());
  });

  it("starts from a consumer that compiles against the old types", () => {
    expect(typeErrors({ "openapi.ts": baseTypes, "consumer.ts": CONSUMER })).toEqual([]);
  });

  const table = CASES.map((c) => [c.change, c.bump, c] as const);
  it.each(table)("%s is %s", async (_change, bump, { apply, breaksCompile }) => {
    const next = baseSpec();
    apply(next);
    expect(diffSpecs(baseSpec(), next).bump).toBe(bump);
    const errors = typeErrors({ "openapi.ts": await renderTypes(next), "consumer.ts": CONSUMER });
    expect(errors.some((error) => error.startsWith("consumer.ts:"))).toBe(breaksCompile);
  });
});
