import { isRecord, type OpenApiDocument } from "../lib/openapi-document.js";

/**
 * Components of `doc` that nothing outside `components` reaches, directly or through other
 * components, as `[section, name]` pairs. Security schemes are never reported: operations name
 * them without `$ref`.
 */
export function unreachableComponents(doc: OpenApiDocument): [string, string][] {
  const components = isRecord(doc.components) ? doc.components : {};
  const reached = new Set<string>();
  const pending: unknown[] = Object.entries(doc)
    .filter(([key]) => key !== "components")
    .map(([, value]) => value);
  while (pending.length > 0) {
    const current = pending.pop();
    if (Array.isArray(current)) {
      pending.push(...current);
      continue;
    }
    if (!isRecord(current)) continue;
    const target = typeof current.$ref === "string" ? componentOf(current.$ref) : undefined;
    if (target !== undefined && !reached.has(target.join("/"))) {
      reached.add(target.join("/"));
      const section = components[target[0]];
      if (isRecord(section)) pending.push(section[target[1]]);
    }
    for (const child of Object.values(current)) {
      if (typeof child === "object" && child !== null) pending.push(child);
    }
  }
  const unreachable: [string, string][] = [];
  for (const [section, entries] of Object.entries(components)) {
    if (section === "securitySchemes" || !isRecord(entries)) continue;
    for (const name of Object.keys(entries)) {
      if (!reached.has(`${section}/${name}`)) unreachable.push([section, name]);
    }
  }
  return unreachable;
}

function componentOf(ref: string): [string, string] | undefined {
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  if (match === null) return undefined;
  const decodePart = (part: string) =>
    decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
  return [decodePart(match[1] ?? ""), decodePart(match[2] ?? "")];
}
