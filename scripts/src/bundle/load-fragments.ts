import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { compareCodeUnits } from "../lib/compare.js";
import { isRecord } from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";
import { parseYaml } from "../lib/yaml.js";
import type { Fragment } from "./merge-fragments.js";
import { validateAndResolve } from "./validate-openapi.js";

/**
 * Every fragment directly inside `fragmentsDir`, sorted by file name, each made self-contained
 * (relative `$ref`s into other files, e.g. in subdirectories, are resolved into it).
 * `pending` overlays changes not yet written: absolute path → new text, or undefined to delete.
 */
export async function loadFragments(
  fragmentsDir: string,
  pending: ReadonlyMap<string, string | undefined> = new Map(),
): Promise<Fragment[]> {
  const entries = await readdir(fragmentsDir, { withFileTypes: true }).catch(() => []);
  const names = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
  for (const [path, text] of pending) {
    if (dirname(path) !== fragmentsDir) continue;
    if (text === undefined) names.delete(basename(path));
    else names.add(basename(path));
  }
  const files = [...names].filter(isFragmentFile).sort(compareCodeUnits);
  if (files.length === 0) throw new SpecError(`No *.yaml fragments in ${fragmentsDir}`);
  return Promise.all(
    files.map((file) => {
      const path = join(fragmentsDir, file);
      const text = pending.get(path);
      return text === undefined ? loadFragment(path, file) : parseFragment(text, path, file);
    }),
  );
}

/** One fragment file, parsed and made self-contained; `file` names it in messages. */
export async function loadFragment(absolutePath: string, file: string): Promise<Fragment> {
  const text = await readFile(absolutePath, "utf8");
  return parseFragment(text, absolutePath, file);
}

/** A fragment from its text; `absolutePath` anchors its relative `$ref`s. */
async function parseFragment(text: string, absolutePath: string, file: string): Promise<Fragment> {
  const parsed = parseYaml(text, file);
  if (!isRecord(parsed)) throw new SpecError(`${file}: not an OpenAPI document (not a mapping)`);
  const { doc, warnings } = await validateAndResolve(parsed, absolutePath, file);
  return { file, doc, warnings };
}

/** True for a file name that holds a fragment (`*.yaml`, `*.yml`, `*.json`). */
export function isFragmentFile(name: string): boolean {
  return /\.(ya?ml|json)$/.test(name);
}
