import { isRecord, listOperations } from "../lib/openapi-document.js";
import type { Fragment } from "./merge-fragments.js";

/**
 * Finds the fragment that defines what a bundle pointer (`#/paths/~1x~1/get/…`,
 * `#/components/schemas/X/…`) points into.
 */
export function fragmentLocator(
  fragments: readonly Fragment[],
): (pointer: string) => string | undefined {
  const owners = new Map<string, string>();
  for (const { file, doc } of fragments) {
    for (const op of listOperations(doc)) {
      const key = `#/paths/${escapePointer(op.path)}/${op.method}`;
      if (!owners.has(key)) owners.set(key, file);
    }
    const components = isRecord(doc.components) ? doc.components : {};
    for (const [section, entries] of Object.entries(components)) {
      for (const name of Object.keys(isRecord(entries) ? entries : {})) {
        const key = `#/components/${section}/${escapePointer(name)}`;
        if (!owners.has(key)) owners.set(key, file);
      }
    }
  }
  return (pointer) => owners.get(pointer.split("/").slice(0, 4).join("/"));
}

function escapePointer(part: string): string {
  return part.replace(/~/g, "~0").replace(/\//g, "~1");
}
