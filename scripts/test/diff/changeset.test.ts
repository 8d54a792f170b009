import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderChangeset, SPEC_PACKAGES } from "../../src/diff/changeset.js";
import type { SpecDiff } from "../../src/diff/spec-diff.js";
import { REPO_ROOT } from "../../src/repo-layout.js";

const ADDED = "delete_widget (DELETE /v1/widgets/{widget_id}/)";
const REMOVED = "list_widgets (GET /v1/widgets/)";
const CHANGED = "create_widget (POST /v1/widgets/)";

const NO_CHANGE: SpecDiff = {
  added: [],
  removed: [],
  changed: [],
  addedComponents: [],
  removedComponents: [],
  bump: undefined,
};

const mixedDiff: SpecDiff = {
  added: [ADDED],
  removed: [REMOVED],
  changed: [
    {
      operation: CHANGED,
      bump: "minor",
      details: [{ bump: "minor", text: "request body application/json: field owner_id added" }],
    },
  ],
  addedComponents: ["schemas.WidgetView"],
  removedComponents: ["schemas.Widget"],
  bump: "major",
};

describe("renderChangeset", () => {
  it("bumps every spec package and lists the operations and named types added, removed and changed", () => {
    const changeset = renderChangeset(mixedDiff, "widgets.md", "openapi: 3.0.3\n");
    expect(changeset?.text).toBe(
      [
        "---",
        '"@thredfi/types": major',
        '"@thredfi/auth": major',
        '"@thredfi/client": major',
        "---",
        "",
        "Update to Thredfi's spec from widgets.md.",
        "",
        `- Added \`${ADDED}\``,
        `- Removed \`${REMOVED}\``,
        "- Added type for `schemas.WidgetView`",
        "- Removed type for `schemas.Widget`",
        `- Changed \`${CHANGED}\` (minor):`,
        "  - request body application/json: field owner_id added (minor)",
        "",
      ].join("\n"),
    );
  });

  it("names the file after the source and the new bundle, so another result gets another file", () => {
    const first = renderChangeset(mixedDiff, "Get Widget.md", "openapi: 3.0.3\n");
    const second = renderChangeset(mixedDiff, "Get Widget.md", "openapi: 3.0.3\n# changed\n");
    expect(first?.name).toMatch(/^spec-Get-Widget-[0-9a-f]{8}\.md$/);
    expect(second?.name).toMatch(/^spec-Get-Widget-[0-9a-f]{8}\.md$/);
    expect(second?.name).not.toBe(first?.name);
  });

  it("says so when only documentation outside the operations changed", () => {
    const diff: SpecDiff = { ...NO_CHANGE, bump: "patch" };
    const text = renderChangeset(diff, "widgets.md", "x")?.text ?? "";
    expect(text).toContain(
      '"@thredfi/types": patch\n"@thredfi/auth": patch\n"@thredfi/client": patch\n',
    );
    expect(text).toContain("- No operation changed: documentation outside operations only.");
  });

  it("writes no changeset when nothing changed", () => {
    const diff: SpecDiff = NO_CHANGE;
    expect(renderChangeset(diff, "widgets.md", "x")).toBeUndefined();
  });
});

describe(".changeset/config.json", () => {
  it("versions the spec packages together as one fixed group, published publicly", async () => {
    const config = JSON.parse(await readFile(join(REPO_ROOT, ".changeset/config.json"), "utf8"));
    const groups = (config.fixed as string[][]).map((group) => [...group].sort());
    expect(groups).toContainEqual([...SPEC_PACKAGES].sort());
    expect(SPEC_PACKAGES).toContain("@thredfi/client");
    expect(config.access).toBe("public");
  });

  it("ignores no published package", async () => {
    const config = JSON.parse(await readFile(join(REPO_ROOT, ".changeset/config.json"), "utf8"));
    const published: string[] = [];
    for (const directory of await readdir(join(REPO_ROOT, "packages"))) {
      const manifest = JSON.parse(
        await readFile(join(REPO_ROOT, "packages", directory, "package.json"), "utf8"),
      );
      if (manifest.private !== true) published.push(manifest.name);
    }
    expect(published).toEqual(expect.arrayContaining([...SPEC_PACKAGES, "@thredfi/mock"]));
    expect((config.ignore as string[]).filter((name) => published.includes(name))).toEqual([]);
  });
});
