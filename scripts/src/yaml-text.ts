import { stringify } from "yaml";

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
