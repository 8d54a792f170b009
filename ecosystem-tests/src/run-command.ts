import { spawn } from "node:child_process";

/** How a command ended and what it printed. */
export interface CommandResult {
  /** Exit code, or `null` when the command was ended by a signal. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Where and how long {@link runCommand} runs a command. */
export interface CommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The command is killed after this long. Default 120000 ms. */
  timeoutMs?: number;
}

/**
 * Runs a command without a shell and collects its output. Resolves whatever the exit code;
 * rejects only when the command cannot be started.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Throws an error quoting the command's output unless it exited with code 0. */
export function assertSucceeded(result: CommandResult, description: string): CommandResult {
  if (result.code !== 0) {
    throw new Error(
      `${description} failed with exit code ${String(result.code)}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}
