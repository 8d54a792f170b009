import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { onTestFinished } from "vitest";
import { main } from "../../src/cli/main.js";
import { type RepoLayout, repoLayout } from "../../src/repo-layout.js";

/** The test fixtures directory. */
export const FIXTURES = resolve(import.meta.dirname, "../fixtures");

const BIN = resolve(import.meta.dirname, "../../bin/thredfi-spec.mjs");

/**
 * A throw-away repository layout in a temp directory (removed after the test), its
 * specs/fragments holding copies of the given fixture files (paths relative to FIXTURES).
 */
export async function tempRepo(fragmentFixtures: string[] = []): Promise<RepoLayout> {
  const root = await mkdtemp(join(tmpdir(), "thredfi-spec-"));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const layout = repoLayout(root);
  for (const fixture of fragmentFixtures) {
    const name = fixture.split("/").at(-1) ?? fixture;
    await cp(join(FIXTURES, fixture), join(layout.fragmentsDir, name), { recursive: true });
  }
  return layout;
}

/** Result of running one of the scripts' command lines. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The options of {@link runCommandLine} and {@link spawnCommandLine}. */
export interface CliRunOptions {
  /** The repository the command works on (`--root`). */
  root: string;
  /** Where the user ran pnpm (INIT_CWD); default `root`. */
  cwd?: string;
  stdin?: string;
}

/** Runs `thredfi-spec <command> …` in this process against the repository at `root`. */
export async function runCommandLine(
  command: "generate" | "import" | "update",
  args: string[],
  options: CliRunOptions,
): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const status = await main([command, "--root", options.root, ...args], {
    cwd: options.cwd ?? options.root,
    readStdin: async () => options.stdin ?? "",
    out: (line) => stdout.push(`${line}\n`),
    err: (line) => stderr.push(`${line}\n`),
  });
  return { status, stdout: stdout.join(""), stderr: stderr.join("") };
}

/**
 * Runs the `thredfi-spec` bin in a child Node process, as pnpm would from `cwd` (INIT_CWD):
 * the smoke test of a command line end to end.
 */
export function spawnCommandLine(
  command: "generate" | "import" | "update",
  args: string[],
  options: CliRunOptions,
): CliRun {
  const cwd = options.cwd ?? options.root;
  const result = spawnSync(process.execPath, [BIN, command, "--root", options.root, ...args], {
    cwd,
    env: { ...process.env, INIT_CWD: cwd, NO_COLOR: "1" },
    input: options.stdin ?? "",
    encoding: "utf8",
  });
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
