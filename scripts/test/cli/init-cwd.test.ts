import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../src/repo-layout.js";
import { snapshotDir, tempRepo } from "../support/temp-repo.js";

describe("pnpm spec:import from a subdirectory of the repository", () => {
  it("reads a relative path from the directory it was run in (INIT_CWD)", async () => {
    const layout = await tempRepo();
    const { INIT_CWD: _, ...env } = process.env;
    // specs/fragments has no package.json of its own: pnpm runs the root's script.
    const run = spawnSync(
      "pnpm",
      ["spec:import", "get_partner_token.yaml", "--root", layout.root],
      {
        cwd: join(REPO_ROOT, "specs/fragments"),
        encoding: "utf8",
        env,
      },
    );
    expect(run.stderr).not.toContain("error:");
    expect(run.status).toBe(0);
    expect(Object.keys(await snapshotDir(layout.fragmentsDir))).toEqual(["get_partner_token.yaml"]);
  });
});
