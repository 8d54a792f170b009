import { basename, join } from "node:path";
import { loadOverlays, overlaysDirOf } from "./bundle/apply-overlay.js";
import { loadFragments } from "./bundle/load-fragments.js";
import { type ChangesetFile, renderChangeset } from "./diff/changeset.js";
import { diffSpecs, type SpecDiff } from "./diff/spec-diff.js";
import { generateOutputs } from "./generate.js";
import { type ImportOptions, type ImportPlan, planImport } from "./import-spec.js";
import { applyFileChanges, changedFiles, type FileChange, readFileIfPresent } from "./lib/files.js";
import { isRecord, type OpenApiDocument } from "./lib/openapi-document.js";
import { parseYaml } from "./lib/yaml.js";
import type { RepoLayout } from "./repo-layout.js";

/** What {@link updateSpec} imported, how the spec changed, and the files it wrote. */
export interface UpdateResult {
  plan: ImportPlan;
  diff: SpecDiff;
  changeset: ChangesetFile | undefined;
  /** Every file written or deleted (fragments, bundle, types, changeset). */
  changes: FileChange[];
  /** Problems of the new bundle the pipeline tolerates, one line each. */
  warnings: string[];
}

/**
 * Imports a docs page or document, regenerates the bundle and types, compares the new bundle
 * with the current `specs/thredfi.yaml`, and writes a changeset bumping `@thredfi/types` and
 * `@thredfi/auth` as the change calls for (none when nothing changed). Everything is computed
 * before anything is written: an input or a merge that fails leaves the repository untouched.
 */
export async function updateSpec(
  options: Omit<ImportOptions, "fragmentsDir"> & { layout: RepoLayout },
): Promise<UpdateResult> {
  const { layout, ...importOptions } = options;
  const plan = await planImport({ ...importOptions, fragmentsDir: layout.fragmentsDir });
  const pending = new Map(plan.changes.map((change) => [change.path, change.text]));
  const overlays = await loadOverlays(overlaysDirOf(layout.fragmentsDir));
  const outputs = await generateOutputs(
    await loadFragments(layout.fragmentsDir, pending),
    overlays,
  );
  const previous = await readPreviousBundle(layout.bundlePath);
  const diff = diffSpecs(previous, outputs.bundle);
  const source = options.input === "-" ? basename(plan.fragmentPath) : basename(options.input);
  const changeset = renderChangeset(diff, source, outputs.bundleText);

  const candidates: FileChange[] = [
    ...plan.changes,
    { path: layout.bundlePath, text: outputs.bundleText },
    { path: layout.typesPath, text: outputs.typesText },
    ...(changeset
      ? [{ path: join(layout.changesetDir, changeset.name), text: changeset.text }]
      : []),
  ];
  const changes = await changedFiles(candidates);
  await applyFileChanges(changes);
  return { plan, diff, changeset, changes, warnings: outputs.warnings };
}

async function readPreviousBundle(bundlePath: string): Promise<OpenApiDocument> {
  const text = await readFileIfPresent(bundlePath);
  if (text === undefined) return {};
  const parsed = parseYaml(text, bundlePath);
  return isRecord(parsed) ? parsed : {};
}
