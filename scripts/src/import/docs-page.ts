import { SpecError } from "../lib/spec-error.js";

/** The OpenAPI document a Thredfi docs page embeds, exactly as written on the page. */
export interface EmbeddedDocument {
  /** The lines between the opening and the closing fence, byte for byte. */
  text: string;
  /** The operation the fence names (`yaml POST /v1/…`), when it names one. */
  method?: string;
  path?: string;
}

/**
 * Extracts the document a docs page embeds in a fence of four backticks opened as
 * `yaml METHOD PATH`. A page without such a fence, with more than one, or with one that is
 * never closed is rejected with a {@link SpecError} that says which.
 */
export function extractEmbeddedDocument(markdown: string, pageLabel: string): EmbeddedDocument {
  // A byte order mark must not hide a fence on line one.
  const lines = markdown.replace(/^\uFEFF/, "").split("\n");
  const fences: { start: number; end: number; info: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = /^(````+)\s*(yaml\b.*?)\s*$/i.exec(lines[index] ?? "");
    if (opening === null) continue;
    const [, backticks = "", info = ""] = opening;
    const end = lines.findIndex((line, at) => at > index && line.trimEnd() === backticks);
    if (end === -1) {
      throw new SpecError(`${pageLabel}: the fence opened on line ${index + 1} is never closed`);
    }
    fences.push({ start: index, end, info });
    index = end;
  }
  const [fence, second] = fences;
  if (fence === undefined) {
    throw new SpecError(
      `${pageLabel}: no fence found: expected the OpenAPI document in a fence of four backticks opened as \`yaml METHOD PATH\``,
    );
  }
  if (second !== undefined) {
    const starts = fences.map((found) => found.start + 1).join(", ");
    throw new SpecError(
      `${pageLabel}: ${fences.length} fences found (lines ${starts}); a docs page embeds exactly one OpenAPI document`,
    );
  }
  const text = lines
    .slice(fence.start + 1, fence.end)
    .map((line) => `${line}\n`)
    .join("");
  const [, method, path] = fence.info.split(/\s+/);
  return { text, ...(method && path ? { method: method.toLowerCase(), path } : {}) };
}
