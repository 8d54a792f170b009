import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach } from "vitest";
import { type RepoLayout, repoLayout } from "../../src/repo-layout.js";

/** The test fixtures directory. */
export const FIXTURES = resolve(import.meta.dirname, "../fixtures");

const SRC = resolve(import.meta.dirname, "../../src");
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * A throw-away repository layout in a temp directory (removed after the test), its
 * specs/fragments holding copies of the given fixture files (paths relative to FIXTURES).
 */
export async function tempRepo(fragmentFixtures: string[] = []): Promise<RepoLayout> {
  const root = await mkdtemp(join(tmpdir(), "thredfi-spec-"));
  created.push(root);
  const layout = repoLayout(root);
  for (const fixture of fragmentFixtures) {
    const name = fixture.split("/").at(-1) ?? fixture;
    await cp(join(FIXTURES, fixture), join(layout.fragmentsDir, name), { recursive: true });
  }
  return layout;
}

/** Result of running one of the scripts' CLIs. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `src/<cli>.ts` in a child Node process against the repository at `root`, as pnpm would
 * from `cwd` (INIT_CWD), optionally feeding `stdin`.
 */
export function runScript(
  cli: "generate-cli" | "import-cli" | "update-cli",
  args: string[],
  options: { root: string; cwd?: string; stdin?: string },
): CliRun {
  const cwd = options.cwd ?? options.root;
  const result = spawnSync(
    process.execPath,
    ["--import", TSX_LOADER, join(SRC, `${cli}.ts`), "--root", options.root, ...args],
    {
      cwd,
      env: { ...process.env, INIT_CWD: cwd, NO_COLOR: "1" },
      input: options.stdin ?? "",
      encoding: "utf8",
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir` with its content, keyed by relative path, for before/after checks. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    snapshot[relative(dir, path)] = await readFile(path, "utf8");
  }
  return snapshot;
}
