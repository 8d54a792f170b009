import { compareCodeUnits, deepEqual } from "../lib/compare.js";
import {
  HTTP_METHODS,
  isHttpMethod,
  isRecord,
  type OpenApiDocument,
  operationLabel,
} from "../lib/openapi-document.js";
import { SpecError } from "../lib/spec-error.js";

/** A self-contained OpenAPI document and the file it came from (named in conflict messages). */
export interface Fragment {
  file: string;
  doc: OpenApiDocument;
  /** What validating it found that only warns (see `validateAndResolve`). */
  warnings?: string[];
}

/**
 * Merges fragments into one OpenAPI document, in one pass over their contents (linear in the
 * total size; deep comparison only where two fragments share a key).
 *
 * - `paths`, component names and component sections come out sorted, so the bundle does not
 *   depend on which fragment holds what. A path+method or component defined identically in
 *   several fragments appears once; defined differently, it is a conflict.
 * - `openapi`: fragments must share major.minor; the highest patch version wins.
 * - `info`: taken from the first fragment in file order. Every Thredfi page carries the same
 *   `info`, and a page updated before the others must not block the bundle.
 * - `servers`: union, deduplicated, in order of first appearance.
 * - `security` (the default for operations): fragments declaring it must agree, since it would
 *   otherwise silently change the meaning of another fragment's operations.
 * - `tags`: union by name, in order of first appearance; one name defined differently is a
 *   conflict. Any other top-level key must be identical wherever it appears.
 *
 * Throws a {@link SpecError} listing every conflict with both files and the key.
 */
export function mergeFragments(fragments: readonly Fragment[]): OpenApiDocument {
  const merger = new FragmentMerger();
  for (const fragment of fragments) merger.add(fragment);
  return merger.result();
}

const COMPONENT_SECTIONS = [
  "schemas",
  "responses",
  "parameters",
  "examples",
  "requestBodies",
  "headers",
  "securitySchemes",
  "links",
  "callbacks",
];

interface Owned<T> {
  file: string;
  value: T;
}

class FragmentMerger {
  private readonly conflicts: string[] = [];
  private openapi: Owned<string> | undefined;
  private info: unknown;
  private servers: unknown[] | undefined;
  private security: Owned<unknown> | undefined;
  private readonly tags = new Map<string, Owned<unknown>>();
  private readonly pathItems = new Map<string, Map<string, Owned<unknown>>>();
  private readonly components = new Map<string, Map<string, Owned<unknown>>>();
  private readonly operationIds = new Map<string, Owned<string>>();
  private readonly otherKeys = new Map<string, Owned<unknown>>();

  add({ file, doc }: Fragment): void {
    for (const [key, value] of Object.entries(doc)) {
      switch (key) {
        case "openapi":
          this.addVersion(file, String(value));
          break;
        case "info":
          this.info ??= value;
          break;
        case "servers":
          this.addServers(value);
          break;
        case "security":
          this.security = this.keepSame(this.security, { file, value }, "security");
          break;
        case "tags":
          this.addTags(file, value);
          break;
        case "paths":
          this.addPaths(file, value);
          break;
        case "components":
          this.addComponents(file, value);
          break;
        default:
          this.otherKeys.set(key, this.keepSame(this.otherKeys.get(key), { file, value }, key));
      }
    }
  }

  result(): OpenApiDocument {
    if (this.conflicts.length > 0) {
      throw new SpecError(
        `Fragments conflict (make them agree, or re-import the outdated page):\n  ${this.conflicts.join("\n  ")}`,
      );
    }
    const otherKeys = new Map(this.otherKeys);
    const externalDocs = otherKeys.get("externalDocs");
    otherKeys.delete("externalDocs");
    const merged: OpenApiDocument = {};
    const put = (key: string, value: unknown) => {
      if (value !== undefined) merged[key] = value;
    };
    put("openapi", this.openapi?.value);
    put("info", this.info);
    put("externalDocs", externalDocs?.value);
    put("servers", this.servers);
    put("security", this.security?.value);
    put("tags", this.tags.size > 0 ? [...this.tags.values()].map((tag) => tag.value) : undefined);
    put("paths", this.mergedPaths());
    put("components", this.components.size > 0 ? this.mergedComponents() : undefined);
    for (const [key, owned] of otherKeys) put(key, owned.value);
    return merged;
  }

  private addVersion(file: string, version: string): void {
    const current = this.openapi;
    if (current === undefined) {
      this.openapi = { file, value: version };
      return;
    }
    if (majorMinor(current.value) !== majorMinor(version)) {
      this.conflict("openapi", current.file, file, `${current.value} vs ${version}`);
    } else if (comparePatch(version, current.value) > 0) {
      this.openapi = { file, value: version };
    }
  }

  private addServers(value: unknown): void {
    this.servers ??= [];
    if (!Array.isArray(value)) return;
    for (const server of value) {
      if (!this.servers.some((known) => deepEqual(known, server))) this.servers.push(server);
    }
  }

  private addTags(file: string, value: unknown): void {
    if (!Array.isArray(value)) return;
    for (const tag of value) {
      const name = isRecord(tag) ? String(tag.name) : String(tag);
      this.tags.set(name, this.keepSame(this.tags.get(name), { file, value: tag }, `tags.${name}`));
    }
  }

  private addPaths(file: string, value: unknown): void {
    if (!isRecord(value)) return;
    for (const [path, pathItem] of Object.entries(value)) {
      if (!isRecord(pathItem)) continue;
      let merged = this.pathItems.get(path);
      if (merged === undefined) {
        merged = new Map();
        this.pathItems.set(path, merged);
      }
      for (const [key, item] of Object.entries(pathItem)) {
        const label = isHttpMethod(key)
          ? operationLabel({ path, method: key })
          : `paths.${path}.${key}`;
        const before = merged.get(key);
        merged.set(key, this.keepSame(before, { file, value: item }, label));
        if (isHttpMethod(key) && before === undefined && isRecord(item)) {
          this.addOperationId(file, item.operationId, label);
        }
      }
    }
  }

  private addOperationId(file: string, operationId: unknown, label: string): void {
    if (typeof operationId !== "string") return;
    const known = this.operationIds.get(operationId);
    if (known === undefined) {
      this.operationIds.set(operationId, { file, value: label });
    } else if (known.value !== label) {
      this.conflict(
        `operationId ${operationId}`,
        known.file,
        file,
        `used by ${known.value} and ${label}`,
      );
    }
  }

  private addComponents(file: string, value: unknown): void {
    if (!isRecord(value)) return;
    for (const [section, entries] of Object.entries(value)) {
      if (!isRecord(entries)) continue;
      let merged = this.components.get(section);
      if (merged === undefined) {
        merged = new Map();
        this.components.set(section, merged);
      }
      for (const [name, component] of Object.entries(entries)) {
        const label = `components.${section}.${name}`;
        merged.set(name, this.keepSame(merged.get(name), { file, value: component }, label));
      }
    }
  }

  private mergedPaths(): Record<string, unknown> {
    const paths: Record<string, unknown> = {};
    for (const path of sortedKeys(this.pathItems)) {
      const item = this.pathItems.get(path) ?? new Map<string, Owned<unknown>>();
      const ordered: Record<string, unknown> = {};
      for (const [key, owned] of item) if (!isHttpMethod(key)) ordered[key] = owned.value;
      for (const method of HTTP_METHODS) {
        const owned = item.get(method);
        if (owned !== undefined) ordered[method] = owned.value;
      }
      paths[path] = ordered;
    }
    return paths;
  }

  private mergedComponents(): Record<string, unknown> {
    const sections = [
      ...COMPONENT_SECTIONS.filter((section) => this.components.has(section)),
      ...sortedKeys(this.components).filter((section) => !COMPONENT_SECTIONS.includes(section)),
    ];
    const components: Record<string, unknown> = {};
    for (const section of sections) {
      const entries = this.components.get(section) ?? new Map<string, Owned<unknown>>();
      const ordered: Record<string, unknown> = {};
      for (const name of sortedKeys(entries)) ordered[name] = entries.get(name)?.value;
      components[section] = ordered;
    }
    return components;
  }

  /** The value already owned for `key`, after recording a conflict if `next` differs from it. */
  private keepSame<T>(current: Owned<T> | undefined, next: Owned<T>, key: string): Owned<T> {
    if (current === undefined) return next;
    if (!deepEqual(current.value, next.value)) {
      this.conflict(key, current.file, next.file, "defined differently");
    }
    return current;
  }

  private conflict(key: string, firstFile: string, secondFile: string, detail: string): void {
    this.conflicts.push(`${key}: ${detail} in ${firstFile} and ${secondFile}`);
  }
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort(compareCodeUnits);
}

function majorMinor(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}

function comparePatch(a: string, b: string): number {
  return Number(a.split(".")[2] ?? 0) - Number(b.split(".")[2] ?? 0);
}
