import { readFile } from "node:fs/promises";
import { runChild } from "./child-process.js";

// The children mark each run's end with a call into V8's flag parser, on which callgrind dumps.
const runBoundary = "node::v8_utils::SetFlagsFromString*";

/**
 * Instructions per request of a child run under callgrind: the child warms up, then makes `n`
 * requests, then `4n`, marking each boundary; the difference of the last two runs over `3n`
 * leaves start-up and warm-up out. `args` follow the child's path; profiles go to `outFile.*`.
 */
export async function instructionsPerRequest(
  child: string,
  args: readonly string[],
  n: number,
  outFile: string,
): Promise<number> {
  await runChild([
    "valgrind",
    "--tool=callgrind",
    `--dump-before=${runBoundary}`,
    `--callgrind-out-file=${outFile}`,
    process.execPath,
    // The optimizing tier would still be compiling on background threads during the measured
    // runs under valgrind and swing the counts by several percent; without it they repeat.
    "--no-opt",
    child,
    ...args,
  ]);
  // Dump 1 holds start-up and warm-up, dump 2 the N run, dump 3 the 4N run.
  const shortRun = await readTotal(`${outFile}.2`);
  const longRun = await readTotal(`${outFile}.3`);
  return (longRun - shortRun) / (3 * n);
}

async function readTotal(profile: string): Promise<number> {
  const match = /^totals: (\d+)/m.exec(await readFile(profile, "utf8"));
  if (match?.[1] === undefined) throw new Error(`no totals line in ${profile}`);
  return Number(match[1]);
}
