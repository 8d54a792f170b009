import { Document, parse, Scalar, visit } from "yaml";
import { SpecError } from "./spec-error.js";

/**
 * Parses YAML (or JSON) text, with YAML 1.1 merge keys (`<<: *base`) applied, turning a syntax
 * error into a {@link SpecError} that names the source and the line.
 */
export function parseYaml(text: string, sourceLabel: string): unknown {
  try {
    return parse(text, { merge: true, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecError(`${sourceLabel}: YAML does not parse: ${reason}`);
  }
}

const FORMAT = {
  aliasDuplicateObjects: false,
  indent: 2,
  indentSeq: true,
  lineWidth: 80,
  minContentWidth: 20,
  singleQuote: true,
} as const;

/**
 * YAML text for parsed data, with fixed formatting so equal data always gives equal text, and
 * lossless: parsing it gives `data` back. Multi-line strings are block scalars, except those
 * whose whitespace a block scalar cannot hold (a whitespace-only or indented first line, a tab,
 * spaces before a line break), which are double-quoted.
 */
export function toYamlText(data: unknown): string {
  const doc = new Document(data, FORMAT);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === "string" && blockUnsafe(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // Folded double-quoted lines lose escaped whitespace in yaml 2.x: keep each on one line.
  return doc.toString({ ...FORMAT, doubleQuotedAsJSON: true });
}

function blockUnsafe(text: string): boolean {
  return text.includes("\n") && /^[ \t]|[ \t]\n|\t|\n[ \t]*$|\n[ \t]+\n/.test(text);
}
