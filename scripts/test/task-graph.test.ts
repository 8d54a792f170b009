import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/repo-layout.js";

/** One task of `pnpm test`'s turbo run, planned with `--dry=json`. */
interface PlannedTask {
  taskId: string;
  /** Direct dependencies, as task ids. */
  dependencies: string[];
  /** Files hashed into the task, relative to its package directory. */
  inputs: Record<string, string>;
}

const turbo = createRequire(join(REPO_ROOT, "package.json")).resolve("turbo/bin/turbo");
let tasks: Map<string, PlannedTask>;

/** The arguments `pnpm test` passes to turbo, read from the root package.json. */
function pnpmTestTurboArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
    scripts: { test: string };
  };
  const [command, ...args] = scripts.test.split(" ");
  expect(command).toBe("turbo");
  return args;
}

beforeAll(() => {
  const run = spawnSync(process.execPath, [turbo, ...pnpmTestTurboArgs(), "--dry=json"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  expect(run.status, run.stderr).toBe(0);
  const planned = (JSON.parse(run.stdout) as { tasks: PlannedTask[] }).tasks;
  tasks = new Map(planned.map((task) => [task.taskId, task]));
});

/** Every file under `dir` (relative to the repository), subdirectories included. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

describe("the task graph of pnpm test", () => {
  it("hashes the bundled spec and every fragment into @thredfi/types#generate", () => {
    const inputs = Object.keys(plannedTask("@thredfi/types#generate").inputs);
    const specFiles = [
      "specs/thredfi.yaml",
      ...filesUnder("specs/fragments"),
      ...filesUnder("specs/overlays"),
    ];
    expect(specFiles.length).toBeGreaterThan(1);
    for (const file of specFiles) {
      expect(inputs).toContain(relative(join(REPO_ROOT, "packages/types"), join(REPO_ROOT, file)));
    }
  });

  // A task's hash includes its dependencies' hashes: a spec change reruns everything downstream.
  it.each([
    "@thredfi/client#test",
    "@thredfi/types#test",
    "@thredfi/auth#test",
    "//#typecheck",
    "@thredfi/mock#generate",
    "@thredfi/mock#test",
    "@thredfi/example-quickstart#test",
  ])("runs %s after regenerating from the spec", (taskId) => {
    expect(upstreamOf(taskId)).toContain("@thredfi/types#generate");
  });

  it("regenerates @thredfi/types when the pipeline's code changes, through its declared dependency", () => {
    expect(plannedTask("@thredfi/types#generate").dependencies).toContain(
      "@thredfi/scripts#generate",
    );
    const pipelineInputs = Object.keys(plannedTask("@thredfi/scripts#generate").inputs);
    expect(pipelineInputs).toEqual(
      expect.arrayContaining(["package.json", "bin/thredfi-spec.mjs", "src/generate.ts"]),
    );
  });

  it("fails pnpm test when @thredfi/auth does not type-check against the regenerated types", () => {
    const typecheck = plannedTask("//#typecheck");
    expect(typecheck.dependencies).toContain("@thredfi/types#generate");
    expect(Object.keys(typecheck.inputs)).toEqual(
      expect.arrayContaining(["packages/auth/src/index.ts", "packages/types/src/openapi.ts"]),
    );
  });

  // Tests and type checks read their dependencies' sources, not builds: a change to a source
  // file must miss the cache of everything downstream, while a change to a test must not.
  it("hashes each dependency's sources, not its tests, into the tasks that read them", () => {
    expect(upstreamOf("@thredfi/client#test")).toEqual(
      expect.arrayContaining(["@thredfi/auth#sources", "@thredfi/types#sources"]),
    );
    const authSources = Object.keys(plannedTask("@thredfi/auth#sources").inputs);
    expect(authSources).toEqual(expect.arrayContaining(["src/index.ts", "package.json"]));
    expect(authSources.filter((file) => file.startsWith("test/"))).toEqual([]);
  });

  it("builds no package in pnpm test (the builds are pnpm test:packed's)", () => {
    const builds = [...tasks.keys()].filter((taskId) => taskId.endsWith("#build"));
    expect(builds).toEqual([]);
  });
});

function plannedTask(taskId: string): PlannedTask {
  const task = tasks.get(taskId);
  if (task === undefined) throw new Error(`turbo plans no task ${taskId}`);
  return task;
}

/** Every task that runs before `taskId`, directly or transitively. */
function upstreamOf(taskId: string): string[] {
  const seen = new Set<string>();
  const pending = [...plannedTask(taskId).dependencies];
  while (pending.length > 0) {
    const next = pending.pop() ?? "";
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...plannedTask(next).dependencies);
  }
  return [...seen];
}
