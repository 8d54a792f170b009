import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

/**
 * Writes a multi-file OpenAPI 3.0 spec shaped like DigitalOcean's public one into `dir`: a root
 * `api.yaml` whose paths `$ref` one file per operation under `resources/<name>/`, which in turn
 * `$ref` models (`resources/<name>/models/*.yml`), shared responses, parameters and error
 * schemas (`shared/`). `resources` resources of five operations each; returns the root file.
 */
export async function writeMultiFileSpec(dir: string, resources: number): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  const files = new Map<string, unknown>();
  const paths: Record<string, Record<string, unknown>> = {};
  files.set("shared/parameters.yml", sharedParameters());
  files.set("shared/responses.yml", sharedResponses());
  files.set("shared/models/error.yml", errorModel());
  files.set("shared/models/meta.yml", metaModel());
  for (let index = 0; index < resources; index++) {
    const name = `resource_${String(index).padStart(3, "0")}`;
    const base = `resources/${name}`;
    files.set(`${base}/models/${name}.yml`, itemModel(name, index));
    files.set(`${base}/models/${name}_create.yml`, createModel(name));
    const collection = `/v2/${name.replace("_", "-")}s`;
    const item = `${collection}/{${name}_id}`;
    const ops: [string, string, string, unknown][] = [
      [collection, "get", `${name}s_list`, listOperation(name)],
      [collection, "post", `${name}s_create`, createOperation(name)],
      [item, "get", `${name}s_get`, getOperation(name)],
      [item, "put", `${name}s_update`, updateOperation(name)],
      [item, "delete", `${name}s_delete`, deleteOperation(name)],
    ];
    for (const [path, method, operationId, operation] of ops) {
      const file = `${base}/${operationId}.yml`;
      files.set(file, { operationId, ...(operation as object) });
      paths[path] ??= {};
      (paths[path] as Record<string, unknown>)[method] = { $ref: file };
    }
  }
  files.set("api.yaml", {
    openapi: "3.0.0",
    info: { title: "Synthetic multi-file API", version: "2.0" },
    servers: [{ url: "https://api.example.com" }],
    security: [{ bearer_auth: [] }],
    paths,
    components: {
      securitySchemes: { bearer_auth: { type: "http", scheme: "bearer" } },
    },
  });
  await Promise.all(
    [...files].map(async ([file, data]) => {
      const path = join(dir, file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, stringify(data, { aliasDuplicateObjects: false }));
    }),
  );
  return join(dir, "api.yaml");
}

/** A `$ref` from a file `depth` folders below the root to `file` (relative to the root). */
const up = (depth: number, file: string) => ({ $ref: `${"../".repeat(depth)}${file}` });

function sharedParameters(): unknown {
  return {
    per_page: {
      in: "query",
      name: "per_page",
      description: "Number of items returned per page.",
      schema: { type: "integer", minimum: 1, maximum: 200, default: 20 },
    },
    page: {
      in: "query",
      name: "page",
      description: "Which page to return.",
      schema: { type: "integer", minimum: 1, default: 1 },
    },
  };
}

function sharedResponses(): unknown {
  const error = { "application/json": { schema: { $ref: "models/error.yml" } } };
  const headers = {
    "ratelimit-limit": { description: "Requests allowed per hour.", schema: { type: "integer" } },
    "ratelimit-remaining": { description: "Requests left.", schema: { type: "integer" } },
  };
  return {
    unauthorized: { description: "Unauthorized.", headers, content: error },
    not_found: { description: "Not found.", headers, content: error },
    too_many_requests: { description: "Too many requests.", headers, content: error },
    server_error: { description: "Server error.", headers, content: error },
    no_content: { description: "No content.", headers },
  };
}

function errorModel(): unknown {
  return {
    type: "object",
    required: ["id", "message"],
    properties: {
      id: { type: "string", description: "A short identifier of the error.", example: "not_found" },
      message: { type: "string", description: "A message for humans." },
      request_id: { type: "string", description: "The request's identifier." },
    },
  };
}

function metaModel(): unknown {
  return {
    type: "object",
    properties: {
      total: { type: "integer", description: "Number of objects in all pages." },
      links: {
        type: "object",
        properties: {
          pages: {
            type: "object",
            properties: { next: { type: "string", format: "uri" }, last: { type: "string" } },
          },
        },
      },
    },
  };
}

function itemModel(name: string, index: number): unknown {
  const properties: Record<string, unknown> = {
    id: { type: "string", format: "uuid", readOnly: true, example: "5f1b…" },
    name: { type: "string", maxLength: 255, description: `The ${name}'s name.` },
    status: { type: "string", enum: ["new", "active", "off", "archive"] },
    created_at: { type: "string", format: "date-time", readOnly: true },
    tags: { type: "array", items: { type: "string" }, nullable: true },
    region: { type: "string", example: "nyc3" },
  };
  for (let field = 0; field < 12; field++) {
    properties[`attribute_${field}`] =
      field % 3 === 0
        ? { type: "integer", minimum: 0, description: `Attribute ${field} of ${name}.` }
        : field % 3 === 1
          ? { type: "boolean", description: `Whether ${name} has feature ${field}.` }
          : { type: "object", properties: { value: { type: "string" }, unit: { type: "string" } } };
  }
  if (index > 0) properties.parent = up(3, "shared/models/meta.yml");
  return { type: "object", required: ["id", "name"], properties };
}

function createModel(name: string): unknown {
  return {
    type: "object",
    required: ["name"],
    properties: {
      name: { type: "string", maxLength: 255 },
      region: { type: "string" },
      tags: { type: "array", items: { type: "string" } },
    },
    description: `What it takes to create a ${name}.`,
  };
}

const json = (schema: unknown) => ({ "application/json": { schema } });
const errors = {
  "401": up(2, "shared/responses.yml#/unauthorized"),
  "404": up(2, "shared/responses.yml#/not_found"),
  "429": up(2, "shared/responses.yml#/too_many_requests"),
  "500": up(2, "shared/responses.yml#/server_error"),
};
const idParameter = (name: string) => ({
  in: "path",
  name: `${name}_id`,
  required: true,
  schema: { type: "string", format: "uuid" },
});

function listOperation(name: string): unknown {
  return {
    summary: `List all ${name}s`,
    description: `Lists every ${name} of the account, a page at a time.`,
    tags: [name],
    parameters: [up(2, "shared/parameters.yml#/per_page"), up(2, "shared/parameters.yml#/page")],
    responses: {
      "200": {
        description: "A page of them.",
        content: json({
          type: "object",
          properties: {
            items: { type: "array", items: { $ref: `models/${name}.yml` } },
            meta: up(2, "shared/models/meta.yml"),
          },
        }),
      },
      ...errors,
    },
  };
}

function createOperation(name: string): unknown {
  return {
    summary: `Create a ${name}`,
    tags: [name],
    requestBody: { required: true, content: json({ $ref: `models/${name}_create.yml` }) },
    responses: {
      "201": { description: "Created.", content: json({ $ref: `models/${name}.yml` }) },
      ...errors,
    },
  };
}

function getOperation(name: string): unknown {
  return {
    summary: `Retrieve a ${name}`,
    tags: [name],
    parameters: [idParameter(name)],
    responses: {
      "200": { description: "The object.", content: json({ $ref: `models/${name}.yml` }) },
      ...errors,
    },
  };
}

function updateOperation(name: string): unknown {
  return {
    summary: `Update a ${name}`,
    tags: [name],
    parameters: [idParameter(name)],
    requestBody: { required: true, content: json({ $ref: `models/${name}_create.yml` }) },
    responses: {
      "200": { description: "Updated.", content: json({ $ref: `models/${name}.yml` }) },
      ...errors,
    },
  };
}

function deleteOperation(name: string): unknown {
  return {
    summary: `Delete a ${name}`,
    tags: [name],
    parameters: [idParameter(name)],
    responses: { "204": up(2, "shared/responses.yml#/no_content"), ...errors },
  };
}
