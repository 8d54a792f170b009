import { isRecord, type OpenApiDocument } from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";
import { remoteRefMessage } from "./redocly-config.js";

/** Refuses, naming it and where it is, a `$ref` to a remote document: nothing is fetched. */
export function requireLocalRefs(doc: OpenApiDocument, sourceLabel: string): void {
  const remote = findRemoteRef(doc);
  if (remote !== undefined) {
    throw new SpecError(`${sourceLabel}: ${remoteRefMessage(remote.ref)} (at ${remote.pointer})`);
  }
}

/** True when some `$ref` in `value` points outside its own document. */
export function hasExternalRefs(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (Array.isArray(current)) {
      pending.push(...current);
    } else if (isRecord(current)) {
      const ref = current.$ref;
      if (typeof ref === "string" && !ref.startsWith("#")) return true;
      for (const child of Object.values(current)) {
        if (typeof child === "object" && child !== null) pending.push(child);
      }
    }
  }
  return false;
}

/** The first `$ref` in `doc` to an `http(s)://` or `//host` URL, with its JSON pointer. */
function findRemoteRef(doc: unknown): { ref: string; pointer: string } | undefined {
  const pending: [unknown, string][] = [[doc, "#"]];
  while (pending.length > 0) {
    const [current, pointer] = pending.pop() as [unknown, string];
    if (typeof current !== "object" || current === null) continue;
    const ref = (current as { $ref?: unknown }).$ref;
    if (
      typeof ref === "string" &&
      /^([a-z][a-z0-9+.-]*:)?\/\//i.test(ref) &&
      !/^file:/i.test(ref)
    ) {
      return { ref, pointer };
    }
    for (const [key, child] of Object.entries(current)) {
      pending.push([child, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`]);
    }
  }
  return undefined;
}
