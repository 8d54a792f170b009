import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { compareCodeUnits } from "../lib/compare.js";
import { isRecord, type OpenApiDocument } from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";
import { parseYaml } from "../lib/yaml.js";

/**
 * One OpenAPI Overlay 1.0 document: actions that change the bundled spec without editing the
 * vendored fragments (e.g. examples the mock serves).
 */
export interface Overlay {
  /** The overlay's file name, for messages. */
  file: string;
  actions: OverlayAction[];
}

/** One action of an overlay: where it applies, and what it merges there or removes. */
export interface OverlayAction {
  /** A JSONPath into the spec (the subset {@link parseTarget} reads). */
  target: string;
  /** Merged into each object the target selects (appended to an array target). */
  update?: unknown;
  /** Removes each node the target selects. */
  remove?: boolean;
}

/** The overlays directory that goes with a fragments directory: `specs/overlays` beside `specs/fragments`. */
export function overlaysDirOf(fragmentsDir: string): string {
  return join(dirname(fragmentsDir), "overlays");
}

/** Every overlay in `overlaysDir` (`*.yaml`, `*.yml`, `*.json`), by file name; none when the directory is absent. */
export async function loadOverlays(overlaysDir: string): Promise<Overlay[]> {
  const names = await readdir(overlaysDir).catch(() => [] as string[]);
  const files = names.filter((name) => /\.(ya?ml|json)$/.test(name)).sort(compareCodeUnits);
  return Promise.all(
    files.map(async (file) =>
      parseOverlay(parseYaml(await readFile(join(overlaysDir, file), "utf8"), file), file),
    ),
  );
}

/** Checks that `value` is an Overlay 1.0 document; throws a {@link SpecError} naming `file` otherwise. */
export function parseOverlay(value: unknown, file: string): Overlay {
  if (!isRecord(value)) throw new SpecError(`${file}: not an overlay (not a mapping)`);
  if (typeof value.overlay !== "string" || !value.overlay.startsWith("1.0.")) {
    throw new SpecError(`${file}: expected "overlay: 1.0.x", got ${JSON.stringify(value.overlay)}`);
  }
  if (!Array.isArray(value.actions) || value.actions.length === 0) {
    throw new SpecError(`${file}: an overlay needs a non-empty "actions" list`);
  }
  const actions = value.actions.map((action, index): OverlayAction => {
    const where = `${file}: action ${index + 1}`;
    if (!isRecord(action) || typeof action.target !== "string") {
      throw new SpecError(`${where} has no "target" string`);
    }
    parseTarget(action.target, where);
    const remove = action.remove === true;
    const hasUpdate = "update" in action;
    if (remove === hasUpdate) {
      throw new SpecError(
        `${where} (${action.target}) needs exactly one of "update" and "remove: true"`,
      );
    }
    return remove
      ? { target: action.target, remove }
      : { target: action.target, update: action.update };
  });
  return { file, actions };
}

/**
 * Applies overlays in order to a copy of `spec` and returns the copy. An action whose target
 * selects nothing is an error naming the overlay file and the target, so an overlay cannot
 * silently stop applying when the spec changes under it.
 */
export function applyOverlays<Spec extends OpenApiDocument>(
  spec: Spec,
  overlays: readonly Overlay[],
): Spec {
  const result = structuredClone(spec);
  for (const overlay of overlays) {
    overlay.actions.forEach((action, index) => {
      const where = `${overlay.file}: action ${index + 1}`;
      const nodes = selectNodes(result, parseTarget(action.target, where));
      if (nodes.length === 0) {
        throw new SpecError(`${where}: target ${action.target} matches nothing in the spec`);
      }
      // Removing from the end keeps the indexes of the earlier array items valid.
      for (const node of action.remove ? nodes.reverse() : nodes) {
        if (action.remove) removeNode(node);
        else updateNode(node, action.update, `${where} (${action.target})`);
      }
    });
  }
  return result;
}

/** One step of a target: a named member, an array index, or every child (`*`). */
export type TargetSegment = { name: string } | { index: number } | { wildcard: true };

/**
 * Reads the JSONPath subset overlays use here: `$` followed by `.name`, `.*`, `['name']`,
 * `["name"]`, `[0]` and `[*]`. Filters, recursive descent and slices are refused.
 */
export function parseTarget(target: string, where: string): TargetSegment[] {
  const refuse = (why: string) =>
    new SpecError(`${where}: unsupported target ${JSON.stringify(target)}: ${why}`);
  if (!target.startsWith("$")) throw refuse("it must start with $");
  const segments: TargetSegment[] = [];
  let rest = target.slice(1);
  while (rest.length > 0) {
    if (rest.startsWith("..")) throw refuse("recursive descent (..) is not supported");
    const dotted = /^\.(\*|[A-Za-z_$][\w$-]*)/.exec(rest);
    const quoted = /^\[\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*\]/.exec(rest);
    const bracket = /^\[\s*(\*|\d+)\s*\]/.exec(rest);
    if (dotted) {
      segments.push(dotted[1] === "*" ? { wildcard: true } : { name: dotted[1] as string });
      rest = rest.slice(dotted[0].length);
    } else if (quoted) {
      const raw = quoted[1] ?? quoted[2] ?? "";
      segments.push({ name: raw.replace(/\\(.)/g, "$1") });
      rest = rest.slice(quoted[0].length);
    } else if (bracket) {
      segments.push(bracket[1] === "*" ? { wildcard: true } : { index: Number(bracket[1]) });
      rest = rest.slice(bracket[0].length);
    } else {
      throw refuse(`cannot read ${JSON.stringify(rest)}`);
    }
  }
  return segments;
}

interface SelectedNode {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  value: unknown;
}

function selectNodes(root: OpenApiDocument, segments: readonly TargetSegment[]): SelectedNode[] {
  let current: SelectedNode[] = [{ parent: { $: root }, key: "$", value: root }];
  for (const segment of segments) {
    current = current.flatMap(({ value }) => childrenOf(value, segment));
  }
  return current;
}

function childrenOf(value: unknown, segment: TargetSegment): SelectedNode[] {
  if (Array.isArray(value)) {
    if ("wildcard" in segment)
      return value.map((item, key) => ({ parent: value, key, value: item }));
    if ("index" in segment && segment.index < value.length) {
      return [{ parent: value, key: segment.index, value: value[segment.index] }];
    }
    return [];
  }
  if (!isRecord(value)) return [];
  if ("wildcard" in segment) {
    return Object.entries(value).map(([key, child]) => ({ parent: value, key, value: child }));
  }
  if ("name" in segment && Object.hasOwn(value, segment.name)) {
    return [{ parent: value, key: segment.name, value: value[segment.name] }];
  }
  return [];
}

function removeNode({ parent, key }: SelectedNode): void {
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key as string];
}

function updateNode(node: SelectedNode, update: unknown, where: string): void {
  if (Array.isArray(node.value)) {
    node.value.push(structuredClone(update));
  } else if (isRecord(node.value) && isRecord(update)) {
    mergeInto(node.value, update, where);
  } else {
    throw new SpecError(
      `${where}: "update" must be a mapping merged into a mapping, or a value appended to a list`,
    );
  }
}

/** Keys that would reach an object's prototype instead of the object. */
const UNSAFE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Overlay merge: mappings merge recursively, lists concatenate, anything else is replaced. */
function mergeInto(
  target: Record<string, unknown>,
  update: Record<string, unknown>,
  where: string,
): void {
  for (const [key, value] of Object.entries(update)) {
    if (UNSAFE_KEYS.has(key)) throw new SpecError(`${where}: "update" may not set the key ${key}`);
    const existing = target[key];
    if (isRecord(existing) && isRecord(value)) mergeInto(existing, value, where);
    else if (Array.isArray(existing) && Array.isArray(value))
      existing.push(...structuredClone(value));
    else target[key] = structuredClone(value);
  }
}
