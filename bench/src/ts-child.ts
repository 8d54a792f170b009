import { fileURLToPath } from "node:url";
import { assertSucceeded, type CommandResult, runCommand } from "@thredfi/scripts/run-command";

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
export async function runChild(argv: readonly string[]): Promise<CommandResult> {
  const [command, ...args] = argv;
  if (command === undefined) throw new Error("runChild needs a command");
  const result = await runCommand(command, args, { cwd: process.cwd(), timeoutMs: 30 * 60_000 });
  return assertSucceeded(result, argv.join(" "));
}

/** The last line of `stdout` parsed as JSON: how child benchmarks hand back their numbers. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "null") as T;
}
