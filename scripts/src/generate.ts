import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { applyOverlays, loadOverlays, type Overlay, overlaysDirOf } from "./apply-overlay.js";
import { fragmentLocator } from "./fragment-locator.js";
import { loadFragments } from "./load-fragments.js";
import { type Fragment, mergeFragments } from "./merge-fragments.js";
import { listOperations, type OpenApiDocument } from "./openapi-document.js";
import { renderBundle } from "./render-bundle.js";
import { renderTypes } from "./render-types.js";
import { SpecError } from "./spec-error.js";
import { validateOpenApi } from "./validate-openapi.js";

/** Where {@link generate} reads fragments and writes its two outputs. */
export interface GenerateOptions {
  /** Directory whose `*.yaml` files are the fragments (subdirectories may hold `$ref` targets). */
  fragmentsDir: string;
  /** The bundled spec to write, e.g. `specs/thredfi.yaml`. */
  bundlePath: string;
  /** The generated TypeScript types to write, e.g. `packages/types/src/openapi.ts`. */
  typesPath: string;
  /** Compare with the files on disk instead of writing them. */
  check?: boolean;
}

/** What {@link generate} found and did. */
export interface GenerateResult {
  /** The merged, validated spec. */
  bundle: OpenApiDocument;
  fragmentCount: number;
  operationCount: number;
  /** Output files whose content on disk differed from the fresh result (written unless `check`). */
  changedFiles: string[];
}

/** The generated texts for a set of fragments. */
export interface GeneratedOutputs {
  bundle: OpenApiDocument;
  bundleText: string;
  typesText: string;
}

/**
 * Merges every fragment into the bundled spec, validates it as OpenAPI 3.0, and generates the
 * TypeScript types from it. Writes only files whose content changed; with `check`, writes
 * nothing and reports which files differ.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const fragments = await loadFragments(options.fragmentsDir);
  const overlays = await loadOverlays(overlaysDirOf(options.fragmentsDir));
  const outputs = await generateOutputs(fragments, overlays);
  const changedFiles = await syncFiles(
    [
      { path: options.bundlePath, text: outputs.bundleText },
      { path: options.typesPath, text: outputs.typesText },
    ],
    options.check ?? false,
  );
  return {
    bundle: outputs.bundle,
    fragmentCount: fragments.length,
    operationCount: listOperations(outputs.bundle).length,
    changedFiles,
  };
}

/**
 * The bundled spec and types for fragments already in memory (used by `spec:update`); the
 * overlays (`specs/overlays`) are applied to the merged fragments.
 */
export async function generateOutputs(
  fragments: readonly Fragment[],
  overlays: readonly Overlay[] = [],
): Promise<GeneratedOutputs> {
  const bundle = applyOverlays(mergeFragments(fragments), overlays);
  const version = String(bundle.openapi ?? "");
  if (!version.startsWith("3.0.")) {
    throw new SpecError(`The fragments declare openapi ${version || "(none)"}; expected 3.0.x`);
  }
  await validateOpenApi(bundle, "The bundled spec", fragmentLocator(fragments));
  return { bundle, bundleText: renderBundle(bundle), typesText: await renderTypes(bundle) };
}

/** Writes (unless `dryRun`) each file whose content differs; returns the paths that differed. */
export async function syncFiles(
  files: readonly { path: string; text: string }[],
  dryRun: boolean,
): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files) {
    const current = await readFile(file.path, "utf8").catch(() => undefined);
    if (current === file.text) continue;
    changed.push(file.path);
    if (!dryRun) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.text);
    }
  }
  return changed;
}
