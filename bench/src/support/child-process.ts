import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";

const execFileAsync = promisify(execFile);
const tsxLoader = import.meta.resolve("tsx");
const workDir = new URL("../../.work/", import.meta.url);

/** What a finished child process printed. */
export interface ChildOutput {
  stdout: string;
  stderr: string;
}

/**
 * The argv that runs the TypeScript file `script` in a fresh Node process:
 * `node [nodeArgs] --import tsx script [args]`.
 */
export function tsChildArgv(
  script: URL,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): string[] {
  return [process.execPath, ...nodeArgs, "--import", tsxLoader, fileURLToPath(script), ...args];
}

/**
 * Runs `argv` without a shell and collects its output; rejects, quoting that output, when the
 * command cannot start, exits non-zero or runs longer than 30 minutes.
 */
export async function runChild(argv: readonly string[]): Promise<ChildOutput> {
  const [command, ...args] = argv;
  if (command === undefined) throw new Error("runChild needs a command");
  try {
    return await execFileAsync(command, args, {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      timeout: 30 * 60_000,
      killSignal: "SIGKILL",
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as Partial<ChildOutput>;
    throw new Error(`${argv.join(" ")} failed: ${(error as Error).message}\n${stdout}\n${stderr}`);
  }
}

/** The last line of `stdout` parsed as JSON: how child benchmarks hand back their numbers. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null") as T;
}

/**
 * Bundles the TypeScript child entry `script` into one ES module `bench/.work/<name>.mjs` and
 * returns its path. Packages stay external, so the SDK and its baselines run exactly as
 * installed. A bundled child starts without a TypeScript loader, which saves a second per
 * process, and tens of seconds under valgrind.
 */
export async function bundleChild(script: URL, name: string): Promise<string> {
  const outfile = fileURLToPath(new URL(`${name}.mjs`, workDir));
  await build({
    entryPoints: [fileURLToPath(script)],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
  });
  return outfile;
}

/** Where a measurement keeps its scratch files: `bench/.work/<name>/`. */
export function workPath(name: string): string {
  return fileURLToPath(new URL(`${name}/`, workDir));
}
