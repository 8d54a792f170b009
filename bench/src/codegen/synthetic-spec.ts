import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";

/**
 * Writes `operations` synthetic operations into `fragmentsDir` as Thredfi publishes them: one
 * OpenAPI 3.0.3 document per operation, each repeating the schemas it uses. Operations come in
 * resources of four (list, create, get, update) under `/v1/platform/businesses/{business_id}/`.
 */
export async function writeSyntheticFragments(
  fragmentsDir: string,
  operations: number,
): Promise<void> {
  await rm(fragmentsDir, { recursive: true, force: true });
  await mkdir(fragmentsDir, { recursive: true });
  const files: Array<Promise<void>> = [];
  for (let index = 0; index < operations; index++) {
    const name = `synthetic_${String(index).padStart(5, "0")}.yaml`;
    files.push(writeFile(join(fragmentsDir, name), stringify(syntheticFragment(index))));
  }
  await Promise.all(files);
}

/** Path and method of the synthetic operation `index`, for consumers of the generated types. */
export function syntheticOperation(index: number): { path: string; method: string } {
  const resource = Math.floor(index / 4);
  const collection = `/v1/platform/businesses/{business_id}/resource-${resource}/`;
  switch (index % 4) {
    case 0:
      return { path: collection, method: "get" };
    case 1:
      return { path: collection, method: "post" };
    case 2:
      return { path: `${collection}{item_id}/`, method: "get" };
    default:
      return { path: `${collection}{item_id}/`, method: "patch" };
  }
}

function syntheticFragment(index: number): Record<string, unknown> {
  const resource = Math.floor(index / 4);
  const { path, method } = syntheticOperation(index);
  const item = `Resource${resource}`;
  const input = `Resource${resource}Input`;
  const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });
  const json = (schema: unknown) => ({ "application/json": { schema } });
  const pathParameters = [
    { in: "path", name: "business_id", required: true, schema: { type: "string", format: "uuid" } },
    ...(path.includes("{item_id}")
      ? [{ in: "path", name: "item_id", required: true, schema: { type: "string" } }]
      : []),
  ];
  const listParameters = [
    { in: "query", name: "page", schema: { type: "integer", minimum: 1, default: 1 } },
    { in: "query", name: "page_size", schema: { type: "integer", minimum: 1, maximum: 100 } },
  ];
  const operation = {
    tags: [`Resource ${resource}`],
    summary: `${method.toUpperCase()} resource ${resource}`,
    operationId: `synthetic_${method}_${index}`,
    parameters:
      method === "get" && index % 4 === 0 ? [...pathParameters, ...listParameters] : pathParameters,
    ...(method === "post" || method === "patch"
      ? { requestBody: { required: true, content: json(ref(input)) } }
      : {}),
    responses: {
      [method === "post" ? "201" : "200"]: {
        description: "",
        content: json(
          index % 4 === 0
            ? {
                type: "object",
                required: ["count", "results"],
                properties: {
                  count: { type: "integer" },
                  results: { type: "array", items: ref(item) },
                },
              }
            : ref(item),
        ),
      },
      "401": { description: "", content: json(ref("ErrorResponse")) },
    },
  };
  return {
    openapi: "3.0.3",
    info: { title: "Thredfi Accounting Platform API", version: "1.0.0" },
    servers: [],
    security: [],
    paths: { [path]: { [method]: operation } },
    components: {
      schemas: {
        [item]: resourceSchema(resource, true),
        ...(method === "post" || method === "patch"
          ? { [input]: resourceSchema(resource, false) }
          : {}),
        ErrorResponse: {
          type: "object",
          required: ["error"],
          properties: {
            error: { type: "string" },
            error_code: { type: "string" },
            details: {
              type: "object",
              additionalProperties: { type: "array", items: { type: "string" } },
            },
          },
        },
      },
    },
  };
}

function resourceSchema(resource: number, withId: boolean): Record<string, unknown> {
  return {
    type: "object",
    required: withId ? ["id", "name", "amount_cents"] : ["name", "amount_cents"],
    properties: {
      ...(withId ? { id: { type: "string", format: "uuid", readOnly: true } } : {}),
      name: { type: "string", maxLength: 255 },
      amount_cents: { type: "integer" },
      currency: { type: "string", minLength: 3, maxLength: 3 },
      status: { type: "string", enum: ["draft", "open", "void"] },
      memo: { type: "string", nullable: true },
      [`field_${resource % 7}`]: { type: "boolean" },
      created_at: { type: "string", format: "date-time", readOnly: true },
    },
  };
}
