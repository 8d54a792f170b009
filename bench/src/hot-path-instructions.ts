import { spawnSync } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { bundleChild } from "./bundle-child.js";
import { type InstructionClientName, instructionClientNames } from "./instruction-clients.js";
import { runChild } from "./ts-child.js";

/** Settings of the instruction count. */
export interface InstructionSettings {
  /** Requests in the short run; the long run makes 4N. */
  n: number;
  warmupRequests: number;
  /** How many callgrind processes run side by side. */
  parallel: number;
}

/** Instructions per request of each client, and the ratio of each to the bare client. */
export type InstructionResult =
  | {
      measured: true;
      settings: InstructionSettings;
      valgrind: string;
      instructionsPerRequest: Record<InstructionClientName, number>;
      ratioToBare: Record<Exclude<InstructionClientName, "bare">, number>;
      /** Where the callgrind profiles are kept for `callgrind_annotate`, from the repository root. */
      profilesDir: string;
    }
  | { measured: false; reason: string };

const profilesDir = fileURLToPath(new URL("../.work/callgrind/", import.meta.url));
const runBoundary = "node::v8_utils::SetFlagsFromString*";

/**
 * Counts CPU instructions per hot-path request under callgrind, which stays repeatable on a
 * noisy machine. Each client runs in its own process over an in-process `fetch`: a warm-up,
 * then N requests, then 4N; `(instr(4N) − instr(N)) / 3N` cancels every fixed cost. V8 runs
 * without its optimizing tier (`--no-opt`), whose background compiles would otherwise land in
 * the measured runs at random; the requests/s comparison covers optimized code.
 */
export async function runHotPathInstructions(
  settings: InstructionSettings,
): Promise<InstructionResult> {
  const version = spawnSync("valgrind", ["--version"], { encoding: "utf8" });
  if (version.error !== undefined || version.status !== 0) {
    return { measured: false, reason: "valgrind is not installed (apt-get install valgrind)" };
  }
  await rm(profilesDir, { recursive: true, force: true });
  await mkdir(profilesDir, { recursive: true });
  const child = await bundleChild("./hot-path-instructions-child.ts");

  const instructionsPerRequest = {} as Record<InstructionClientName, number>;
  const queue = [...instructionClientNames];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      instructionsPerRequest[name] = await countInstructionsPerRequest(child, name, settings);
    }
  };
  await Promise.all(Array.from({ length: settings.parallel }, worker));

  const ratioToBare = {} as Record<Exclude<InstructionClientName, "bare">, number>;
  for (const name of instructionClientNames) {
    if (name !== "bare")
      ratioToBare[name] = instructionsPerRequest[name] / instructionsPerRequest.bare;
  }
  return {
    measured: true,
    settings,
    valgrind: version.stdout.trim(),
    instructionsPerRequest,
    ratioToBare,
    profilesDir: "bench/.work/callgrind/",
  };
}

async function countInstructionsPerRequest(
  child: string,
  name: InstructionClientName,
  settings: InstructionSettings,
): Promise<number> {
  const outFile = `${profilesDir}${name.replace(/[^a-z0-9]+/gi, "-")}.out`;
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
    name,
    String(settings.n),
    String(settings.warmupRequests),
  ]);
  // Dump 1 holds start-up and warm-up, dump 2 the N run, dump 3 the 4N run.
  const shortRun = await readTotal(`${outFile}.2`);
  const longRun = await readTotal(`${outFile}.3`);
  return (longRun - shortRun) / (3 * settings.n);
}

async function readTotal(profile: string): Promise<number> {
  const match = /^totals: (\d+)/m.exec(await readFile(profile, "utf8"));
  if (match?.[1] === undefined) throw new Error(`no totals line in ${profile}`);
  return Number(match[1]);
}
