/** A parsed OpenAPI document or fragment: plain YAML/JSON data. */
export type OpenApiDocument = Record<string, unknown>;

/** The HTTP methods an OpenAPI 3 path item may hold, in the specification's order. */
export const HTTP_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
] as const;

/** One of {@link HTTP_METHODS}. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation of a document, located by path and method. */
export interface OperationRef {
  path: string;
  method: HttpMethod;
  operation: Record<string, unknown>;
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when `key` names an HTTP method of a path item. */
export function isHttpMethod(key: string): key is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(key);
}

/** Every operation of `doc`, in document order. */
export function listOperations(doc: OpenApiDocument): OperationRef[] {
  const operations: OperationRef[] = [];
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isRecord(pathItem)) continue;
    for (const [method, operation] of Object.entries(pathItem)) {
      if (isHttpMethod(method) && isRecord(operation)) operations.push({ path, method, operation });
    }
  }
  return operations;
}

/** `POST /v1/thing/` style label of an operation, for messages. */
export function operationLabel(ref: { path: string; method: string }): string {
  return `${ref.method.toUpperCase()} ${ref.path}`;
}
