import { createHash } from "node:crypto";
import type { SpecDiff } from "./spec-diff.js";

/** Packages released together whenever the spec changes (a fixed group in .changeset/config.json). */
export const SPEC_PACKAGES = ["@thredfi/types", "@thredfi/auth", "@thredfi/client"] as const;

/** A changeset file: its name under .changeset/ and its text. */
export interface ChangesetFile {
  name: string;
  text: string;
}

/**
 * A changeset (`.changeset/<name>.md`) for a spec change: the bump for {@link SPEC_PACKAGES},
 * the operations added, removed and changed, and the components whose named types were added
 * or removed. Undefined when nothing changed.
 */
export function renderChangeset(
  diff: SpecDiff,
  source: string,
  newBundleText: string,
): ChangesetFile | undefined {
  if (diff.bump === undefined) return undefined;
  const frontmatter = SPEC_PACKAGES.map((name) => `"${name}": ${diff.bump}`).join("\n");
  const lines = [`Update to Thredfi's spec from ${source}.`, ""];
  for (const operation of diff.added) lines.push(`- Added \`${operation}\``);
  for (const operation of diff.removed) lines.push(`- Removed \`${operation}\``);
  for (const component of diff.addedComponents) lines.push(`- Added type for \`${component}\``);
  for (const component of diff.removedComponents) {
    lines.push(`- Removed type for \`${component}\``);
  }
  for (const change of diff.changed) {
    lines.push(`- Changed \`${change.operation}\` (${change.bump}):`);
    for (const detail of change.details) lines.push(`  - ${detail.text} (${detail.bump})`);
  }
  const listed = [
    diff.added,
    diff.removed,
    diff.changed,
    diff.addedComponents,
    diff.removedComponents,
  ];
  if (listed.every((list) => list.length === 0)) {
    lines.push("- No operation changed: documentation outside operations only.");
  }
  const digest = createHash("sha256").update(newBundleText).digest("hex").slice(0, 8);
  const slug = source
    .replace(/\.[^.]+$/, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return {
    name: `spec-${slug || "update"}-${digest}.md`,
    text: `---\n${frontmatter}\n---\n\n${lines.join("\n")}\n`,
  };
}
