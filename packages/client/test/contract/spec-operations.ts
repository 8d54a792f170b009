import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";

/** The bundled spec the SDK is generated from, as `@thredfi/mock` ships and serves it. */
export const THREDFI_SPEC_PATH = createRequire(import.meta.url).resolve(
  "@thredfi/mock/thredfi.yaml",
);

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of the spec, as the contract suite needs it. */
export interface SpecOperation {
  operationId: string;
  /** Upper case, as on the wire. */
  method: string;
  /** Path template, e.g. `/v1/platform/businesses/{business_id}/`. */
  path: string;
  /** Documented 2xx statuses. */
  successStatuses: number[];
  /** Documented 4xx/5xx statuses. */
  errorStatuses: number[];
}

type OpenApiDocument = {
  paths?: Record<string, Record<string, { operationId?: string; responses?: object }>>;
};

/** Every operation of the spec at `specPath`, in document order. */
export function specOperations(specPath = THREDFI_SPEC_PATH): SpecOperation[] {
  const document = parse(readFileSync(specPath, "utf8")) as OpenApiDocument;
  const operations: SpecOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths ?? {})) {
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (operation === undefined) continue;
      const statuses = Object.keys(operation.responses ?? {})
        .filter((status) => /^\d{3}$/.test(status))
        .map(Number);
      operations.push({
        operationId: operation.operationId ?? `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        successStatuses: statuses.filter((status) => status < 300),
        errorStatuses: statuses.filter((status) => status >= 400),
      });
    }
  }
  return operations;
}

/** Whether a request path is an instance of a spec path template. */
export function matchesPathTemplate(template: string, pathname: string): boolean {
  const pattern = template
    .split(/\{[^}]+\}/)
    .map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
    .join("[^/]+");
  return new RegExp(`^${pattern}$`).test(pathname);
}
