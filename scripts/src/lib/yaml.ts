import { parse, stringify } from "yaml";
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

/** YAML text for parsed data, with fixed formatting so equal data always gives equal text. */
export function toYamlText(data: unknown): string {
  return stringify(data, {
    aliasDuplicateObjects: false,
    indent: 2,
    indentSeq: true,
    lineWidth: 80,
    minContentWidth: 20,
    singleQuote: true,
  });
}
