import { SpecError } from "./spec-error.js";

/**
 * Runs a CLI's main function: a {@link SpecError} or a bad command-line option is printed as a
 * message (no stack) and exits with status 1; the exit status returned by `main` is used
 * otherwise.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      if (error instanceof SpecError || isParseArgsError(error)) {
        console.error(`error: ${error.message}`);
        process.exitCode = 1;
        return;
      }
      throw error;
    },
  );
}

function isParseArgsError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS")
  );
}
