import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";

/** Whether a process exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return statField(stat, 0) !== "Z";
  } catch {
    return false;
  }
}

/** Ids of the live processes whose parent is `parentPid` (read from /proc). */
export function childPids(parentPid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(statField(stat, 1)) === parentPid && statField(stat, 0) !== "Z") {
        children.push(Number(entry));
      }
    } catch {
      // The process ended while we were listing.
    }
  }
  return children;
}

/** Resolves `true` as soon as `pid` is gone, `false` if it still runs after `timeoutMs`. */
export async function waitUntilGone(pid: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Whether an HTTP server answers at `url`. (Neither binding nor connecting to the port is proof:
 * the kernel may hold the port in TIME_WAIT, and a connection may briefly open and be reset.)
 */
export function answersHttp(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request(url, { method: "HEAD", agent: false }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
    probe.end();
  });
}

// Fields after "pid (comm)": index 0 is the state, index 1 the parent pid.
function statField(stat: string, index: number): string | undefined {
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[index];
}
