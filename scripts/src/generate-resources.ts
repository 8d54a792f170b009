import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { applyFileChanges, changedFiles, readFileIfPresent } from "./lib/files.js";
import { isRecord, type OpenApiDocument } from "./lib/openapi-document.js";
import { SpecError } from "./lib/spec-error.js";
import { parseYaml } from "./lib/yaml.js";
import { REPO_ROOT } from "./repo-layout.js";
import { renderResourceTable, renderResourceTypes } from "./resources/render-resources.js";
import {
  type ResourceMethods,
  type ResourceNameMapping,
  resourceMethods,
} from "./resources/resource-methods.js";

/** Where {@link generateResources} reads and writes. */
export interface ResourcesLayout {
  /** The bundled spec, e.g. `specs/thredfi.yaml`. */
  bundlePath: string;
  /** The names the rule cannot decide, e.g. `specs/resource-names.yaml` (may be missing). */
  namesPath: string;
  /** The runtime table, e.g. `packages/client/src/resources/generated/methods.ts`. */
  tablePath: string;
  /** The types of the resource trees, e.g. `packages/client/src/resources/generated/types.ts`. */
  typesPath: string;
  /** Compare with the files on disk instead of writing them. */
  check?: boolean;
}

/** What {@link generateResources} found and did. */
export interface GenerateResourcesResult extends ResourceMethods {
  /** Output files whose content on disk differed from the fresh result (written unless `check`). */
  changedFiles: string[];
}

/** This repository's layout for the resource methods of `@thredfi/client`. */
export function resourcesLayout(root: string = REPO_ROOT): ResourcesLayout {
  return {
    bundlePath: join(root, "specs/thredfi.yaml"),
    namesPath: join(root, "specs/resource-names.yaml"),
    tablePath: join(root, "packages/client/src/resources/generated/methods.ts"),
    typesPath: join(root, "packages/client/src/resources/generated/types.ts"),
  };
}

/**
 * Names every operation of the bundled spec (the rule of `resources/naming-rule.ts`, then the
 * mapping file) and writes the client's method table and the types of its resource trees.
 * Writes only files whose content changed; with `check`, writes nothing and reports which differ.
 */
export async function generateResources(layout: ResourcesLayout): Promise<GenerateResourcesResult> {
  const bundle = parseYaml(await readFile(layout.bundlePath, "utf8"), layout.bundlePath);
  if (!isRecord(bundle)) throw new SpecError(`${layout.bundlePath} is not an OpenAPI document`);
  const mapping = await readMapping(layout.namesPath);
  const named = resourceMethods(bundle as OpenApiDocument, mapping);
  const changes = await changedFiles([
    { path: layout.tablePath, text: renderResourceTable(named.methods) },
    { path: layout.typesPath, text: renderResourceTypes(named.methods) },
  ]);
  if (!layout.check) await applyFileChanges(changes);
  return { ...named, changedFiles: changes.map((change) => change.path) };
}

/** The mapping file, checked: each entry a `name` (and optional `tree`) or a `handWritten`. */
export async function readMapping(path: string): Promise<ResourceNameMapping> {
  const text = await readFileIfPresent(path);
  if (text === undefined) return {};
  const data = parseYaml(text, path) ?? {};
  if (!isRecord(data)) throw new SpecError(`${path}: expected a mapping of operationIds`);
  for (const [operationId, entry] of Object.entries(data)) {
    const ok =
      isRecord(entry) &&
      (typeof entry.name === "string"
        ? /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(entry.name) &&
          (entry.tree === undefined || entry.tree === "partner" || entry.tree === "business")
        : typeof entry.handWritten === "string");
    if (!ok) {
      throw new SpecError(
        `${path}: ${operationId} needs \`name: resource.method\` (and optionally \`tree: partner | business\`) or \`handWritten: member.method\``,
      );
    }
  }
  return data as ResourceNameMapping;
}
