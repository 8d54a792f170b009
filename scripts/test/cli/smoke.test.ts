import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, snapshotDir, spawnCommandLine, tempRepo } from "../support/temp-repo.js";

// One spawned run per command line: the bin starts, parses its arguments, resolves inputs from
// INIT_CWD and sets the exit status. Everything else is tested in-process.
describe("the thredfi-spec bin", () => {
  it("generates the bundle and the types of a checkout", async () => {
    const layout = await tempRepo(["merge/list-gadgets.yaml"]);
    const run = spawnCommandLine("generate", [], { root: layout.root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(await readFile(layout.typesPath, "utf8")).toContain("list_gadgets");
  });

  it("imports a page named relative to the directory pnpm was run from", async () => {
    const layout = await tempRepo();
    const run = spawnCommandLine("import", ["pages/get-partner-token.md"], {
      root: layout.root,
      cwd: FIXTURES,
    });
    expect(run.status).toBe(0);
    expect(Object.keys(await snapshotDir(layout.fragmentsDir))).toEqual(["get_partner_token.yaml"]);
  });

  it("updates from stdin and exits 1 with a message, not a stack, on bad input", async () => {
    const layout = await tempRepo(["merge/list-gadgets.yaml"]);
    const run = spawnCommandLine("update", ["-"], { root: layout.root, stdin: "not: [yaml" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: stdin: /);
    expect(run.stderr).not.toContain("    at ");
    expect(await snapshotDir(join(layout.root, ".changeset"))).toEqual({});
  });
});
