import {
  applyOverlays,
  loadOverlays,
  type Overlay,
  overlaysDirOf,
} from "./bundle/apply-overlay.js";
import { loadFragments } from "./bundle/load-fragments.js";
import { type Fragment, mergeFragments } from "./bundle/merge-fragments.js";
import { renderBundle, renderTypes } from "./bundle/render.js";
import { applyFileChanges, changedFiles } from "./lib/files.js";
import { listOperations, type OpenApiDocument } from "./lib/openapi-document.js";
import { requireNoPureRefCycle } from "./lib/ref-cycles.js";
import { SpecError } from "./lib/spec-error.js";

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
  /** Problems the pipeline tolerates, e.g. `nullable` without `type`, one line each. */
  warnings: string[];
}

/** The generated texts for a set of fragments. */
export interface GeneratedOutputs {
  bundle: OpenApiDocument;
  bundleText: string;
  typesText: string;
  /** See {@link GenerateResult.warnings}. */
  warnings: string[];
}

/**
 * Merges every fragment into the bundled spec, validates it as OpenAPI 3.0 or 3.1, and
 * generates the TypeScript types from it. Writes only files whose content changed; with `check`, writes
 * nothing and reports which files differ.
 */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const fragments = await loadFragments(options.fragmentsDir);
  const overlays = await loadOverlays(overlaysDirOf(options.fragmentsDir));
  const outputs = await generateOutputs(fragments, overlays);
  const changes = await changedFiles([
    { path: options.bundlePath, text: outputs.bundleText },
    { path: options.typesPath, text: outputs.typesText },
  ]);
  if (!options.check) await applyFileChanges(changes);
  return {
    bundle: outputs.bundle,
    fragmentCount: fragments.length,
    operationCount: listOperations(outputs.bundle).length,
    changedFiles: changes.map((change) => change.path),
    warnings: outputs.warnings,
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
  if (!/^3\.[01]\.\d+$/.test(version)) {
    throw new SpecError(
      `The fragments declare openapi ${version || "(none)"}; expected 3.0.x or 3.1.x`,
    );
  }
  requireNoPureRefCycle(bundle, "The bundled spec");
  // Each fragment was validated as it was loaded; merging added the cross-fragment checks.
  const warnings = fragments.flatMap((fragment) => fragment.warnings ?? []);
  return {
    bundle,
    bundleText: renderBundle(bundle),
    typesText: await renderTypes(bundle, warnings),
    warnings,
  };
}
