import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** What a finished child process printed and how it ended. */
export interface ChildResult {
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

const tsxLoader = import.meta.resolve("tsx");

/**
 * The argv that runs the TypeScript file `script` (relative to this directory) in a fresh Node
 * process: `node [nodeArgs] --import tsx script [args]`.
 */
export function tsChildArgv(
  script: string,
  args: readonly string[] = [],
  nodeArgs: readonly string[] = [],
): string[] {
  const scriptPath = fileURLToPath(new URL(script, import.meta.url));
  return [process.execPath, ...nodeArgs, "--import", tsxLoader, scriptPath, ...args];
}

/** Runs `argv` to completion and collects its output; rejects if it exits non-zero. */
export function runChild(argv: readonly string[]): Promise<ChildResult> {
  const [command, ...args] = argv;
  if (command === undefined) throw new Error("runChild needs a command");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (exitCode) => {
      if (exitCode === 0) resolve({ stdout, stderr, exitCode });
      else reject(new Error(`${argv.join(" ")} exited with ${exitCode}:\n${stderr.slice(-2000)}`));
    });
  });
}

/** The last line of `stdout` parsed as JSON: how child benchmarks hand back their numbers. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null") as T;
}
