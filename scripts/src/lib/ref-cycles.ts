import { isRecord, type OpenApiDocument } from "./openapi-document.js";
import { SpecError } from "./spec-error.js";

/**
 * Throws a {@link SpecError} naming the chain when a `$ref` leads, through objects that are
 * nothing but a `$ref`, back to itself (`A: {$ref: B}`, `B: {$ref: A}`): such a schema has no
 * content for any tool to read. Cycles through real schemas (a tree's `children`) are fine.
 */
export function requireNoPureRefCycle(doc: OpenApiDocument, sourceLabel: string): void {
  const settled = new Set<string>();
  const pending: unknown[] = [doc];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null) continue;
    const ref = (current as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && ref.startsWith("#") && !settled.has(ref)) {
      const chain = followRefs(doc, ref, settled);
      if (chain !== undefined) {
        throw new SpecError(
          `${sourceLabel}: $ref cycle with no schema in it: ${chain.join(" → ")}`,
        );
      }
    }
    for (const child of Object.values(current)) pending.push(child);
  }
}

/** The looping chain starting at `ref`, or undefined (marking every ref passed as settled). */
function followRefs(doc: OpenApiDocument, ref: string, settled: Set<string>): string[] | undefined {
  const chain: string[] = [];
  let next: string | undefined = ref;
  while (next !== undefined && !settled.has(next)) {
    if (chain.includes(next)) return [...chain.slice(chain.indexOf(next)), next];
    chain.push(next);
    const target = resolveLocalPointer(doc, next);
    next =
      isRecord(target) && typeof target.$ref === "string" && target.$ref.startsWith("#")
        ? target.$ref
        : undefined;
  }
  for (const passed of chain) settled.add(passed);
  return undefined;
}

/** The value a local JSON pointer (`#/components/schemas/A`) names in `doc`, if any. */
export function resolveLocalPointer(doc: OpenApiDocument, ref: string): unknown {
  if (ref === "#") return doc;
  if (!ref.startsWith("#/")) return undefined;
  let current: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const part = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    current =
      isRecord(current) || Array.isArray(current)
        ? (current as Record<string, unknown>)[part]
        : undefined;
  }
  return current;
}
