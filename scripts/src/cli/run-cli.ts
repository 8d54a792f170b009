import { SpecError } from "../lib/spec-error.js";

/** What a command line reads from and writes to: the process's, or a test's. */
export interface CliIo {
  /** The directory the user ran the command from; relative inputs are relative to it. */
  cwd: string;
  /** Everything on stdin, read only by commands given `-`. */
  readStdin(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

/** One command line: its arguments (after the command name) in, its exit status out. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * Runs a command: a {@link SpecError} or a bad command-line option is printed as a message (no
 * stack) and gives status 1; any other error is thrown on.
 */
export async function runCli(command: Command, args: string[], io: CliIo): Promise<number> {
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof SpecError || isParseArgsError(error)) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")
  );
}
