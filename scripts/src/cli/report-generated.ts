import type { CliIo } from "./run-cli.js";

/** What a generating command wrote, or would write (`--check`). */
export interface GeneratedReport {
  /** The files a fresh run changes, relative to the checkout. */
  changed: string[];
  /** What was generated, e.g. `41 fragments, 44 operations`. */
  summary: string;
  /** Names the output in the up-to-date lines, e.g. `Generated files`. */
  what: string;
  check: boolean;
}

/**
 * Reports a generating command's outcome and returns its exit code: with `--check`, 1 and the
 * files that differ from a fresh run; otherwise 0 and what was written.
 */
export function reportGenerated(io: CliIo, report: GeneratedReport): number {
  const { changed, summary, what } = report;
  if (report.check) {
    if (changed.length === 0) {
      io.out(`${what} are up to date (${summary}).`);
      return 0;
    }
    io.err(
      `These generated files differ from a fresh run:\n  ${changed.join("\n  ")}\nRun \`pnpm generate\` and commit the result.`,
    );
    return 1;
  }
  io.out(
    changed.length === 0
      ? `${what} already up to date (${summary}).`
      : `Wrote ${changed.join(", ")} (${summary}).`,
  );
  return 0;
}
