import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg } from "node:os";

/** The machine and software a run measured, for reading its numbers in context. */
export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  node: string;
  /** 1-minute load average when the run started: a busy machine widens the null comparison. */
  loadAverageAtStart: number;
  valgrind: string | undefined;
  packages: Record<string, string>;
}

const fromBench = createRequire(import.meta.url);
const fromScripts = createRequire(fromBench.resolve("@thredfi/scripts/package.json"));

/** Reads the CPU model from /proc/cpuinfo, the core count, and the versions in use. */
export function describeMachine(): MachineInfo {
  return {
    nproc: availableParallelism(),
    cpuModel: cpuModel(),
    node: process.version,
    loadAverageAtStart: loadavg()[0] ?? 0,
    valgrind: valgrindVersion(),
    packages: {
      "@thredfi/auth": versionOf(fromBench, "@thredfi/auth"),
      "@thredfi/client": versionOf(fromBench, "@thredfi/client"),
      "openapi-fetch": versionOf(fromBench, "openapi-fetch"),
      axios: versionOf(fromBench, "axios"),
      typescript: versionOf(fromBench, "typescript"),
      "openapi-typescript": versionOf(fromScripts, "openapi-typescript"),
    },
  };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
    return match?.[1]?.trim() ?? "unknown";
  } catch {
    return "unknown";
  }
}

function valgrindVersion(): string | undefined {
  try {
    return execFileSync("valgrind", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

function versionOf(require: NodeJS.Require, name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}
