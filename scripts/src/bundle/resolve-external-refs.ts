import { BaseResolver, bundle, Source } from "@redocly/openapi-core";
import { isRecord, type OpenApiDocument } from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";
import { remoteRefMessage, silentRedoclyConfig } from "./redocly-config.js";

/**
 * Resolves every `$ref` into another file (relative to `absolutePath`) so that the returned
 * document is self-contained: referenced schemas, parameters, responses… become named
 * components (named after the file or pointer) and the references point at them. A document
 * without such references is returned as is.
 */
export async function resolveExternalRefs(
  doc: OpenApiDocument,
  absolutePath: string,
  sourceLabel: string,
): Promise<OpenApiDocument> {
  const remote = findRemoteRef(doc);
  if (remote !== undefined) {
    throw new SpecError(`${sourceLabel}: ${remoteRefMessage(remote.ref)} (at ${remote.pointer})`);
  }
  if (!hasExternalRefs(doc)) return doc;
  const config = await silentRedoclyConfig();
  const result = await bundle({
    config,
    dereference: false,
    doc: { source: new Source(absolutePath, ""), parsed: doc },
    externalRefResolver: new BaseResolver(config.resolve),
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecError(`${sourceLabel}: cannot resolve $ref: ${reason}`);
  });
  const failures = result.problems.filter((problem) => problem.severity === "error");
  if (failures.length > 0) {
    const reasons = failures.map((problem) => {
      const pointer = problem.location[0]?.pointer;
      return pointer ? `${problem.message} at ${pointer}` : problem.message;
    });
    throw new SpecError(`${sourceLabel}: cannot resolve $ref:\n  ${reasons.join("\n  ")}`);
  }
  return result.bundle.parsed as OpenApiDocument;
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
