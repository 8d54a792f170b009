import jsYaml, { CORE_SCHEMA, dump, load, type Type } from "js-yaml";
import { Document, parse, Scalar, visit } from "yaml";
import { SpecError } from "./spec-error.js";

/**
 * Parses YAML (or JSON) text, with YAML 1.1 merge keys (`<<: *base`) applied, turning a syntax
 * error into a {@link SpecError} that names the source and the line.
 *
 * js-yaml's YAML 1.2 core schema reads it first, several times faster on a large spec. Text
 * with aliases (js-yaml shares the aliased node; yaml bounds how many, against expansion bombs)
 * or that js-yaml refuses goes through yaml, whose messages name the problem.
 */
export function parseYaml(text: string, sourceLabel: string): unknown {
  try {
    const fast = load(text, { schema: FAST_SCHEMA });
    if (!hasSharedNodes(fast)) return fast;
  } catch {
    // yaml parses it, or says why not, below.
  }
  try {
    return parse(text, { merge: true, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecError(`${sourceLabel}: YAML does not parse: ${reason}`);
  }
}

/** True when one object or array appears twice in `value`: what an alias parses to. */
function hasSharedNodes(value: unknown): boolean {
  const seen = new Set<object>();
  const pending = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null) continue;
    if (seen.has(current)) return true;
    seen.add(current);
    for (const child of Object.values(current)) pending.push(child);
  }
  return false;
}

/** YAML 1.2 core (no timestamps: dates stay strings, as with yaml) with merge keys. */
const FAST_SCHEMA = CORE_SCHEMA.extend([
  (jsYaml as unknown as { types: { merge: Type } }).types.merge,
]);

/**
 * YAML text for parsed data, with fixed formatting so equal data always gives equal text, and
 * lossless: parsing it gives `data` back. js-yaml writes it (several times faster than yaml's
 * writer on a large bundle); data holding a multi-line string whose whitespace neither writer
 * keeps in a block scalar (a whitespace-only or indented first line, a tab, spaces before a
 * line break) is written by yaml with those strings double-quoted.
 */
export function toYamlText(data: unknown): string {
  if (!someString(data, blockUnsafe)) {
    return dump(data, { indent: 2, lineWidth: 80, noRefs: true, quotingType: "'" });
  }
  const doc = new Document(data, FORMAT);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && blockUnsafe(node.value)) {
        node.type = Scalar.QUOTE_DOUBLE;
      }
    },
  });
  // Folded double-quoted lines lose escaped whitespace in yaml 2.x: keep each on one line.
  return doc.toString({ ...FORMAT, doubleQuotedAsJSON: true });
}

const FORMAT = {
  aliasDuplicateObjects: false,
  indent: 2,
  indentSeq: true,
  lineWidth: 80,
  minContentWidth: 20,
  singleQuote: true,
} as const;

function blockUnsafe(text: string): boolean {
  return text.includes("\n") && /^[ \t]|[ \t]\n|\t|\n[ \t]*$|\n[ \t]+\n/.test(text);
}

/** True when a string anywhere in `value` (keys included) passes `test`. */
function someString(value: unknown, test: (text: string) => boolean): boolean {
  const pending = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === "string") {
      if (test(current)) return true;
    } else if (typeof current === "object" && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        if (test(key)) return true;
        pending.push(child);
      }
    }
  }
  return false;
}
