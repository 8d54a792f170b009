import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { snapshotDir, spawnCommandLine, tempRepo } from "../support/temp-repo.js";

// One spawned run per command line (spec:import's is in init-cwd.test.ts): the bin starts, parses its arguments, resolves inputs from
// INIT_CWD and sets the exit status. Everything else is tested in-process.
describe("the thredfi-spec bin", () => {
  it("generates the bundle and the types of a checkout", async () => {
    const layout = await tempRepo(["merge/list-gadgets.yaml"]);
    const run = spawnCommandLine("generate", [], { root: layout.root });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(await readFile(layout.typesPath, "utf8")).toContain("list_gadgets");
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
