import { spawnSync } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { type ClientName, clientsIn } from "../clients/registry.js";
import { resourceClientName } from "../clients/resources.js";
import { measuredClientName } from "../clients/thredfi.js";
import type { Measurement } from "../measurement.js";
import { instructionsPerRequest } from "../support/callgrind.js";
import { bundleChild, workPath } from "../support/child-process.js";
import { count, row, type TableRow, times, verdict } from "../support/format.js";

/** Settings of the instruction count. */
export interface InstructionSettings {
  /** Requests in the short run; the long run makes 4N. */
  n: number;
  warmupRequests: number;
  /** How many callgrind processes run side by side. */
  parallel: number;
}

type InstructionClient = ClientName<"instructions">;

/** Instructions per request of each client, and the ratio of each to the bare client. */
export type InstructionResult =
  | {
      measured: true;
      settings: InstructionSettings;
      valgrind: string;
      instructionsPerRequest: Record<InstructionClient, number>;
      ratioToBare: Record<Exclude<InstructionClient, "bare">, number>;
      /** Where the callgrind profiles are kept for `callgrind_annotate`, from the repository root. */
      profilesDir: string;
    }
  | { measured: false; reason: string };

const settings: InstructionSettings = { n: 150, warmupRequests: 200, parallel: 2 };
const profilesDir = workPath("callgrind");

/** 1a: CPU instructions per hot-path request under callgrind. */
/** The most CPU instructions per request each measured client may cost, as a ratio to bare. */
const TARGETS: Record<string, number> = {
  [measuredClientName]: 1.1,
  [resourceClientName]: 1.0,
};

export const instructions: Measurement<"instructions", InstructionResult> = {
  name: "instructions",
  key: "instructions",
  title: "1a instructions per request under callgrind",
  run: () => countInstructions(settings),
  rows: instructionRows,
  hotPath(result) {
    if (!result.measured) return `CPU instructions not measured: ${result.reason}`;
    const ratio = result.ratioToBare[measuredClientName];
    const noise = result.ratioToBare["bare (second client, null comparison)"];
    const resource = result.ratioToBare[resourceClientName];
    return `${times(ratio)} CPU instructions per request (target ≤ 1.10×; null ${times(noise)}), ${resourceClientName} ${times(resource)} (target ≤ 1.00×)`;
  },
  method: (result) => {
    const used = result?.measured ? result.settings : undefined;
    return `- **1a. CPU instructions per request** on the hot path (\`GET /v1/platform/businesses/\`
  with a warm token), counted by \`valgrind --tool=callgrind\`, which stays repeatable when
  wall-clock time does not. Each client runs in its own process over an in-process \`fetch\`
  that answers at once: a warm-up of ${used ? count(used.warmupRequests) : "W"} requests, then N = ${used ? count(used.n) : "N"}
  requests, then 4N. Callgrind dumps its counters at each boundary, and
  \`(instr(4N) − instr(N)) / 3N\` cancels every fixed cost (start-up, JIT warm-up, the dump
  itself). Compared: \`${measuredClientName}\` (every guard on) against a bare openapi-fetch
  \`createClient\` with a static \`Authorization\` header (passed in its \`headers\` option), plus
  reference points: a \`fetch\` wrapper that sets the header (the thinnest dynamic header
  possible), a plain async middleware, and the same bare client sending no header at all (the
  floor of any auth scheme). Target: ≤ 1.10× bare. openapi-fetch merges the \`headers\` option
  into a new \`Headers\` on every request, so setting one header on the \`Request\` can cost less
  than the baseline itself; the floor row shows how much of the request any header costs. V8
  runs without its optimizing tier (\`--no-opt\`) here: under valgrind the tier would still be
  compiling on background threads during the measured runs and swing the counts by several
  percent, while without it the null comparison repeats to the third decimal. Optimized code
  is what the requests/s comparison measures. The profiles stay in \`bench/.work/callgrind/\`
  for \`callgrind_annotate\`. Without valgrind this measurement is skipped with a message.`;
  },
};

/**
 * Counts CPU instructions per hot-path request under callgrind, which stays repeatable on a
 * noisy machine. Each client runs in its own process over an in-process `fetch`: a warm-up,
 * then N requests, then 4N; `(instr(4N) − instr(N)) / 3N` cancels every fixed cost. V8 runs
 * without its optimizing tier (`--no-opt`), whose background compiles would otherwise land in
 * the measured runs at random; the requests/s comparison covers optimized code.
 */
async function countInstructions(settings: InstructionSettings): Promise<InstructionResult> {
  const version = spawnSync("valgrind", ["--version"], { encoding: "utf8" });
  if (version.error !== undefined || version.status !== 0) {
    return { measured: false, reason: "valgrind is not installed (apt-get install valgrind)" };
  }
  await rm(profilesDir, { recursive: true, force: true });
  await mkdir(profilesDir, { recursive: true });
  const child = await bundleChild(new URL("./child.ts", import.meta.url), "instructions-child");

  const names = clientsIn("instructions");
  const instructionsPerRequest = {} as Record<InstructionClient, number>;
  const queue = [...names];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      instructionsPerRequest[name] = await countInstructionsPerRequest(child, name, settings);
    }
  };
  await Promise.all(Array.from({ length: settings.parallel }, worker));

  const ratioToBare = {} as Record<Exclude<InstructionClient, "bare">, number>;
  for (const name of names) {
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

function countInstructionsPerRequest(
  child: string,
  name: InstructionClient,
  settings: InstructionSettings,
): Promise<number> {
  const outFile = `${profilesDir}${name.replace(/[^a-z0-9]+/gi, "-")}.out`;
  return instructionsPerRequest(
    child,
    [name, String(settings.n), String(settings.warmupRequests)],
    settings.n,
    outFile,
  );
}

function instructionRows(result: InstructionResult): TableRow[] {
  if (!result.measured) {
    return [row("1a instructions/request", `skipped: ${result.reason}`, "≤ 1.10×", "")];
  }
  const floor = result.instructionsPerRequest["bare, no Authorization header (floor)"];
  return clientsIn("instructions").map((name) => {
    const perRequest = result.instructionsPerRequest[name];
    const ratio = name === "bare" ? 1 : result.ratioToBare[name];
    const value = `${Math.round(perRequest).toLocaleString("en-US")} instr = ${times(ratio)} bare, ${times(perRequest / floor)} floor`;
    const measurement = `1a instructions/request: ${name}`;
    const target = TARGETS[name];
    if (target === undefined) return row(measurement, value, "", "");
    return row(measurement, value, `≤ ${times(target)} bare`, verdict(ratio <= target));
  });
}
