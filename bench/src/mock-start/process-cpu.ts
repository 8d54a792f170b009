import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/**
 * CPU time (user + system) the process `pid` has used so far, in milliseconds, read from
 * `/proc/<pid>/stat`: all its threads together, in steps of one clock tick (10 ms where
 * `getconf CLK_TCK` is 100). Linux only; throws naming the process when it cannot be read.
 */
export function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch (error) {
    throw new Error(`cannot read the CPU time of process ${pid}: ${(error as Error).message}`);
  }
  // The command name, field 2, is parenthesised and may hold spaces; field 3 follows the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) {
    throw new Error(`unexpected /proc/${pid}/stat: ${stat}`);
  }
  ticksPerSecond ??= clockTicksPerSecond();
  return ((utime + stime) * 1000) / ticksPerSecond;
}

function clockTicksPerSecond(): number {
  try {
    const ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    // USER_HZ, the unit of /proc/<pid>/stat, is 100 on every mainstream Linux.
    return 100;
  }
}
