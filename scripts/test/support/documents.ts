import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { stringify } from "yaml";

/** An operation for {@link openapiText}: `[method, path, operationId]` and optional extra fields. */
export type OperationSpec = [string, string, string, Record<string, unknown>?];

/**
 * The YAML text of an OpenAPI document holding the given operations (each answering 200 with
 * an empty object unless its extra fields say otherwise) and `components`.
 */
export function openapiText(
  operations: OperationSpec[],
  components?: Record<string, unknown>,
  openapi = "3.0.3",
): string {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, operationId, extra = {}] of operations) {
    paths[path] ??= {};
    paths[path][method] = {
      operationId,
      responses: { "200": { description: "OK." } },
      ...extra,
    };
  }
  return stringify({
    openapi,
    info: { title: "Thredfi Accounting Platform API", version: "1.0.0" },
    paths,
    ...(components === undefined ? {} : { components }),
  });
}

/** Writes `text` to `dir/name`, creating directories; returns the path. */
export async function writeText(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  return path;
}
